import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'

const WRONG = /不准确|不对|不一致/

describe('statements checked slot by slot', () => {
  it('two numbers of a rule swapped is wrong, however close the words', () => {
    const a = ask('请核实以下表述：遴选条件为“相应学科成绩在本校年级前20%或综合成绩排名前15%”。是否准确？')
    expect(a.answer).toMatch(WRONG)
    expect(a.answer).not.toMatch(/^正确/)
    // The same rule stated right stays right.
    expect(
      ask('请核实以下表述：遴选条件为“相应学科成绩在本校年级前15%或综合成绩排名前20%”。是否准确？').answer,
    ).toMatch(/^正确/)
  })
  it('a party given another party’s task is wrong, and the article names who does it', () => {
    const a = ask('请核实：《申请表》及报名材料的真实性由市级科协负责审核。该表述是否准确？')
    hasEach(a.answer, [['不准确'], ['学校对《申请表》']])
    hasEach(ask('请核实：管理办公室负责对实施方案进行审定。').answer, [['不准确'], ['主办单位，负责审定实施方案']])
    hasEach(ask('请核实：研究方向和选题于2023年11月师生见面会上确定，并报自治区教育厅备案。').answer, [
      ['不准确'],
      ['2023年12月'],
      ['报管理办公室备案'],
    ])
  })
  it('a party doing a task the plan gives it in other words is never called wrong', () => {
    expect(ask('请核实：市级科协负责审核申报材料的完整性').answer).not.toMatch(WRONG)
    expect(ask('请核实：管理办公室负责制定实施方案').answer).not.toMatch(WRONG)
  })
  it('a statement after 请判断： is checked, not read as a student to assess', () => {
    const a = ask('请判断：学生仅在初中阶段获得的自治区级科技竞赛奖项，不能作为优先推荐条件。')
    expect(a.eligibility).toBeUndefined()
    hasEach(a.answer, [['不准确'], ['初中、高中']])
  })
})

describe('days from a day said to a step dated by its month’s end', () => {
  it('counts to the last day of that month, said as such', () => {
    hasEach(ask('今天是2023年11月20号，离中期平价截止还有多少天啊？').answer, [['101天'], ['2024年2月29日']])
    hasEach(ask('今日为2023年12月1日，距中期评价截止日（按2024年2月最后一日计，不含当日）还有多少天？').answer, [
      ['90天'],
    ])
  })
})

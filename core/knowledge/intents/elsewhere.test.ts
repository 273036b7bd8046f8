import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('a same-named thing elsewhere', () => {
  it.each([
    ['广东省的英才计划什么时候报名', '广东的英才计划'],
    ['全国青少年科技创新大赛什么时候报名', '全国青少年科技创新大赛'],
    ['参加全国中学生物理竞赛在哪报名', '全国中学生物理竞赛'],
    ['高考什么时候', '高考'],
    ['广西科技馆几点开门', '广西科技馆'],
    ['我们学校正在申报自治区示范性高中，材料什么时候交？', '自治区示范性高中'],
    ['学校在创建特色高中，评审流程是怎样的', '特色高中'],
  ])("%s → out of scope, naming %s, with none of this plan's dates", (q, thing) => {
    const r = ask(q)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain(`“${thing}”`)
    expect(r.answer).not.toMatch(/2023年10月24日|10月24日/)
  })
  it("leaves awards in a contest to the plan's priority rules", () => {
    expect(ask('省里的物理竞赛获奖算优先吗').answer).toContain('自治区级及以上')
  })
})

describe('what the plan leaves open, and whether a priority condition is required', () => {
  it.each(['优先条件是必须的吗', '没有竞赛获奖能报吗', '一定要有专利吗'])('%s → not required, and what is', (q) => {
    const r = ask(q)
    expect(r.answer.startsWith('不是必须的')).toBe(true)
    expect(r.answer).toContain('前15%')
  })
  it('says future changes to the plan are open, with the office', () => {
    const r = ask('明年的方案会不会变')
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('0771-2809218')
  })
  it('still answers that a student may apply again next year (五（一）)', () => {
    expect(ask('明年还能再报吗').answer).toContain('下一年度')
  })
})

describe('formal requests about other programmes and titles', () => {
  it.each([
    ['烦请告知教育部、中国科协的全国“英才计划”下一年度的申报时间。', '英才计划'],
    ['上海市“雏鹰计划”的学员选拔程序是什么？', '雏鹰计划'],
    ['我校拟推荐一名教师参评“八桂学者”，申报条件有哪些？', '八桂学者'],
    ['请问中学一级教师职称评定需要哪些材料和流程？', '职称'],
  ])('%s', (q, thing) => {
    const r = ask(q)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain(thing)
    expect(r.answer).not.toMatch(/2023年10月|10月24日|10月27日/)
  })
  it('still answers a mentor title from the plan', () => {
    expect(ask('导师团队成员需要具备什么职称？').intent).not.toBe('out_of_scope')
  })
})

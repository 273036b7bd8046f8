import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('the step a question asks about, among steps it names as context', () => {
  it.each(['学校10月24号截止推荐 市里27号 那区里审核什么时候完成', '10月27日之后管办什么时候审核完'])(
    '%s → the regional review, which the plan gives no date',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('deadline')
      expect(r.answer).toMatch(/^[^。]*没有给这一步规定具体日期/)
      expect(r.sources[0]?.section).toBe('九（二）2（2）')
    },
  )
  it('still reads a day with no other step after it as that day’s step', () => {
    expect(ask('10月24号是什么截止').answer).toMatch(/^学校推荐的截止时间/)
  })
})

describe("the fact of the one step named, before another step's fact sharing its words", () => {
  it('年度评价不合格会怎样 → the annual evaluation, not the mid-term', () => {
    const r = ask('年度评价不合格会怎样')
    expect(r.answer).toMatch(/^年度评价在2024年9月底前/)
  })
  it('中期评价不合格会怎样 → still the mid-term', () => {
    expect(ask('中期评价不合格会怎样').answer).toMatch(/^中期评价/)
  })
})

describe("writing a person's own material", () => {
  it.each(['帮我写一份申请表的自我介绍', '帮孩子写个成长日志呗', '能不能帮忙润色一下课题报告'])(
    '%s → refused as out of scope, saying why',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('out_of_scope')
      expect(r.answer).toContain('代写或润色材料不在我的范围内')
    },
  )
  it.each(['成长日志怎么写', '申请表怎么填写'])('%s → still the program’s answer', (q) => {
    expect(ask(q).intent).not.toBe('out_of_scope')
  })
})

describe('the national 英才计划 compared with this one', () => {
  it.each([
    '全国英才计划和八桂英才计划有什么区别',
    '这个跟中国科协的英才计划是一回事吗',
    '八桂英才计划和英才计划有关系吗',
  ])('%s → not the same program, with this plan’s basis, organisers and cities', (q) => {
    const r = ask(q)
    expect(r.answer).toMatch(/^两者不是同一个项目/)
    expect(r.answer).toContain('科协办发青字〔2022〕37号')
    expect(r.answer).toContain('自治区教育厅')
    expect(r.sources.map((s) => s.section)).toEqual(['序', '二', '三（一）'])
  })
})

describe('shares and multiples of the city quotas', () => {
  it('三市合计…其中南宁占比 → the total and 南宁 as 50%, no city borrowed for the total', () => {
    const r = ask('请问贵办，三市合计选拔多少名学生？其中南宁占比多少？')
    expect(r.answer).toMatch(/^本计划按城市分配名额/)
    expect(r.answer).toContain('南宁市30名，占三市合计60名的50%')
  })
  it.each([
    ['桂林占几成', '桂林市15名，占三市合计60名的25%'],
    ['南宁名额是柳州的几倍', '南宁市的名额是柳州市的2倍'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it('leaves the weight of grades to the open point', () => {
    expect(ask('中期和年度评价各占多少比重').intent).toBe('not_in_document')
  })
})

describe('question words are never a qualifier the plan is silent on', () => {
  it('导师有无优先考虑 → the priority the plan gives, no "有无" gap', () => {
    const r = ask('请问培养结束后学生能否再次参加？导师有无优先考虑？')
    expect(r.answer).toContain('优先考虑')
    expect(r.answer).not.toContain('“有无”')
  })
})

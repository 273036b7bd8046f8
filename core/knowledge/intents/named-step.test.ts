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

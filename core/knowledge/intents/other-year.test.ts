import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

const LATER = new Date('2026-03-01T10:00:00+08:00')

describe('other_year: a relative year that is not a year of the program', () => {
  it('reads 去年 dating what the student did as the time of the deed', () => {
    const r = ask('孩子前年化学竞赛得了桂林市二等奖，这个能优先吗', LATER)
    expect(r.answer).not.toContain('还没有载入')
    expect(r.answer).toContain('自治区级')
  })
  it('reads taking part in the next year’s training as the plan’s own rule', () => {
    const r = ask('这一期结束后，孩子还可以报名参加下一年度的培养吗', LATER)
    expect(r.answer).not.toContain('还没有载入')
    expect(r.answer).toContain('优先')
  })
  it('still says another year’s plan is not loaded when its dates are asked', () => {
    expect(ask('明年的报名什么时候截止', LATER).answer).toContain('还没有载入')
  })
})

describe('elsewhere: a university’s own admissions', () => {
  it.each(['广西师范大学前年的录取分数线是多少', '广西科技大学往年投档线大概多少分'])('%s → out of scope', (q) => {
    const r = ask(q, LATER)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).not.toMatch(/20\d\d年\d/)
  })
})

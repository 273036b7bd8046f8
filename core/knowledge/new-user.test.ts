import { describe, expect, it } from 'vitest'
import { ask } from '../../test/helpers/qa'

/** What a new user found when trying the assistant (issue 9, "found when tried as a new user"). */
describe('traditional characters', () => {
  it('reads a question in traditional characters as the same question in simplified ones', () => {
    const r = ask('南寧市選多少個學生')
    expect(r.intent).toBe('quota')
    expect(r.answer).toContain('南宁市选拔30名')
    expect(ask('報名截止日期是幾號？').answer).toContain('2023年10月24日')
  })
  it('extracts the profile of a traditional-character message', () => {
    expect(ask('我家孩子在桂林讀高二，物理年級前10%，能報嗎').eligibility).toEqual({
      verdict: 'eligible',
      priority: false,
    })
  })
})

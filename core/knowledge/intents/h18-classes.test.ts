import { describe, expect, it } from 'vitest'
import { ask, judge } from '../../../test/helpers/qa'

/** Today's real date: the 2023 cohort's period is over, every dated answer carries the year note. */
const LATE = new Date('2026-12-02T10:00:00+08:00')

describe('the year note comes once, after the asked points', () => {
  it.each([
    '请问：1.市级审核何时截止？2.学校推荐何时截止？',
    '中期评价啥时候 年度评价又是啥时候',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a.match(/以上是2023年这一期的安排/g)?.length).toBe(1)
    expect(a.endsWith('（电话0771-2809218）。')).toBe(true)
    expect(a).toContain('之后年度的实施方案还没有载入助手')
    expect([...a].length).toBeLessThanOrEqual(400)
  })
})

import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

const LATE = new Date('2026-03-01T10:00:00+08:00')

describe('the calendar asked for whole', () => {
  it.each([
    ['麻烦把本期从报名到结业的全部时间节点依次列出来', LATE],
    ['请梳理一下今年各个时间节点', LATE],
    ['请按顺序说明整个培养周期的时间安排', new Date('2023-10-20T10:00:00+08:00')],
  ])('%s lists every step to the end', (q, now) => {
    const r = ask(q, now)
    expect(r.intent).toBe('schedule')
    expect(r.answer).toContain('10月24日')
    expect(r.answer).toContain('年度评价')
    expect(r.answer).toMatch(/2024年9月30日|2024年9月/)
  })
  it('the next steps alone stay short', () => {
    const r = ask('接下来有哪些时间节点', new Date('2023-10-20T10:00:00+08:00'))
    expect(r.answer).toContain('接下来')
    expect(r.answer).not.toContain('年度评价')
  })
})

import { describe, expect, it } from 'vitest'
import { builtInProgram } from '../knowledge/program'
import { describeDue, describeMonth, milestoneStatus, nextMilestones } from './deadlines'

const program = builtInProgram(2023)!
const at = (iso: string) => new Date(iso)
const milestone = (key: string) => program.milestones.find((m) => m.key === key)!

describe('describeDue', () => {
  it.each([
    ['2023-10-19T10:00:00+08:00', '还有 5 天（2023年10月24日截止）'],
    ['2023-10-23T23:59:00+08:00', '还有 1 天（2023年10月24日截止）'],
    ['2023-10-24T00:00:00+08:00', '今天截止（2023年10月24日）'],
    ['2023-10-24T15:59:00Z', '今天截止（2023年10月24日）'],
    // 16:30 UTC is already 00:30 of the 25th in Beijing.
    ['2023-10-24T16:30:00Z', '已于2023年10月24日截止'],
    ['2024-03-15T10:00:00+08:00', '已于2023年10月24日截止'],
  ])('at %s', (now, text) => {
    expect(describeDue('2023-10-24', at(now))).toBe(text)
  })
})

describe('describeMonth', () => {
  it('speaks of the month, never a made-up day', () => {
    expect(describeMonth('2023-11', at('2023-10-20T12:00:00+08:00'))).toBe('2023年11月内')
    expect(describeMonth('2023-11', at('2023-11-27T12:00:00+08:00'))).toBe('本月内（2023年11月，本月还剩 3 天）')
    expect(describeMonth('2023-11', at('2023-10-31T16:30:00Z'))).toBe('本月内（2023年11月，本月还剩 29 天）')
    expect(describeMonth('2023-11', at('2023-12-01T08:00:00+08:00'))).toBe('2023年11月已过')
  })
})

describe('milestoneStatus', () => {
  it('a dated step', () => {
    expect(milestoneStatus(milestone('school_submission'), at('2023-10-19T09:00:00+08:00'))).toMatchObject({
      key: 'school_submission',
      section: '九（二）1',
      state: 'upcoming',
      daysLeft: 5,
      text: '还有 5 天（2023年10月24日截止）',
    })
    expect(milestoneStatus(milestone('school_submission'), at('2023-10-24T16:30:00Z'))).toMatchObject({
      state: 'past',
      daysLeft: -1,
    })
  })

  it('a month-only step', () => {
    const status = milestoneStatus(milestone('meet_and_greet'), at('2023-10-20T12:00:00+08:00'))
    expect(status).toMatchObject({ state: 'upcoming', month: '2023-11', text: '2023年11月内' })
    expect(status.text).not.toContain('30日')
    expect(milestoneStatus(milestone('meet_and_greet'), at('2023-11-05T12:00:00+08:00')).state).toBe('this_month')
  })
})

describe('nextMilestones', () => {
  it('lists what is not over, soonest first', () => {
    const keys = nextMilestones(program, at('2023-10-25T09:00:00+08:00')).map((s) => s.key)
    expect(keys[0]).toBe('city_review')
    expect(keys).not.toContain('school_submission')
    expect(keys.indexOf('meet_and_greet')).toBeLessThan(keys.indexOf('research_direction'))
  })

  it('filters by audience', () => {
    const forCity = nextMilestones(program, at('2023-10-01T09:00:00+08:00'), 'city').map((s) => s.key)
    expect(forCity).toEqual(['city_review', 'meet_and_greet'])
    const forStudent = nextMilestones(program, at('2023-10-01T09:00:00+08:00'), 'student').map((s) => s.key)
    expect(forStudent).toContain('school_submission')
    expect(forStudent).not.toContain('city_review')
  })

  it('is empty once the cohort is over', () => {
    expect(nextMilestones(program, at('2024-10-01T09:00:00+08:00'))).toEqual([])
  })
})

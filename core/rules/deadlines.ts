import type { Program, ProgramMilestone } from '../knowledge/program'
import { beijingDate, chineseDate, chineseMonth, daysBetween, lastDayOfMonth } from '../time'

/**
 * Milestones relative to now, in Beijing time whatever the host's zone. A step the plan dates
 * only by month (m.month set) is spoken of as that month, never as a made-up day.
 */

/** Where a milestone stands today: not yet, due today, within its month, or over. */
export type MilestoneState = 'upcoming' | 'today' | 'this_month' | 'past'

/** A milestone with its standing and a Chinese phrase for it ('还有 5 天（2023年10月24日截止）'). */
export interface MilestoneStatus {
  key: string
  title: string
  section: string
  due: string
  month?: string
  state: MilestoneState
  /** Whole Beijing days from today to `due` (negative once past). */
  daysLeft: number
  text: string
}

/**
 * A due day relative to `now`: '今天截止（2023年10月24日）', '还有 5 天（2023年10月24日截止）',
 * '已于2023年10月24日截止'. Days are Beijing calendar days.
 */
export function describeDue(due: string, now: Date): string {
  const days = daysBetween(beijingDate(now), due)
  if (days === 0) return `今天截止（${chineseDate(due)}）`
  if (days > 0) return `还有 ${days} 天（${chineseDate(due)}截止）`
  return `已于${chineseDate(due)}截止`
}

/** A month-only step relative to `now`: '2023年11月内', '本月内（2023年11月，本月还剩 3 天）', '2023年11月已过'. */
export function describeMonth(month: string, now: Date): string {
  const today = beijingDate(now)
  const thisMonth = today.slice(0, 7)
  if (month > thisMonth) return `${chineseMonth(month)}内`
  if (month < thisMonth) return `${chineseMonth(month)}已过`
  const left = daysBetween(today, lastDayOfMonth(month))
  return `本月内（${chineseMonth(month)}，本月还剩 ${left} 天）`
}

/** Where one milestone stands at `now`, with the phrase to say about it. */
export function milestoneStatus(m: ProgramMilestone, now: Date): MilestoneStatus {
  const today = beijingDate(now)
  const daysLeft = daysBetween(today, m.due)
  const base = { key: m.key, title: m.title, section: m.section, due: m.due, daysLeft }
  if (m.month) {
    const thisMonth = today.slice(0, 7)
    const state: MilestoneState = m.month > thisMonth ? 'upcoming' : m.month < thisMonth ? 'past' : 'this_month'
    return { ...base, month: m.month, state, text: describeMonth(m.month, now) }
  }
  const state: MilestoneState = daysLeft > 0 ? 'upcoming' : daysLeft === 0 ? 'today' : 'past'
  return { ...base, state, text: describeDue(m.due, now) }
}

/**
 * The program's milestones that are not over at `now`, soonest first, optionally only those
 * meant for one audience ('student', 'school', …).
 */
export function nextMilestones(
  program: Program,
  now: Date,
  audience?: ProgramMilestone['audience'][number],
): MilestoneStatus[] {
  return program.milestones
    .filter((m) => !audience || m.audience.includes(audience))
    .map((m) => milestoneStatus(m, now))
    .filter((s) => s.state !== 'past')
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key))
}

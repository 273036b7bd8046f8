import { cohortYearOf } from './program'
import { chineseDate, daysBetween, monthsBetween } from '../time'
import type { Context } from './context'
import type { QaAnswer } from './qa-answer'

/**
 * Days said outright in a question ("10月24号", "明年2月底") and the span between two of them, for the
 * interval intent: a month's end is its last day, a month before the training starts is next year's.
 */

/** A day said in an ask: a day of a month, or a month's end ("2月底", "9月末"), in the order said. */
export interface Point {
  day: string
  monthEnd: boolean
}
const POINT = /(?:(20\d\d)年)?(\d{1,2})月(?:(\d{1,2})[日号]|(底|末))/g

/** The days an ask says, each in the cohort's year or the next (a month before the training starts is next year's). */
export function saidPoints(ctx: Context, q: string): Point[] {
  return [...q.matchAll(POINT)].flatMap((m) => {
    const month = Number(m[2])
    if (month < 1 || month > 12) return []
    const year = m[1] ? Number(m[1]) : cohortYearOf(ctx.program, month)
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const date = m[3] ? Number(m[3]) : last
    if (date < 1 || date > last) return []
    return [{ day: `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`, monthEnd: !m[3] }]
  })
}

/** The days between two days said (or the days left from the first), the steps due on them named as sources. */
export function saidDaysAnswer(
  ctx: Context,
  [a, b]: [Point, Point],
  left = false,
  bothEnds = false,
): QaAnswer | undefined {
  const [from, to] = a.day <= b.day ? [a, b] : [b, a]
  const gap = daysBetween(from.day, to.day)
  if (gap === 0) return undefined
  const end = (p: Point) => (p.monthEnd ? `（月底按当月最后一天${chineseDate(p.day)}算）` : '')
  const dated = ctx.program.milestones.filter(
    (m) =>
      m.due === from.day ||
      m.due === to.day ||
      (m.month !== undefined && [from, to].some((p) => p.monthEnd && p.day.startsWith(m.month as string))),
  )
  return {
    // Days left ("以11月1日计，距…还有多少天") are counted from the day after; a span counts both ends when asked to.
    answer: left
      ? `从${chineseDate(from.day)}算起，到${chineseDate(to.day)}${end(to)}还有${gap}天。`
      : `${chineseDate(from.day)}到${chineseDate(to.day)}${end(to)}相差${gap}天${bothEnds ? `；两头都算共${gap + 1}天` : ''}。`,
    intent: 'deadline',
    sources: dated.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: dated.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

/** The months between two days said ("2月底" to "9月底": 7 months), counted month to month. */
export function saidMonthsAnswer([a, b]: [Point, Point]): QaAnswer | undefined {
  const [from, to] = a.day <= b.day ? [a, b] : [b, a]
  const months = monthsBetween(from.day.slice(0, 7), to.day.slice(0, 7))
  if (months <= 0) return undefined
  return {
    answer: `${chineseDate(from.day)}到${chineseDate(to.day)}相差${months}个月。`,
    intent: 'deadline',
    sources: [],
    confidence: 0.8,
    facts: [],
  }
}

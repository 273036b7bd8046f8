import calendar from 'chinese-days/dist/chinese-days.json'
import { addDays } from '../time'

/**
 * Working days on China's official calendar (State Council holiday notices, 调休 included),
 * from the `chinese-days` package's data: a weekend day made a working day counts, a weekday
 * inside a holiday does not. Used for the 5-working-day public notice of 九（二）4.
 *
 * We read the package's date tables rather than call its `isWorkday()`, which parses dates in
 * the host's time zone and is a day off on hosts west of UTC; here a day is a YYYY-MM-DD
 * string and no local clock is involved (CONTRACT §1: TZ is irrelevant).
 */

const HOLIDAYS: Record<string, string> = calendar.holidays
const MADE_WORKDAYS: Record<string, string> = calendar.workdays
const DAY = /^\d{4}-\d{2}-\d{2}$/

function weekday(day: string): number {
  const at = new Date(`${day}T00:00:00Z`)
  if (!DAY.test(day) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a YYYY-MM-DD day: ${day}`)
  }
  return at.getUTCDay()
}

/** Whether a YYYY-MM-DD day is a working day in mainland China. Throws RangeError on a malformed day. */
export function isWorkingDay(day: string): boolean {
  const dow = weekday(day)
  if (MADE_WORKDAYS[day]) return true
  return dow >= 1 && dow <= 5 && !HOLIDAYS[day]
}

/**
 * The working day `n` working days after `start` (before it when `n` is negative); `start`
 * itself is not counted, so `addWorkingDays(friday, 1)` is the next working day, and n = 0
 * gives `start`. Throws RangeError on a malformed day or a non-integer n.
 */
export function addWorkingDays(start: string, n: number): string {
  weekday(start)
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`)
  const step = n < 0 ? -1 : 1
  let day = start
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step)
    if (isWorkingDay(day)) left--
  }
  return day
}

/** The working days from `from` to `to`, both counted (none when `to` is before `from`). Throws RangeError on a malformed day. */
export function workingDaysBetween(from: string, to: string): number {
  weekday(from)
  weekday(to)
  let count = 0
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++
  return count
}

/**
 * The last day of a public notice that starts on `start` and lasts `workingDays` working days.
 * A notice put up on a holiday or a weekend runs from the next working day. Throws RangeError
 * on a malformed day or fewer than one working day.
 */
export function noticeEnd(start: string, workingDays = 5): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('a notice lasts at least one working day')
  const first = isWorkingDay(start) ? start : addWorkingDays(start, 1)
  return addWorkingDays(first, workingDays - 1)
}

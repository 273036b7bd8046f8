/** Beijing time helpers: every date the program speaks of is in Asia/Shanghai (UTC+8, no daylight saving). */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar date of an instant in Beijing, as YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  const ms = at.getTime() + BEIJING_OFFSET_MS
  // Answering asks the date of the same few instants many times: the last day's bounds are kept.
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date
  const date = new Date(ms).toISOString().slice(0, 10)
  const from = Math.floor(ms / 86_400_000) * 86_400_000
  lastDay = { from, to: from + 86_400_000, date }
  return date
}

let lastDay = { from: 0, to: 0, date: '' }

/** The instant at which a Beijing calendar day (YYYY-MM-DD) begins. */
export function beijingMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`)
}

/** Whole days from Beijing day `from` to Beijing day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((beijingMidnight(to).getTime() - beijingMidnight(from).getTime()) / 86_400_000)
}

/** Calendar months from the month of `from` to the month of `to` (YYYY-MM or YYYY-MM-DD): 2023-10 → 2024-02 is 4. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
}

/** Adds whole days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return beijingDate(new Date(beijingMidnight(day).getTime() + days * 86_400_000))
}

/** The last day (YYYY-MM-DD) of a YYYY-MM month. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y as number, m as number, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

/** A YYYY-MM-DD day written the Chinese way, year included: 2023年10月24日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** A YYYY-MM month written the Chinese way: 2023年11月. */
export function chineseMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** The weekdays in Chinese, Sunday first, as `getUTCDay` numbers them. */
export const WEEKDAY_NAMES: readonly string[] = ['日', '一', '二', '三', '四', '五', '六']

/** The weekday of a YYYY-MM-DD day in Chinese ("2023-10-24" → "二"). */
export function weekdayName(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return WEEKDAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string
}

import { chineseNumberToInt } from './chinese-numbers'
import { addDays, beijingDate } from './time'

/**
 * Reads the day a person names in Chinese, relative to now in Beijing time: 今天, 昨天, 前天,
 * 大前天, 明天, 后天, N天前, 上周五 / 上星期五 / 上礼拜五, 下周一, 这周三 / 本周三 / 周三 (the most recent one),
 * 3月5日 / 3月5号 / 三月五日, 3.5, 3/5, 3-5, 2024-03-05, 2024年3月5日, 2024.3.5, 5号 (this
 * month, or last month when that day is still to come). A day given without a year is the most
 * recent such day not after today, so `12月20日` said in March means last December.
 * Returns YYYY-MM-DD, or undefined when the text names no day or an impossible one (2月30日).
 * The language is the code's; whether a day is acceptable (not in the future, inside a cohort's
 * period) is for the caller to decide.
 */
export function parseChineseDate(text: string, now: Date): string | undefined {
  const s = normaliseDigits(text)
  const today = beijingDate(now)

  const relative = RELATIVE_DAYS.find(([word]) => s.includes(word))
  if (relative) return addDays(today, -relative[1])

  const ago = /(\d+)\s*天(?:以)?前/.exec(s)
  if (ago) return addDays(today, -Number(ago[1]))

  const named = /(上上|上|下下|下|这|本)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/.exec(s)
  if (named) return weekday(today, WEEKDAYS[named[2] as string] as number, named[1])

  const full = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(s)
  if (full) return validDay(Number(full[1]), Number(full[2]), Number(full[3]))

  const monthDay = /(?<!\d)(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[.\-/](\d{1,2})(?!\d))/.exec(s)
  if (monthDay) return latestNotAfter(today, Number(monthDay[1]), Number(monthDay[2] ?? monthDay[3]))

  const dayOnly = /(?<![\d.])(\d{1,2})\s*[日号]/.exec(s)
  if (dayOnly) {
    const [y, m] = today.split('-').map(Number) as [number, number]
    const d = Number(dayOnly[1])
    const thisMonth = validDay(y, m, d)
    if (thisMonth && thisMonth <= today) return thisMonth
    return m === 1 ? validDay(y - 1, 12, d) : validDay(y, m - 1, d)
  }
  return undefined
}

// Days still to come are read too, so that the caller can say why they can't be used.
const RELATIVE_DAYS: [string, number][] = [
  ['大后天', -3],
  ['后天', -2],
  ['明天', -1],
  ['明日', -1],
  ['大前天', 3],
  ['前天', 2],
  ['昨天', 1],
  ['昨日', 1],
  ['今天', 0],
  ['今日', 0],
]

const WEEKDAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
}

/** Full-width digits and Chinese numerals before 月/日/号/年 written as digits. */
function normaliseDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0F\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/([零〇一二两三四五六七八九十]+)(?=\s*[月日号年]|\s*天(?:以)?前)/g, (m, n: string) => {
      const v = chineseNumberToInt(n)
      return v === undefined ? m : String(v)
    })
}

/** Monday = 1 … Sunday = 7 of a YYYY-MM-DD day. */
function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** 上周五 is Friday of last week; 这周三 / 周三 is this week's, or last week's when it is still to come. */
function weekday(today: string, target: number, which: string | undefined): string {
  const monday = addDays(today, 1 - isoWeekday(today))
  if (which === '上') return addDays(monday, target - 8)
  if (which === '上上') return addDays(monday, target - 15)
  if (which === '下') return addDays(monday, target + 6)
  if (which === '下下') return addDays(monday, target + 13)
  const thisWeek = addDays(monday, target - 1)
  return thisWeek <= today || which ? thisWeek : addDays(thisWeek, -7)
}

/** YYYY-MM-DD when the date exists. */
function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return undefined
  return date.toISOString().slice(0, 10)
}

/** The latest M月D日 not after today: this year's, or last year's when this year's is still to come. */
function latestNotAfter(today: string, m: number, d: number): string | undefined {
  const year = Number(today.slice(0, 4))
  const thisYear = validDay(year, m, d)
  if (thisYear && thisYear <= today) return thisYear
  return validDay(year - 1, m, d) ?? thisYear
}

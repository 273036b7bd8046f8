import { chineseNumberToInt } from '../chinese-numbers'
import type { Program } from './program'

const monthsOf = new WeakMap<Program, Set<number>>()

/** The months (1–12) in which the cohort has a step, or its training starts or ends; built once per program. */
function cohortMonths(program: Program): Set<number> {
  let months = monthsOf.get(program)
  if (!months) {
    const days = [...program.milestones.map((m) => m.due), program.training.start, program.training.end]
    months = new Set(days.map((d) => Number(d.slice(5, 7))))
    monthsOf.set(program, months)
  }
  return months
}

const RELATIVE_MONTH = /(明年|今年|去年|来年|下一年|第二年)(的)?(\d{1,2}|[一二三四五六七八九十]{1,3})(月)/g

/**
 * "明年2月份有啥安排": a month said relative to today in which the cohort has a step means the
 * cohort's month (the asker is in the cohort's year), so the relative year is dropped. A month
 * without a step of the cohort keeps it, and is read as another year.
 */
export function cohortMonthsAsked(program: Program, text: string): string {
  if (!/明年|今年|去年|来年|下一年|第二年/.test(text)) return text
  const months = cohortMonths(program)
  return (
    text
      // "明年（2024年）2月": the year written out is the year meant, whatever today is.
      .replace(/(明年|今年|去年|来年|下一年|第二年|后年)[（(](20\d\d)年?[)）]/g, '$2年')
      .replace(RELATIVE_MONTH, (whole, _year, _of, month: string, unit: string) => {
        const n = /^\d+$/.test(month) ? Number(month) : chineseNumberToInt(month)
        return n !== undefined && months.has(n) ? `${month}${unit}` : whole
      })
      .replace(RELATIVE_HOLIDAY, (whole, _year, _of, holiday: string) =>
        (HOLIDAY_MONTHS[holiday] ?? []).some((m) => months.has(m)) ? holiday : whole,
      )
  )
}

/** "明年寒假过后": a school holiday said relative to today, with the months it touches. */
const RELATIVE_HOLIDAY = /(明年|今年|来年|下一年)(的)?(寒假|春节|暑假|开学)/g
export const HOLIDAY_MONTHS: Record<string, number[]> = {
  寒假: [1, 2],
  春节: [1, 2],
  过年: [1, 2],
  暑假: [7, 8],
  开学: [2, 3, 9],
}

import { isWorkingDay } from '../../rules/working-days'
import { chineseDate, WEEKDAY_NAMES } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A day named in the question ("2023年10月27日", "10月24号"). */
const DAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)/g
/** Asks the day of the week ("星期几", "周几", "礼拜几", "是不是周末"). */
const WEEKDAY_ASK = /(星期|周|礼拜)(几|[一二三四五六日天]吗|什么)|是不是(周末|工作日)|工作日吗|周末吗/

/** The weekday of a YYYY-MM-DD day on the calendar, with a holiday or 调休 said. */
function weekdayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  const working = isWorkingDay(day)
  const weekend = dow === 0 || dow === 6
  const note = weekend && working ? '（调休上班，是工作日）' : !weekend && !working ? '（法定节假日，不是工作日）' : ''
  return `${chineseDate(day)}是星期${WEEKDAY_NAMES[dow]}${note}`
}

/** A month's end named ("2024年2月底", "9月末"). */
const MONTH_END = /(?:(\d{4})年)?(\d{1,2})月(?:底|末)/g

/** The last day of a month, as YYYY-MM-DD. */
function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${d}`
}

/**
 * The weekday of a step's deadline; a step due by a month's end ("2月底前") is read as the month's
 * last day, and says so; a step dated only by its month has no weekday.
 */
function stepWeekday(s: { title: string; section: string; due: string; month?: string }): string {
  const name = s.title.split(/[：（(]/)[0]
  const end = /(\d{1,2})月底/.exec(s.title)
  if (s.month && end)
    return `${name}方案写的是“${end[1]}月底前”，按月末最后一天算，截止日${weekdayText(s.due)}（${s.section}）。`
  return s.month
    ? `${name}方案只写到月份，没有具体日期，说不上星期几。`
    : `${name}的截止日${weekdayText(s.due)}（${s.section}）。`
}

/**
 * "报送截止日2023年10月27日，当天是星期几": the weekday of a day the ask names, or of the deadline of a
 * step it names (a step the plan dates only by month has no weekday), on China's calendar.
 */
export const weekday: Intent = {
  name: 'weekday',
  description: 'the day of the week of a given day or of a named step’s deadline',
  triggers: [WEEKDAY_ASK],
  answer: (ask, ctx) => {
    const { q } = ask
    if (!WEEKDAY_ASK.test(q)) return decline(ask, 'asks no day of the week')
    const year = Number(ctx.program.training.start.slice(0, 4))
    const days = [...q.matchAll(DAY)]
      .map((m) => `${m[1] ?? year}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`)
      .filter((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()))
    const named = (t: string) =>
      ctx.program.milestones.filter((s) => ctx.vocab.steps.some((v) => v.key === s.key && v.pattern.test(t)))
    // "中期评价截止日…星期几": 截止 or 交材料 are words of the asked step's day, not the step of school submission.
    const bare = named(q.replace(/截止(日期|时间|日)?|(提交|交|报送)材料/g, ''))
    const steps = bare.length > 0 ? bare : named(q)
    // "2024年2月底是星期几": a month's end the ask names with no step, read as that month's last day.
    const ends = [...q.matchAll(MONTH_END)].map((m) => lastDay(m[1] ? Number(m[1]) : year, Number(m[2])))
    if (days.length === 0 && steps.length === 0 && ends.length === 0)
      return decline(ask, 'names no day and no dated step')
    const parts =
      days.length > 0
        ? days.map((d) => `${weekdayText(d)}。`)
        : steps.length > 0
          ? steps.map((s) => stepWeekday(s))
          : ends.map((d) => `${Number(d.slice(5, 7))}月底按月末最后一天算，${weekdayText(d)}。`)
    const answer: QaAnswer = {
      answer: parts.join(''),
      intent: 'deadline',
      sources: steps.map((s) => ({ section: s.section, title: s.title })),
      confidence: 0.85,
      facts: steps.map((s) => ({ section: s.section, title: s.title, text: `${s.title}，${s.due}` })),
    }
    return answer
  },
}

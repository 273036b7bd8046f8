import { cohortYearOf } from '../program'
import { isWorkingDay } from '../../rules/working-days'
import { chineseDate, WEEKDAY_NAMES } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A day named in the question ("2023年10月27日", "10月24号"). */
const DAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)/g
/** Asks the day of the week ("星期几", "周几", "礼拜几", "是不是周末"). */
const WEEKDAY_ASK = /(星期|周|礼拜)(几|[一二三四五六日天]吗|什么)|是不是(周末|工作日)|工作日吗|周末吗/

/** Words of a step's day ("截止日", "交材料") that name no step of their own. */
const STEP_DAY_WORDS = /截止(日期|时间|日|当日|当天)?|(提交|交|报送)材料|最迟(完成)?日|完成日/g
/** Two or more things asked at once ("分别", "各是", "两者"). */
const EACH = /分别|各(是|为|自)|两者|二者|两个|两项/
/** A day pointed at, not said ("那天", "当日", "届时"). */
const REFERENT = /那天|那一天|当天|当日|届时|该日|此日|这天/
/** A count of days asked ("相差几天", "还剩多少天"). */
const COUNT_AFTER = /(几|多少)个?(天|日|工作日)/

/** Where a pattern last matches in a text (-1 when it does not). */
function lastMatch(pattern: RegExp | undefined, text: string): number {
  if (!pattern) return -1
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].pop()?.index ?? -1
}

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
    // "市级审核截止日为星期几，与学校报送的截止日相差几天": read with a later ask, that ask is another intent's.
    const last = [...q.matchAll(new RegExp(WEEKDAY_ASK.source, 'g'))].pop()
    if (last && COUNT_AFTER.test(q.slice(last.index + last[0].length)))
      return decline(ask, 'the ask after the weekday counts days')
    // "9月30号是周几": a day with no year is in the cohort's year of that month (9月 → the training's second year).
    const yearOf = (month: number) => cohortYearOf(ctx.program, month)
    const named = (t: string) =>
      ctx.program.milestones.filter((s) => ctx.vocab.steps.some((v) => v.key === s.key && v.pattern.test(t)))
    // "中期评价截止日…星期几": 截止 or 交材料 are words of the asked step's day, not the step of school submission.
    const bare = named(q.replace(STEP_DAY_WORDS, ''))
    // "A的截止日与B的截止日，分别是星期几": each step named, the bare words' too.
    const steps = bare.length > 0 && !EACH.test(q) ? bare : named(q)
    // "今天10月16号礼拜一…截止是几号？那天礼拜几": today's day is said, not asked, when a step or 那天 is.
    const today = (m: RegExpMatchArray) => /(今天|今日|现在)[是为都已经]{0,2}$/.test(q.slice(0, m.index))
    const referent = steps.length > 0 || REFERENT.test(q)
    const days = [...q.matchAll(DAY)]
      .filter((m) => !(referent && today(m)))
      .map((m) => `${m[1] ?? yearOf(Number(m[2]))}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`)
      .filter((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()))
    // "2024年2月底是星期几": a month's end the ask names with no step, read as that month's last day.
    const ends = [...q.matchAll(MONTH_END)].map((m) =>
      lastDay(m[1] ? Number(m[1]) : yearOf(Number(m[2])), Number(m[2])),
    )
    // "年度评价何时前完成？…截止当日为星期几": an ask naming no step of its own asks of the step named last before it.
    if (days.length === 0 && bare.length === 0 && ends.length === 0 && ask.context) {
      const tail =
        q
          .split(/[,，?？。]/)
          .filter(Boolean)
          .pop() ?? q
      const before = ask.context.slice(0, Math.max(0, ask.context.lastIndexOf(tail)))
      const earlier = named(before.replace(STEP_DAY_WORDS, ''))
        .map((s) => ({ s, at: lastMatch(ctx.vocab.steps.find((v) => v.key === s.key)?.pattern, before) }))
        .sort((a, b) => b.at - a.at)[0]?.s
      if (earlier) steps.splice(0, steps.length, earlier)
    }
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

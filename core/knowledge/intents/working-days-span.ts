import { workingDaysBetween } from '../../rules/working-days'
import { addDays, chineseDate } from '../../time'
import type { Context } from '../context'
import type { ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'

/** A day given in the question ("2023年10月20日", "今天都10月20号了": the step's year when none is said). */
export const GIVEN_DAY = /(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})[日号]/

/** A day of the message as an ISO day, the cohort's year when none is said. */
export function isoDay(ctx: Context, m: RegExpExecArray): string {
  return `${m[1] ?? ctx.program.cohort}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`
}

/**
 * "经查10月24日为星期二。自该日次日起至市级审核截止日（含当日）共有几个工作日": the working days after
 * one day up to and including the other (the first day too when it is said to count), the days being
 * given or the days of named steps.
 */
export function workingDaysSpan(ctx: Context, q: string, context?: string): QaAnswer | undefined {
  const steps = ctx.vocab.steps
    .filter((s) => s.pattern.test(q.replace(/截止(时间|日期)?/g, '')))
    .map((s) => ctx.program.milestones.find((m) => m.key === s.key && !m.month))
    .filter((m): m is ProgramMilestone => m !== undefined)
    .sort((a, b) => a.due.localeCompare(b.due))
  const said = [...q.matchAll(new RegExp(GIVEN_DAY.source, 'g'))].map((m) => isoDay(ctx, m))
  // "自该日…": the day the message gave before.
  const earlier = /该日|此日|当天|这天|这一天|^其/.test(q) && context ? GIVEN_DAY.exec(context) : null
  if (earlier) said.unshift(isoDay(ctx, earlier))
  // "自24日之后至27日（含）": days with no month take the month said before in the message.
  const month = said.length < 2 ? /(\d{1,2})月/.exec(`${context ?? ''}${q}`)?.[1] : undefined
  if (month)
    // "含首尾两日" counts days, it names none.
    for (const m of q.matchAll(/(?<![月\d尾共前后])(\d{1,2})[日号](?![内])/g))
      said.push(`${ctx.program.cohort}-${month.padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`)
  // "10月20日…（不含10月20日当天）": one day said twice is one day.
  const given = [...new Set(said)]
  // "拟于10月20日完成校内初选。至提交市级科协的截止日，还剩几个工作日": from the day given, the first step after it.
  const after =
    given.length === 1 && steps.length > 1 ? steps.filter((m) => m.due > (given[0] as string)).slice(0, 1) : steps
  const days = [...new Set([...given, ...after.map((m) => m.due)])].sort()
  const [from, to] = [days[0], days[1]]
  if (days.length !== 2 || !from || !to) return undefined
  // Two days said outright ("从10月25日到10月27日") count both; from a step's day or "次日起", the day after it.
  const withFirst =
    /(含|包括|包含)(起始日|首日|起算日|开始那天|第一天)|(起始日|首日)(计入|算在内|也算)/.test(q) ||
    (steps.length === 0 && !earlier && !/次日|第二天|不含|不算/.test(q)) ||
    (given.length === 1 && /启动|开始报名|开始(工作|初选)/.test(q) && !/次日|第二天|不含|不算/.test(q))
  const start = withFirst ? from : addDays(from, 1)
  const count = workingDaysBetween(start, to)
  const named = (given.length === 1 ? after : steps)
    .map((m) => `${m.title.split(/[：（(]/)[0]}在${chineseDate(m.due)}前`)
    .join('，')
  return {
    answer: `${named ? `${named}；` : ''}从${chineseDate(start)}到${chineseDate(to)}（两端都算），共有${count}个工作日（已除去周末和法定节假日）。`,
    intent: 'deadline',
    sources: steps.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: steps.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

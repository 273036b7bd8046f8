import { beijingDate, chineseDate, chineseMonth } from '../../time'
import { type Context, decline } from '../context'
import type { Program } from '../program'
import type { AnswerFact, QaAnswer } from '../qa-answer'
import { bestFactInSection, factOf, joinWithin, milestoneWhen, officeLine } from '../reply'
import type { ScoredFact } from '../retrieval'
import { MONTH_REF } from '../wording'
import { planDate } from './claim'
import type { Intent } from './intent'

/** Asks what happens or must be done then. */
const WHAT_THEN =
  /干嘛|干什么|干啥|做什么|做啥|做哪些|要做|有什么|有啥|有哪些|安排|完成|交什么|要交|什么事|哪些事|活动|哪个环节|哪一步|忙什么|忙啥|进行什么|考试|考核|考什么|准备(啥|什么|哪些)|什么环节|搞什么|是什么/

/** The dated steps of the month a question names (the day's own step when it names one), with their dates. */
function monthAnswer(program: Program, ctx: Context, q: string, scored: ScoredFact[], now: Date): QaAnswer | undefined {
  const m = MONTH_REF.exec(q)
  if (!m || !WHAT_THEN.test(q)) return undefined
  const month = Number(m[3])
  if (month < 1 || month > 12) return undefined
  const thisYear = Number(beijingDate(now).slice(0, 4))
  const year = m[1] ? Number(m[1]) : m[2] === '今年' ? thisYear : m[2] ? thisYear + 1 : undefined
  const inMonth = program.milestones
    .filter((x) => Number(x.due.slice(5, 7)) === month && (year === undefined || Number(x.due.slice(0, 4)) === year))
    .sort((a, b) => a.due.localeCompare(b.due))
  const day = m[4] ? Number(m[4]) : undefined
  const onDay = day === undefined ? [] : inMonth.filter((x) => !x.month && Number(x.due.slice(8, 10)) === day)
  const steps = onDay.length > 0 ? onDay : inMonth
  const when = `${year ? `${year}年` : ''}${month}月`
  if (steps.length === 0) {
    const all = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
    const list = all.map(
      (x) => `${x.month ? chineseMonth(x.month) : `${chineseDate(x.due)}前`}：${x.title.split(/[：（(]/)[0]}`,
    )
    return {
      answer: joinWithin([
        `方案没有给${when}安排有明确日期的环节。本期的时间节点是：`,
        `${list.join('；')}。`,
        officeLine(ctx),
      ]),
      intent: 'schedule',
      sources: all.map((x) => ({ section: x.section, title: x.title })),
      confidence: 0.7,
      facts: all.map((x) => ({ section: x.section, title: x.title, text: `${x.title}，${x.due}` })),
    }
  }
  const parts = steps.map((x) => `${milestoneWhen(x, now)}。`)
  const facts: AnswerFact[] = steps.map((x) => ({ section: x.section, title: x.title, text: `${x.title}，${x.due}` }))
  const sources = steps.map((x) => ({ section: x.section, title: x.title }))
  for (const x of steps) {
    if (x.key === 'training_end') continue
    const fact = bestFactInSection(scored, program, x.section)
    if (!fact || parts.includes(fact.answer)) continue
    parts.push(fact.answer)
    facts.push(factOf(fact))
  }
  return { answer: joinWithin(parts), intent: 'deadline', sources, confidence: 0.85, facts }
}

/** A span of months ("2023年10月至12月间", "11月到12月", "11月、12月两个月"). */
const MONTH_RANGE = /(?:(\d{4})年)?(\d{1,2})月份?(?:至|到|—|-|~|～|、|和|与|及)(?:(\d{4})年)?(\d{1,2})月/

/** "请按时间顺序列出2023年10月至12月间的工作节点": the dated steps in the span, in order. */
function rangeAnswer(program: Program, q: string): QaAnswer | undefined {
  const m = MONTH_RANGE.exec(q)
  if (!m || !(WHAT_THEN.test(q) || /节点|时间表|日程|工作/.test(q))) return undefined
  const firstYear = Number(program.training.start.slice(0, 4))
  const fromYear = m[1] ? Number(m[1]) : firstYear
  const toMonth = Number(m[4])
  const toYear = m[3] ? Number(m[3]) : toMonth < Number(m[2]) ? fromYear + 1 : fromYear
  const from = `${fromYear}-${String(m[2]).padStart(2, '0')}`
  const to = `${toYear}-${String(toMonth).padStart(2, '0')}`
  const steps = program.milestones
    .filter((x) => x.due.slice(0, 7) >= from && x.due.slice(0, 7) <= to)
    .sort((a, b) => a.due.localeCompare(b.due))
  if (steps.length === 0) return undefined
  const list = steps.map((x) => `${planDate(x)}，${x.title.split(/[：（(，,]/)[0]}（${x.section}）`)
  return {
    answer: `${chineseMonth(from)}至${chineseMonth(to)}方案规定的时间节点，按时间顺序：${list.join('；')}。`,
    intent: 'schedule',
    sources: steps.map((x) => ({ section: x.section, title: x.title })),
    confidence: 0.85,
    facts: steps.map((x) => ({ section: x.section, title: x.title, text: `${x.title}，${x.due}` })),
  }
}

/** What happens in a named month (when no step is named). */
export const month: Intent = {
  name: 'month',
  description: 'what happens or is due in a named month, when no step is named',
  triggers: [MONTH_REF],
  answer: (ask, ctx) => {
    const stepNamed = ctx.vocab.steps.some((s) => s.pattern.test(ask.q.replace(/截止(时间|日期)?/g, '')))
    if (stepNamed) return decline(ask, "names a step: its date is the deadline intent's")
    return (
      rangeAnswer(ctx.program, ask.q) ??
      monthAnswer(ctx.program, ctx, ask.q, ask.scored, ask.now) ??
      decline(ask, 'names no month with a what-happens word')
    )
  },
}

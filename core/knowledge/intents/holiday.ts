import { chineseDate, chineseMonth, monthsBetween } from '../../time'
import { HOLIDAY_MONTHS } from '../cohort-months'
import { type Context, decline } from '../context'
import type { Program, ProgramMilestone } from '../program'
import type { AnswerFact } from '../qa-answer'
import { bestFactInSection, factOf, joinWithin, officeLine } from '../reply'
import type { Intent } from './intent'

/** A school holiday named ("明年寒假" was read as the cohort's winter when the cohort has a step then). */
export const HOLIDAY = /寒假|暑假|春节|过年/

/** The holiday a text names, with the months of the cohort's training it falls in (YYYY-MM). */
export function holidayIn(program: Program, text: string): { name: string; months: string[] } | undefined {
  const name = HOLIDAY.exec(text)?.[0]
  if (!name || /(明年|今年|来年|下一年)的?(寒假|暑假|春节|过年)/.test(text)) return undefined
  const { start, end } = program.training
  const months: string[] = []
  for (let i = 0; i <= monthsBetween(start, end); i++) {
    const n = Number(start.slice(5, 7)) - 1 + i
    const month = `${Number(start.slice(0, 4)) + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
    if ((HOLIDAY_MONTHS[name] ?? []).includes((n % 12) + 1)) months.push(month)
  }
  return { name, months }
}

/** The months a holiday usually takes, as said in a reply ("1—2月"). */
export const holidayMonthsSaid = (name: string) => `${(HOLIDAY_MONTHS[name] ?? []).join('—')}月`

/** A step's short name ("中期评价", "市级审核"). */
export const stepName = (m: ProgramMilestone) => m.title.split(/[：（(，]/)[0] ?? m.title

/** When a step falls, as the plan says it: a day, a month, or the end of a month. */
export function stepWhen(m: ProgramMilestone): string {
  if (!m.month) return `${chineseDate(m.due)}前`
  return /底前/.test(`${m.title}${m.note ?? ''}`) ? `${chineseMonth(m.month)}底前` : chineseMonth(m.month)
}

/** "培养周期结束": the training named by its end is the milestone of its end. */
const trainingEdge = (key: string, text: string) =>
  key === 'training' && /结束|结业/.test(text) ? 'training_end' : key

/** The dated steps an ask names, in the order it names them (截止 alone names no step here). */
export function datedStepsIn(ctx: Context, q: string): { step?: ProgramMilestone; key: string; at: number }[] {
  const text = q.replace(/截止(时间|日期)?/g, '')
  const found = ctx.vocab.steps
    .map((s) => ({ key: s.key, at: text.search(s.pattern) }))
    .filter((x) => x.at >= 0)
    .map((x) => ({ ...x, step: ctx.program.milestones.find((m) => m.key === trainingEdge(x.key, text)) }))
  return found.filter((x, i) => found.findIndex((y) => y.key === x.key) === i).sort((a, b) => a.at - b.at)
}

/**
 * "明年寒假要做中期考核吗", "寒假期间有什么安排": the plan says nothing of school holidays, but a
 * step of the cohort may fall in the holiday's months; then that step is the answer. With none,
 * the open topic (not_in_plan) says the plan is silent.
 */
export const holiday: Intent = {
  name: 'holiday',
  description: 'a school holiday asked about: the steps of the cohort in its months, or the open topic',
  triggers: [HOLIDAY],
  answer: (ask, ctx) => {
    const h = holidayIn(ctx.program, ask.q)
    if (!h || h.months.length === 0) return decline(ask, "names no holiday within the cohort's training")
    const named = datedStepsIn(ctx, ask.q).filter((x) => x.step && x.key !== 'training_end')
    const inHoliday = ctx.program.milestones.filter(
      (m) => m.key !== 'training_end' && h.months.includes(m.due.slice(0, 7)),
    )
    const steps = named.length > 0 ? named.map((x) => x.step as ProgramMilestone) : inHoliday
    if (steps.length === 0) return decline(ask, 'no step of the cohort falls in the holiday’s months')
    const usual = `${h.name}一般在${holidayMonthsSaid(h.name)}`
    const parts = steps.map((m) =>
      h.months.includes(m.due.slice(0, 7))
        ? `${stepName(m)}在${stepWhen(m)}（${m.section}），正值${h.name}前后（${usual}）。`
        : `${stepName(m)}在${stepWhen(m)}（${m.section}），${m.month && /底前/.test(stepWhen(m)) ? '截止月份' : ''}不在${h.name}期间（${usual}）。`,
    )
    const facts: AnswerFact[] = steps.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` }))
    for (const m of steps.filter((x) => h.months.includes(x.due.slice(0, 7)))) {
      const fact = bestFactInSection(ask.scored, ctx.program, m.section)
      if (!fact) continue
      parts.push(fact.answer)
      facts.push(factOf(fact))
    }
    parts.push(`方案没有专门写${h.name}期间的安排（是否到校、哪天活动），具体以通知为准。`, officeLine(ctx))
    return {
      answer: joinWithin(parts),
      intent: 'deadline',
      sources: steps.map((m) => ({ section: m.section, title: m.title })),
      confidence: 0.8,
      facts,
    }
  },
}

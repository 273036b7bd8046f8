import { cohortYearOf } from '../program'
import { chineseMonth, WEEKDAY_NAMES } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { datedStepsIn, stepName } from './holiday'
import type { Intent } from './intent'

/** A month's end named ("2月底前", "9月末"). */
const MONTH_END = /(\d{1,2})月(底|末|最后|2[89][号日](?=前|还是))/
/** Asks for the day itself: which day, a day number, the latest, a leap year. */
const DAY_ASKED =
  /几号|几日|哪[一1个]?天|哪[一1]?日|何日|\d{1,2}[号日]|最后[一1]天|最晚|最迟|闰年|润年|平年|有没有\d|大月|小月/
/** Asks the days between two days ("从…到…多少天", "…之间相隔几天"). */
const SPAN_ASKED =
  /((从|自|由)[^，,。？?]{1,30}(到|至)|之间|中间|相差|相隔|间隔)[^。？?]{0,30}(多少|几)(个)?(天|日|工作日|时间)/

/** Counts days ("还有多少天", "剩几日"): a number of days, not the day itself. */
const DAYS_COUNTED =
  /(还有|还剩|剩下?|相差|差|隔|一?共|总共)[^，,。？?]{0,3}(多少|几)个?(天|日)|(多少|几)个?(天|工作日)/

/**
 * "中期汇报2月底前，明年2月有29号吧，最晚就是29号？": the last day of a month the plan gives
 * only by its end, in the cohort's year for that month (2024 is a leap year: 2月底 is 2月29日).
 */
export const monthEnd: Intent = {
  name: 'month_end',
  description: 'the last day of a month a step is due by (月底), leap years counted',
  triggers: [MONTH_END, /底前/, DAY_ASKED],
  answer: (ask, ctx) => {
    const whole = ask.context ?? ask.q
    const said = MONTH_END.exec(ask.q) ?? MONTH_END.exec(whole)
    if (!said || !DAY_ASKED.test(ask.q.replace(MONTH_END, ''))) return decline(ask, 'asks no day of a month’s end')
    // "从10月24号…到明年2月底…一共多少天": the days between two days, which the interval counts.
    if (SPAN_ASKED.test(ask.q) || DAYS_COUNTED.test(ask.q)) return decline(ask, 'asks the days between two days')
    const month = Number(said[1])
    if (month < 1 || month > 12) return decline(ask, 'names no month')
    // "…2月底前。那最晚就是29号？": a follow-up naming no step of its own reads the month's end before it.
    // "中期评价2月底前。学校推荐几号截止？": a step dated otherwise is the deadline's to answer.
    const ofMonth = (m?: { month?: string }) => m?.month !== undefined && Number(m.month.slice(5)) === month
    const inAsk = datedStepsIn(ctx, ask.q)
    if (inAsk.some((x) => !ofMonth(x.step)) || (!MONTH_END.test(ask.q) && inAsk.length > 0))
      return decline(ask, 'asks of a step of its own')
    const steps = datedStepsIn(ctx, whole)
      .map((x) => x.step)
      .filter(ofMonth)
    const step = steps[0] ?? ctx.program.milestones.find((m) => m.month && Number(m.month.slice(5)) === month)
    const year = step?.month ? Number(step.month.slice(0, 4)) : cohortYearOf(ctx.program, month)
    const last = new Date(Date.UTC(year, month, 0))
    const days = last.getUTCDate()
    const leap = month === 2 ? `${year}年${days === 29 ? '是闰年' : '不是闰年'}，` : ''
    const lead = step ? `${stepName(step)}在${chineseMonth(step.month as string)}底前完成（${step.section}）。` : ''
    return {
      answer: `${lead}${leap}${year}年${month}月有${days}天，所以“${month}月底”最晚是${year}年${month}月${days}日（周${WEEKDAY_NAMES[last.getUTCDay()]}）。`,
      intent: 'deadline',
      sources: step ? [{ section: step.section, title: step.title }] : [],
      confidence: 0.85,
      facts: step ? [{ section: step.section, title: step.title, text: `${step.title}，${step.due}` }] : [],
    } satisfies QaAnswer
  },
}

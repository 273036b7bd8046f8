import { chineseMonth } from '../../time'
import { decline } from '../context'
import type { ProgramMilestone } from '../program'
import type { AnswerFact, QaAnswer } from '../qa-answer'
import { officeLine } from '../reply'
import { datedStepsIn, holidayIn, holidayMonthsSaid, stepName, stepWhen } from './holiday'
import type { Intent } from './intent'

/** Asks whether two things fall in the same month ("是在同一个月吗", "同一月份", "是不是一个月"). */
export const SAME_MONTH = /同[一1]?个?月份?|(在|是)[一1]个月(里|内)?份?(吗|不|么|嘛|呢|没|[?？]|$)|是不是(在)?[一1]个月/

/**
 * "学校审核和市科协审核是在同一个月吗", "中期考核和寒假是同一月份吗": yes or no, with the month
 * of each from the plan; a school holiday by the months it usually takes (the plan names none).
 */
export const sameMonth: Intent = {
  name: 'same_month',
  description: 'whether two steps (or a step and a school holiday) fall in the same month',
  triggers: [SAME_MONTH],
  answer: (ask, ctx) => {
    const q = ask.q
    if (!SAME_MONTH.test(q)) return decline(ask, 'asks not whether two things share a month')
    // "年度评价9月底前搞完，跟周期结束是同一个月不": the other thing is named in the remark before the ask.
    const own = datedStepsIn(ctx, q)
    const named = own.length === 1 && ask.context ? datedStepsIn(ctx, ask.context) : own
    const h = holidayIn(ctx.program, q)
    if (named.length + (h ? 1 : 0) < 2) return decline(ask, 'names fewer than two things to place in a month')
    const undated = named.filter((x) => !x.step)
    const dated = named.map((x) => x.step).filter((m): m is ProgramMilestone => m !== undefined)
    const facts: AnswerFact[] = dated.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` }))
    const sources = dated.map((m) => ({ section: m.section, title: m.title }))
    const said = dated.map((m) => `${stepName(m)}在${stepWhen(m)}（${m.section}）`)
    let verdict: string
    if (undated.length > 0) {
      const names = undated.map(
        (x) => ctx.program.undatedSteps.find((u) => u.key === x.key)?.title.split('：')[0] ?? '这一环节',
      )
      verdict = `方案没有给${names.join('、')}规定日期或月份，无法判断是否在同一个月。`
    } else if (h) {
      const m = dated[0] as ProgramMilestone
      const inside = h.months.includes(m.due.slice(0, 7))
      verdict = inside
        ? `方案没有写${h.name}的时间；${h.name}一般在${holidayMonthsSaid(h.name)}，${stepName(m)}所在的${chineseMonth(m.due.slice(0, 7))}通常正是${h.name}前后，可以算同一个月，具体时间以学校安排为准。`
        : `方案没有写${h.name}的时间；${h.name}一般在${holidayMonthsSaid(h.name)}，${stepName(m)}所在的${chineseMonth(m.due.slice(0, 7))}不在其中，不是同一个月。`
    } else {
      const months = [...new Set(dated.map((m) => m.due.slice(0, 7)))]
      verdict =
        months.length === 1
          ? `是同一个月，都在${chineseMonth(months[0] as string)}。`
          : `不是同一个月，分别在${months.map((x) => chineseMonth(x)).join('和')}。`
    }
    const answer: QaAnswer = {
      answer: `${said.join('，')}${said.length ? '。' : ''}${verdict}${undated.length || h ? officeLine(ctx) : ''}`,
      intent: 'deadline',
      sources,
      confidence: 0.85,
      facts,
    }
    return answer
  },
}

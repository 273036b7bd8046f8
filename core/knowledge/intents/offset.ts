import { chineseNumberToInt } from '../../chinese-numbers'
import { addWorkingDays } from '../../rules/working-days'
import { addDays, chineseDate, weekdayName } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A time before a step ("截止日前一周", "提前3天", "前两个工作日"), with its number and unit. */
const BEFORE_STEP = /(?:前|提前)([一二两三四五六七八九十\d]{1,3})(?:个)?(天|日|周|星期|工作日)/
/** Asks for the day itself. */
const DAY_ASK = /哪[一1]?天|几号|几月几日|最迟|最晚|什么时候|何时|日期/

/**
 * "若我校计划在学校报送截止日前一周完成校内初选，应最迟于哪一天完成": a step's day moved back by the
 * days, weeks or working days said; only a step the plan dates by its day.
 */
export const offset: Intent = {
  name: 'offset',
  description: 'the day a given time before a dated step ("截止日前一周完成，最迟哪天")',
  triggers: [BEFORE_STEP],
  answer: (ask, ctx) => {
    const m = BEFORE_STEP.exec(ask.q)
    if (!m || !DAY_ASK.test(ask.q)) return decline(ask, 'asks no day some time before a step')
    const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : m[1] === '两' ? 2 : chineseNumberToInt(m[1] as string)
    const named = ctx.vocab.steps.filter((s) => s.pattern.test(ask.q.slice(0, m.index)))
    const steps = ctx.program.milestones.filter((x) => !x.month && named.some((s) => s.key === x.key))
    const step = steps[steps.length - 1]
    if (!n || !step || steps.length !== 1) return decline(ask, 'names no single step dated by its day before the time')
    const unit = m[2] as string
    const day =
      unit === '工作日'
        ? addWorkingDays(step.due, -n)
        : addDays(step.due, -(unit === '天' || unit === '日' ? n : 7 * n))
    const name = step.title.split(/[：（(]/)[0]
    const answer: QaAnswer = {
      answer: `${name}的截止日是${chineseDate(step.due)}（${step.section}）；往前${m[0].replace(/^(前|提前)/, '')}是${chineseDate(day)}（周${weekdayName(day)}），最迟在这一天完成。`,
      intent: 'deadline',
      sources: [{ section: step.section, title: step.title }],
      confidence: 0.85,
      facts: [{ section: step.section, title: step.title, text: `${step.title}，${step.due}` }],
    }
    return answer
  },
}

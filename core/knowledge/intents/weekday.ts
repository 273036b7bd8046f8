import { isWorkingDay } from '../../rules/working-days'
import { chineseDate } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A day named in the question ("2023年10月27日", "10月24号"). */
const DAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)/g
/** Asks the day of the week ("星期几", "周几", "礼拜几", "是不是周末"). */
const WEEKDAY_ASK = /(星期|周|礼拜)(几|[一二三四五六日天]吗|什么)|是不是(周末|工作日)|工作日吗|周末吗/
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** The weekday of a YYYY-MM-DD day on the calendar, with a holiday or 调休 said. */
function weekdayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  const working = isWorkingDay(day)
  const weekend = dow === 0 || dow === 6
  const note = weekend && working ? '（调休上班，是工作日）' : !weekend && !working ? '（法定节假日，不是工作日）' : ''
  return `${chineseDate(day)}是星期${WEEKDAYS[dow]}${note}`
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
    const steps = ctx.program.milestones.filter((s) =>
      ctx.vocab.steps.some((v) => v.key === s.key && v.pattern.test(q)),
    )
    if (days.length === 0 && steps.length === 0) return decline(ask, 'names no day and no dated step')
    const parts =
      days.length > 0
        ? days.map((d) => `${weekdayText(d)}。`)
        : steps.map((s) =>
            s.month
              ? `${s.title.split(/[：（(]/)[0]}方案只写到月份，没有具体日期，说不上星期几。`
              : `${s.title.split(/[：（(]/)[0]}的截止日${weekdayText(s.due)}（${s.section}）。`,
          )
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

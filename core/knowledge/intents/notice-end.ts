import { addWorkingDays, isWorkingDay, noticeEnd } from '../../rules/working-days'
import { chineseDate, WEEKDAY_NAMES, weekdayName } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A day named in the question ("10月30号", "2023年11月1日"). */
const DAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)/
/** Asks for a day: which day, what date, when (哪天, 几号, 几时, 何时, 最晚哪一天, 礼拜几). */
const WHEN =
  '((星期|礼拜|周)几|哪[一1个]?天|哪[一1]?日|何日|哪一天|几号|几时|几月几|什么时候|什么时间|啥时候|何时|好久|多久|哪个日子|是哪|是几)'
/** The end of a span: 结束, 截止, 到期, 期满, 完, 为止, 最后一天. */
const END = '(结束|截止|截至|到期|期满|满期|完|满|为止|停止)'
/** Asks when a span of working days ends, the day-word and the end-word in one clause in either order. */
const ENDS = new RegExp(
  `${WHEN}[^，,。？?]{0,6}${END}|${END}[^，,。？?]{0,6}(${WHEN}|日期|时间|是)|最后(一|1)?(天|日)|到哪[一1个]?天|(最早|最晚|最迟)[^，,。？?]{0,4}(哪|几|何)|到[^，,。？?]{0,8}才?(完|结束)`,
)

/** Weekends said to fall within a span, with the calendar days it covers asked ("含一个周末…多少个自然日"). */
const WEEKENDS_IN =
  /(?:含|包含|包括|跨|跨越|经过|赶上|遇到|中间有|期间有)[^，,。？?]{0,2}(一|两|二|1|2)个周末(?=[^？?]*(多少|几)个?(自然日|天))/

/** A weekday named as the start ("如果公示从某周三开始"). */
const WEEKDAY_START =
  /(某|一个|下|本|这)?(周|星期|礼拜)([一二三四五六日天])[^，,。？?]{0,3}(开始|起|公示|算|挂|贴|发|出|公布|上墙|放出)/

/** The weekday of an ISO day ("2023-11-10" → 周五). */
const weekdayOf = (day: string): string => `周${weekdayName(day)}`

type NoticeStep = { section: string; title: string }

/** The reply for a counted notice, citing the plan's step when it is the plan's notice. */
function noticeReply(text: string, days: number, step?: NoticeStep): QaAnswer {
  return {
    answer: text,
    intent: 'deadline',
    sources: step ? [{ section: step.section, title: step.title }] : [],
    confidence: 0.8,
    facts: step ? [{ section: step.section, title: step.title, text: `${step.title}，${days}个工作日` }] : [],
  }
}

/** The end of N working days from a weekday, in a week without holidays ("某周三开始" → 下周二). */
function weekdayAnswer(what: string, days: number, first: number, step?: NoticeStep): QaAnswer {
  let day = first === 0 || first === 6 ? 1 : first
  const from = day
  let weeks = first === 0 || first === 6 ? 1 : 0
  for (let left = days - 1; left > 0; left--) {
    day += 1
    if (day === 6) {
      day = 1
      weeks += 1
    }
  }
  const name = (d: number) => `周${WEEKDAY_NAMES[d]}`
  const later = weeks === 0 ? '当周' : weeks === 1 ? '下' : `${weeks}周后的`
  const moved = from === first ? '' : `（${name(first)}不是工作日，从下周一算起）`
  return noticeReply(
    `${what}为${days}个工作日：从${name(first)}开始${moved}，中间没有节假日时，到${later}${name(day)}结束（遇到法定节假日或调休要相应顺延）。`,
    days,
    step,
  )
}

/**
 * The end of an N-working-day notice from a given start ("要是10月30号开始公示，哪天结束"): the
 * plan's own length of the notice (an undated step with `workingDays`), counted on China's
 * working-day calendar with its holidays and 调休.
 */
export const noticeEndIntent: Intent = {
  name: 'notice_end',
  description: 'when an N-working-day notice that starts on a given day ends (the working-day calendar)',
  answer: (ask, ctx) => {
    const { q } = ask
    const m = DAY.exec(q)
    const weekday = m ? undefined : WEEKDAY_START.exec(q)
    const weekends = WEEKENDS_IN.exec(q)
    if (!weekends && (!(m || weekday) || !ENDS.test(q)))
      return decline(ask, 'names no start day with an ask for the end')
    const step = ctx.program.undatedSteps.find(
      (s) => s.workingDays !== undefined && ctx.vocab.steps.some((v) => v.key === s.key && v.pattern.test(q)),
    )
    const given = /(\d+)个工作日/.exec(q)
    const days = step?.workingDays ?? (given ? Number(given[1]) : undefined)
    if (days === undefined) return decline(ask, 'names no span of working days')
    // "公示公布" → "公示期": the span is named by its step.
    const what = step ? `${(step.title.split(/[：（(]/)[0] as string).replace(/公布$/, '')}期` : '这段时间'
    // "公示期内含一个周末且无法定节假日，共跨越多少个自然日": each weekend adds its two days.
    if (weekends && !m && !weekday) {
      const k = /两|二|2/.test(weekends[1] ?? '') ? 2 : 1
      return noticeReply(
        `${what}为${days}个工作日；中间含${k}个周末、没有法定节假日时，从第一天到最后一天共跨越${days + 2 * k}个自然日（${days}个工作日加${2 * k}天周末，两端都算）。`,
        days,
        step,
      )
    }
    if (!m) return weekdayAnswer(what, days, WEEKDAY_NAMES.indexOf(weekday?.[3] ?? '一'), step)
    const year = m[1] ? Number(m[1]) : Number(ctx.program.training.start.slice(0, 4))
    const start = `${year}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`
    if (Number.isNaN(new Date(`${start}T00:00:00+08:00`).getTime())) return decline(ask, 'the day named is no day')
    const end = noticeEnd(start, days)
    const moved = isWorkingDay(start)
      ? ''
      : `（${chineseDate(start)}不是工作日，从${chineseDate(addWorkingDays(start, 1))}算起）`
    return noticeReply(
      `${what}为${days}个工作日：从${chineseDate(start)}开始${moved}，到${chineseDate(end)}结束（当天是${weekdayOf(end)}；周六、周日和法定节假日不算，调休上班日算）。${step ? '方案没有写公示的具体开始日期。' : ''}`,
      days,
      step,
    )
  },
}

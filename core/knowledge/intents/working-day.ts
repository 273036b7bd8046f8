import { decline } from '../context'
import { factsReply } from '../reply'
import type { Intent } from './intent'

/** Rest days someone asks about (周末, 节假日). */
const REST_DAYS = /周六|周日|周末|星期六|星期天|星期日|礼拜六|礼拜天|双休|节假日|假期|国庆|放假/
/** Asks whether they count ("算不算", "包括吗"). */
const COUNTS = /算不算|算吗|算在|包括|包含|含不含|含吗|计入|也算|要算|不算/

/**
 * "公示说5个工作日，那周六周日算不算在里面": what a working day is (no weekend, no public holiday,
 * a weekend worked in lieu counts), with the article that counts in working days.
 */
export const workingDay: Intent = {
  name: 'working_day',
  description: 'whether weekends or holidays count in a span of working days: they do not',
  triggers: [/工作日/],
  answer: (ask, ctx) => {
    // "礼拜四开始，5个工作日，周末不算的话到哪天结束": the end is counted, not the rule asked.
    if (/哪天|几号|几月几|什么时候|何时|结束|到期|截止/.test(ask.q)) return decline(ask, 'asks the end of a span')
    if (!/工作日/.test(ask.q) || !REST_DAYS.test(ask.q) || !COUNTS.test(ask.q))
      return decline(ask, 'asks not whether rest days count as working days')
    // The article most about it: the shortest that counts in working days.
    const fact = ctx.program.facts
      .filter((f) => /工作日/.test(f.answer))
      .sort((a, b) => a.answer.length - b.answer.length)[0]
    const lead = '不算。工作日只算周一到周五的上班日，周六、周日和法定节假日都不计入（因调休而上班的周末算工作日）。'
    return fact ? factsReply(ctx, [fact.id], lead, 0.8, 'fact') : decline(ask, 'no article counts in working days')
  },
}

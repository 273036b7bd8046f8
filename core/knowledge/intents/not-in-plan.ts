import { decline } from '../context'
import { contentLength, messageAsks } from '../message'
import { openTopicIn } from '../open-topics'
import { officeContact } from '../program'
import { citiesIn, joinWithin, notInDocumentAnswer } from '../reply'
import type { Intent } from './intent'
import { QUOTA, quotaAnswer } from './quota'

/** Asks whether the plan sets a point, or what happens when it is not met. */
const ASKS_IF_SET = /是否(有)?规定|有没有(规定|要求)|有规定吗|(怎么|如何|怎样)处理|会怎样|咋办/

/** What others said ("群里有人讲", "听说", "据说"). */
const HEARSAY = /有人(讲|说)|听(人|别人)?(说|讲)|据说|据了解|群里(说|讲|传)|都(说|讲)/

/** A topic the plan leaves open: says so, with the office's number and what the plan does say. */
export const notInPlan: Intent = {
  name: 'not_in_plan',
  description:
    'a topic the plan leaves open (fees, lodging, certificates…): says so, with the office and the related fact',
  answer: (ask, ctx) => {
    const { q } = ask
    const program = ctx.program
    // "学员…提交《成长日志》，方案是否规定须在几日内提交？": an ask whether the plan sets something, of the remark before it.
    const missing =
      openTopicIn(ctx, q) ?? (ask.context && ASKS_IF_SET.test(q) ? openTopicIn(ctx, ask.context) : undefined)
    if (!missing) return decline(ask, 'raises no topic the vocabulary lists as left open')
    // "娃讲11月份要开个什么会，家长要不要请假陪去": the event of that month is asked first; its fact says who attends.
    const month = /(\d{1,2})月份?[^，,。？?]{0,8}(会|活动|考试|考核|评价|汇报|要准备|要做)/.exec(ask.context ?? q)
    if (month && program.milestones.some((m) => m.month && Number(m.month.slice(5)) === Number(month[1])))
      return decline(ask, 'asks the event of a month the plan dates')
    // "有人讲这是收费班，到底是哪个单位办的？", "要去大学几趟？我们住校…": a topic only in hearsay before
    // an ask of its own, or in what follows it, is the remark's; a situation before it ("如转学至玉林市，
    // 是否仍可…") is what the ask is about. An ask pointing at the remark ("这个有安排吗") is about it.
    const own = ask.context ? [] : messageAsks(q)
    const only = own.length === 1 ? (own[0]?.ask ?? '') : ''
    const at = only ? q.lastIndexOf(only) : -1
    const aside = (part: string) => openTopicIn(ctx, part) !== undefined
    if (
      at >= 0 &&
      !aside(only) &&
      contentLength(only) >= 5 &&
      !/这|那|此|它|咋办|怎么办|真的|是真|属实|靠谱|确有/.test(only) &&
      (aside(q.slice(at + only.length)) || (HEARSAY.test(q.slice(0, at)) && aside(q.slice(0, at))))
    )
      return decline(ask, 'the open topic is in hearsay or an afterword around an ask of its own')
    // Retrieval runs only now: most asks raise no open topic and may never need it.
    const { scored } = ask
    const named = missing.related ? ctx.factsById.get(missing.related) : undefined
    // A money question (alone) gets no fact that merely shares a word with it.
    const guess = !missing.alone && scored[0] && scored[0].score >= 8 ? scored[0] : undefined
    const related = named ? { fact: named, score: 99 } : guess
    const silent = notInDocumentAnswer(ctx, missing.label, related, 0.8)
    // "竞争激烈吗？南宁大概选多少个": the quota the plan does give comes first, then what it does not say.
    if (!/名额|推荐多少|学生人数/.test(missing.label) && QUOTA.test(q) && citiesIn(program, q).inProgram.length > 0) {
      const quota = quotaAnswer(program, q, ask.context)
      const note = `关于${missing.label}，方案没有规定，如需了解请咨询管理办公室${officeContact(program).person}（${officeContact(program).phone}）。`
      return { ...quota, answer: joinWithin([quota.answer, note]), facts: [...quota.facts, ...silent.facts] }
    }
    // "假设平均分配到三所实施高校，每所接收多少": the plan sets no split, but the even split is arithmetic.
    if (/平均/.test(q) && /(高校|大学)/.test(missing.label) && program.universities.length > 0) {
      const total = program.cities.reduce((n, c) => n + c.quota, 0)
      const n = program.universities.length
      const each = Math.round((total / n) * 10) / 10
      return {
        ...silent,
        answer: joinWithin([
          `若${total}名学生平均分配到${n}所实施高校，每所约${each}名（${total}÷${n}）。`,
          silent.answer,
        ]),
      }
    }
    return silent
  },
}

import { type Context, decline } from '../context'
import { officeContact, type Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/** The outcome of selection, as people name it. */
const RESULT_TOPIC =
  /结果|名单|落选|没选上|没被选上|没入选|选上|选中|入选|录取|录上|中选|被选|有没有(被)?选|过没过|通过没/
/** Asks how or where the outcome is learnt (not when: dates go through the steps). */
const RESULT_HOW =
  /(怎么|咋|咋样|怎样)(知道|查|看|得知|确认|通知)|如何(知道|查|看|得知|确认)|发短信|短信|上网看|网上看|哪(里|儿|个地方|个平台|个网站)?(能)?(看|查|公布|公示|找|知道|发布)|查(询|看)?|通知|告诉|公布在|发布/
/** The outcome word used of something else (conditions, the school's own list). */
const NOT_RESULT = /条件|要求|标准|名额|申请表|报名表|推荐名单|方案|文件|导师名单|候选人/

/** 九（二）4: the notice on the cloud platform for 5 working days, then the list (plus what the plan leaves open). */
function resultAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!RESULT_TOPIC.test(q) || !RESULT_HOW.test(q) || NOT_RESULT.test(q)) return undefined
  const notice = ctx.factsById.get('public_notice')
  if (!notice) return undefined
  const office = officeContact(program)
  const parts = [`可以看公示：${notice.answer}`]
  const facts = [factOf(notice)]
  if (/通知|告诉|短信|打电话/.test(q))
    parts.push(
      `方案没有写是否另行逐一通知学生本人，可留意公示和学校的消息，或咨询管理办公室${office.person}（电话${office.phone}）。`,
    )
  const steps = ctx.factsById.get('selection_steps')
  if (steps && ASK_WHEN.test(q)) {
    parts.push(`公示的具体日期方案没有写；${steps.answer}`)
    facts.push(factOf(steps))
  }
  const answer = joinWithin(parts)
  return {
    answer,
    intent: notice.intent ?? 'process',
    sources: facts.filter((f) => answer.includes(f.text)).map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts,
  }
}

/** How or where the outcome of selection is learnt. */
export const result: Intent = {
  name: 'result',
  description: 'how or where the outcome of selection is learnt: the public notice',
  answer: (ask, ctx) => resultAnswer(ctx.program, ctx, ask.q) ?? decline(ask, 'asks not how the outcome is learnt'),
}

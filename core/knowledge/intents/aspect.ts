import { type Context, decline } from '../context'
import { openTopicIn } from '../open-topics'
import type { QaAnswer } from '../qa-answer'
import { factsAnswer, joinWithin } from '../reply'
import { ASKING } from '../wording'
import type { Intent } from './intent'

/**
 * A particular point of an article asked by name (the cohort's vocabulary lists the points and
 * the facts that hold them): "方案对开放实验室有何要求" is 五（三）1, not the student conditions;
 * "我们中学在示范带动上要做什么" is 十（四）, not the school's general duties.
 */
function aspectAnswer(ctx: Context, q: string): { answer: QaAnswer; asked: boolean } | undefined {
  const ids: string[] = []
  let asked = false
  for (const aspect of ctx.vocab.aspects) {
    const m = aspect.pattern.exec(q)
    if (!m) continue
    // The point's own words ask something ("几回", "有没有后续"), not only name it ("阅读书目的书").
    asked ||= ASKING.test(m[0])
    for (const id of aspect.facts) if (!ids.includes(id)) ids.push(id)
  }
  const answer = ids.length > 0 ? factsAnswer(ctx, ids) : undefined
  return answer && { answer, asked }
}

/** A named point of an article. */
export const aspect: Intent = {
  name: 'aspect',
  description: 'a particular point of an article asked by name (the vocabulary’s aspects)',
  answer: (ask, ctx) => {
    const open = openTopicIn(ctx, ask.q)
    const point = aspectAnswer(ctx, ask.q)
    if (!point) return decline(ask, 'names no point of an article the vocabulary lists')
    const found = point.answer
    if (!open) return found
    // "阅读书目的书要自己买吗" asks about the money; the point is only named.
    if (open.alone && !point.asked) return decline(ask, 'asks about money or board the plan leaves open')
    // "一年最少去大学几回，我住校怕请不了假": the point the plan gives first, then what it leaves open.
    const { person, phone } = ctx.office
    const note = `关于${open.label}，方案没有规定，如需了解请咨询管理办公室${person}（${phone}）。`
    return { ...found, answer: joinWithin([found.answer, note]) }
  },
}

import { type Context, decline } from '../context'
import { openTopicIn } from '../open-topics'
import type { QaAnswer } from '../qa-answer'
import { factsAnswer, joinWithin } from '../reply'
import { type AskedType, askedType, factGives } from '../scope'
import { ASK_WHEN, ASKING, withoutExcepted } from '../wording'
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

/** Details a point's facts may lack (a date, a place …); a choice or a change is answered by the point itself. */
const DETAILS = new Set<AskedType>(['date', 'place', 'duration', 'words', 'url'])

/** A named point of an article. */
export const aspect: Intent = {
  name: 'aspect',
  description: 'a particular point of an article asked by name (the vocabulary’s aspects)',
  answer: (ask, ctx) => {
    // "请分别说明主办单位与管理办公室…各自承担的职责": each party's duties, which the duty reading gives.
    if (/分别|各自/.test(ask.q) && ctx.vocab.parties.filter((p) => p.pattern.test(ask.q)).length >= 2)
      return decline(ask, 'asks the duties of several parties at once')
    const open = openTopicIn(ctx, ask.q)
    const point = aspectAnswer(ctx, withoutExcepted(ask.q))
    if (!point) return decline(ask, 'names no point of an article the vocabulary lists')
    const found = point.answer
    // "专项培训什么时候举办": the point is named, but its facts hold no date; the gap says so.
    const asked = askedType(ask.q)
    const detail = asked && DETAILS.has(asked) ? asked : !asked && ASK_WHEN.test(ask.q) ? 'date' : undefined
    if (detail && !factGives(detail, found.answer))
      return decline(ask, "asks a detail (a date, a place, an amount …) the point's facts do not give")
    if (!open) return found
    // "阅读书目的书要自己买吗", "课题方向报备以后还能不能更换": the point is only named; the open topic is asked.
    if (!point.asked) return decline(ask, 'names the point, but asks about a topic the plan leaves open')
    // "一年最少去大学几回，我住校怕请不了假": the point the plan gives first, then what it leaves open.
    const { person, phone } = ctx.office
    const note = `关于${open.label}，方案没有规定，如需了解请咨询管理办公室${person}（${phone}）。`
    return { ...found, answer: joinWithin([found.answer, note]) }
  },
}

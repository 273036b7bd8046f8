import { decline } from '../context'
import { GRADE_SIZE, MEETS_ASK, PLACE_ASK, placeVerdictSentence, rankLines } from '../grade-places'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/**
 * "我校高二年级共600名学生，单科须在前多少名以内": the plan's rank percentages as places in a grade
 * of the size given (rounded down: a place past the line is not within it).
 */
/** Asks whether a place is within a line ("算不算前20%", "进没进前15%"). */
const WITHIN_ASK = /算不算|算吗|算是|算在|进没进|进不进|在不在|有没有进|(里面|以内|之内|里)(不|吗|么|没)/

export const rankPlaces: Intent = {
  name: 'rank_places',
  description: 'the rank conditions as places in a grade of a given size (600人 → 前90名 / 前120名)',
  answer: (ask, ctx) => {
    const { q } = ask
    const size = GRADE_SIZE.exec(q) ?? (ask.context ? GRADE_SIZE.exec(ask.context) : null)
    if (!size) return decline(ask, 'gives no grade size')
    const n = Number(size[3])
    const text = `${ask.context ?? ''}，${q}`
    // "年级520个人 我总分排第100名 这个算不算综合前20%": a place given with an ask whether it is within a line.
    const placed = placeVerdictSentence(ctx.program, n, text)
    if (!PLACE_ASK.test(q) && !(placed && (MEETS_ASK.test(q) || WITHIN_ASK.test(q))))
      return decline(ask, 'gives no grade size with an ask for places')
    const { section } = ctx.program.eligibility.rank
    const { subject, overall } = rankLines(ctx.program, n)
    const answer: QaAnswer = {
      answer: `按年级${n}人计算：相应学科成绩前${subject.percent}%即前${subject.places}名以内，或综合成绩前${overall.percent}%即前${overall.places}名以内，两条满足其一即可（${section}）。具体名次以学校的排名为准。`,
      intent: 'fact',
      sources: [{ section, title: '成绩排名条件' }],
      confidence: 0.85,
      facts: [{ section, title: '成绩排名条件', text: `学科前${subject.percent}%或综合前${overall.percent}%` }],
    }
    // "某生综合排名第100名…是否满足", "…第几名以内才算前15%？上次考了第101名": the place against the lines.
    if (placed) answer.answer += placed
    return answer
  },
}

import { decline } from '../context'
import { GRADE_SIZE, MEETS_ASK, PLACE_ASK, placeVerdictSentence, rankLines } from '../grade-places'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/**
 * "我校高二年级共600名学生，单科须在前多少名以内": the plan's rank percentages as places in a grade
 * of the size given (rounded down: a place past the line is not within it).
 */
export const rankPlaces: Intent = {
  name: 'rank_places',
  description: 'the rank conditions as places in a grade of a given size (600人 → 前90名 / 前120名)',
  answer: (ask, ctx) => {
    const { q } = ask
    const size = GRADE_SIZE.exec(q) ?? (ask.context ? GRADE_SIZE.exec(ask.context) : null)
    if (!size || !PLACE_ASK.test(q)) return decline(ask, 'gives no grade size with an ask for places')
    const n = Number(size[3])
    const { section } = ctx.program.eligibility.rank
    const { subject, overall } = rankLines(ctx.program, n)
    const answer: QaAnswer = {
      answer: `按年级${n}人计算：相应学科成绩前${subject.percent}%即前${subject.places}名以内，或综合成绩前${overall.percent}%即前${overall.places}名以内，两条满足其一即可（${section}）。具体名次以学校的排名为准。`,
      intent: 'fact',
      sources: [{ section, title: '成绩排名条件' }],
      confidence: 0.85,
      facts: [{ section, title: '成绩排名条件', text: `学科前${subject.percent}%或综合前${overall.percent}%` }],
    }
    // "某生综合排名第100名…是否满足": the place against the lines, said as a verdict.
    const text = `${ask.context ?? ''}，${q}`
    const verdict = MEETS_ASK.test(text) ? placeVerdictSentence(ctx.program, n, text) : undefined
    if (verdict) answer.answer += verdict
    return answer
  },
}

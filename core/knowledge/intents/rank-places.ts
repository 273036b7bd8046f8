import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A grade's size ("高二年级共600名学生", "年级有450人"). */
const GRADE_SIZE = /(年级|全级|一届|高[一二])[^，,。？?]{0,6}?(共|有|一共|总共)?(\d{2,4})(名|个|人|位)/
/** Asks for the rank as a place ("前多少名", "排多少名以内"). */
const PLACE_ASK = /前(多少|几)(名|位)|(多少|几)名以内|排(到|在)?(多少|几)名|多少名之内|第(多少|几)名/

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
    const { subjectTopPercent, overallTopPercent, section } = ctx.program.eligibility.rank
    const places = (percent: number) => Math.floor((n * percent) / 100)
    const answer: QaAnswer = {
      answer: `按年级${n}人计算：相应学科成绩前${subjectTopPercent}%即前${places(subjectTopPercent)}名以内，或综合成绩前${overallTopPercent}%即前${places(overallTopPercent)}名以内，两条满足其一即可（${section}）。具体名次以学校的排名为准。`,
      intent: 'fact',
      sources: [{ section, title: '成绩排名条件' }],
      confidence: 0.85,
      facts: [{ section, title: '成绩排名条件', text: `学科前${subjectTopPercent}%或综合前${overallTopPercent}%` }],
    }
    return answer
  },
}

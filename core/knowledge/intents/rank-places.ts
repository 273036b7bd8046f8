import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** A grade's size ("高二年级共600名学生", "年级有450人"). */
const GRADE_SIZE = /(年级|全级|一届|高[一二])[^，,。？?]{0,6}?(共|有|一共|总共)?(\d{2,4})(名|个|人|位)/
/** Asks for the rank as a place ("前多少名", "排多少名以内"). */
const PLACE_ASK =
  /前(多少|几)(名|位)|(多少|几)名以内|排(到|在)?(多少|几)名|多少名之内|第(多少|几)名|[%％][^，,。？?]{0,4}(多少|几)(名|个人|人)/
/** The student's own place in the grade ("综合成绩排名第100名", "综合排第90"); the kind said before it. */
const OWN_PLACE =
  /(综合|总分|总成绩|单科|学科|数学|物理|化学|生物|语文|英语|信息)?[^，,。？?\d]{0,6}?(?:排名|排|名次)(?:是|为|在)?第?(\d{1,4})(?:名|位)?/
/** Asks whether the place meets the line. */
const MEETS_ASK = /满足|符合|达到|够不够|够吗|够了吗|行不行|能不能|可不可以|是否|有没有资格|合格/

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
    // "某生综合排名第100名…是否满足": the place against the line, said as a verdict.
    const text = `${ask.context ?? ''}，${q}`
    const own = OWN_PLACE.exec(text.replace(/前\d+%/g, ''))
    if (own && MEETS_ASK.test(text)) {
      const place = Number(own[2])
      const subject = own[1] !== undefined && !/综合|总分|总成绩/.test(own[1])
      const [percent, line] = subject
        ? [subjectTopPercent, places(subjectTopPercent)]
        : [overallTopPercent, places(overallTopPercent)]
      const kind = subject ? '相应学科成绩' : '综合成绩'
      answer.answer +=
        place <= line
          ? `第${place}名在前${line}名以内：满足${kind}前${percent}%的条件。`
          : `第${place}名在前${line}名之外：不满足${kind}前${percent}%的条件（未达到）${subject ? '' : `，除非相应学科成绩在前${places(subjectTopPercent)}名以内`}。`
    }
    return answer
  },
}

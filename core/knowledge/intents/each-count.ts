import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** "各有几个", "分别是几家", "各多少": one count for each thing named. */
export const EACH_COUNT = /(各|分别)(自)?(有|是|为|包括|包含)?(多少|几)(?![天日月号点次周岁])/
/** "几个市、几所大学": two counts asked one after the other, each of its own list. */
const TWO_COUNTS =
  /(多少|几)(个|所|家|座|项)?[^，,。？?；;]{1,6}([、，,和及与跟]|还有|以及|又有)?[^，,。？?；;]{0,4}(多少|几)(个|所|家|座|项)?(?![天日月号点次周岁])/

/** A list the plan gives, the words that name it, and how its members are counted. */
interface Listed {
  words: RegExp
  name: string
  unit: string
  /** The count said with its noun as well ("3个城市"), where people count the list that way. */
  noun?: string
  members: (program: Program) => { names: string[]; section: string; open?: boolean }
}

const LISTS: Listed[] = [
  {
    words: /主办/,
    name: '主办单位',
    unit: '家',
    members: (p) => p.bodies.organisers,
  },
  {
    words: /承办/,
    name: '承办单位',
    unit: '家',
    members: (p) => p.bodies.undertakers,
  },
  {
    words: /(实施|参与|试点)?城市|几个市/,
    name: '实施城市',
    unit: '个',
    noun: '城市',
    members: (p) => ({ names: p.cities.map((c) => c.name), section: p.citiesSection }),
  },
  {
    words: /高校|大学/,
    name: '实施高校',
    unit: '所',
    noun: '高校',
    members: (p) => ({ names: p.universities.map((u) => u.name), section: p.universitiesSection }),
  },
  {
    words: /学科|科目/,
    name: '学科',
    unit: '个',
    noun: '学科',
    members: (p) => ({ names: p.subjects.names, section: p.subjects.section, open: p.subjects.open }),
  },
]

/** The counts asked to be added up. */
const SUM_ASK = /之和|总和|相加|加起来|加在一起|合计|共计|总计|一共多少|总共多少/
/** A list's count named as a number ("实施城市数", "学科数量"). */
const COUNT_OF = /(城市|高校|大学|学科|科目|单位)(的)?(数|数量|个数)(?!学)/

/**
 * "主办单位和承办单位各有几个", "实施城市和高校分别是几个": each list the plan gives, counted
 * and named, in the order asked.
 */
export const eachCount: Intent = {
  name: 'each_count',
  description: 'how many of each of two or more lists the plan gives (organisers, cities, universities, subjects)',
  triggers: [EACH_COUNT, TWO_COUNTS, /(多少|几)(个|所|家|座)/, SUM_ASK, COUNT_OF],
  answer: (ask, ctx) => {
    const q = ask.q
    const listsIn = (text: string) =>
      LISTS.map((l) => ({ l, at: text.search(l.words) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at)
        .map((x) => x.l)
    const named = listsIn(q)
    // "参与城市多少个，合作高校多少所？": one list's count, as one of the counts the message asks.
    const oneOfCounts =
      named.length === 1 &&
      /(多少|几)(个|所|家|座)/.test(q) &&
      ask.context !== undefined &&
      listsIn(ask.context).length >= 2 &&
      (ask.context.match(/多少|几/g)?.length ?? 0) >= 2
    // "实施城市数、实施高校数与学科数三者之和", "城市和高校加起来一共多少个": the counts added up.
    const summed = SUM_ASK.test(q) && (/(多少|几)(个|所|家|座|项)?/.test(q) || COUNT_OF.test(q))
    // "请统计实施城市数量、实施高校数量及学科数量": counts asked as 数量.
    const counted = named.length >= 2 && [...q.matchAll(new RegExp(COUNT_OF.source, 'g'))].length >= 2
    if (!oneOfCounts && !summed && !counted && !EACH_COUNT.test(q) && !TWO_COUNTS.test(q))
      return decline(ask, 'asks no count of each')
    if (named.length < 2 && !oneOfCounts) return decline(ask, 'names fewer than two lists of the plan')
    const parts = named.map((l) => {
      const { names, section, open } = l.members(ctx.program)
      const more = open ? `（方案写的是“${names.join('、')}等”，没有限定只有这${names.length}个）` : ''
      const total = l.noun ? `，共${names.length}${l.unit}${l.noun}` : ''
      return {
        text: `${l.name}${names.length}${l.unit}：${names.join('、')}${more}${total}（${section}）`,
        section,
        l,
      }
    })
    // "三者之和": the counts added up.
    const counts = named.map((l) => l.members(ctx.program).names.length)
    const sum =
      SUM_ASK.test(q) && counts.length >= 2 ? `；三者合计${counts.join('+')}=${counts.reduce((a, b) => a + b, 0)}` : ''
    const answer: QaAnswer = {
      answer: `${parts.map((p) => p.text).join('；')}${sum.replace('三者', counts.length === 2 ? '两者' : `这${counts.length}项`)}。`,
      intent: 'fact',
      sources: parts.map((p) => ({ section: p.section, title: p.l.name })),
      confidence: 0.9,
      facts: parts.map((p) => ({ section: p.section, title: p.l.name, text: p.text })),
    }
    return answer
  },
}

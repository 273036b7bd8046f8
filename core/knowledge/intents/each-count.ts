import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** "各有几个", "分别是几家", "各多少": one count for each thing named. */
export const EACH_COUNT = /(各|分别)(自)?(有|是|为|包括|包含)?(多少|几)(?![天日月号点次周岁])/

/** A list the plan gives, the words that name it, and how its members are counted. */
interface Listed {
  words: RegExp
  name: string
  unit: string
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
    members: (p) => ({ names: p.cities.map((c) => c.name), section: p.citiesSection }),
  },
  {
    words: /高校|大学/,
    name: '实施高校',
    unit: '所',
    members: (p) => ({ names: p.universities.map((u) => u.name), section: p.universitiesSection }),
  },
  {
    words: /学科|科目/,
    name: '学科',
    unit: '个',
    members: (p) => ({ names: p.subjects.names, section: p.subjects.section, open: p.subjects.open }),
  },
]

/**
 * "主办单位和承办单位各有几个", "实施城市和高校分别是几个": each list the plan gives, counted
 * and named, in the order asked.
 */
export const eachCount: Intent = {
  name: 'each_count',
  description: 'how many of each of two or more lists the plan gives (organisers, cities, universities, subjects)',
  triggers: [EACH_COUNT],
  answer: (ask, ctx) => {
    const q = ask.q
    if (!EACH_COUNT.test(q)) return decline(ask, 'asks no count of each')
    const named = LISTS.map((l) => ({ l, at: q.search(l.words) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((x) => x.l)
    if (named.length < 2) return decline(ask, 'names fewer than two lists of the plan')
    const parts = named.map((l) => {
      const { names, section, open } = l.members(ctx.program)
      const more = open ? `（方案写的是“${names.join('、')}等”，没有限定只有这${names.length}个）` : ''
      return { text: `${l.name}${names.length}${l.unit}：${names.join('、')}${more}（${section}）`, section, l }
    })
    const answer: QaAnswer = {
      answer: `${parts.map((p) => p.text).join('；')}。`,
      intent: 'fact',
      sources: parts.map((p) => ({ section: p.section, title: p.l.name })),
      confidence: 0.9,
      facts: parts.map((p) => ({ section: p.section, title: p.l.name, text: p.text })),
    }
    return answer
  },
}

import { decline } from '../context'
import { officeContact, type Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { citiesIn, factOf, PLAN_NAME } from '../reply'
import type { Intent } from './intent'

/** A question that names a Guangxi city where the program does not run. */
function outsideCityAnswer(program: Program, outside: string[], confidence: number, similar: boolean): QaAnswer {
  const fact = program.facts.find((f) => f.section === program.citiesSection)
  const list = program.cities.map((c) => c.name).join('、')
  // "广东那边有没有类似的英才计划": another place's own program is not this one, and not covered here.
  const head =
    `${outside.join('、')}不在${PLAN_NAME}的实施城市之内：本计划只在${list}实施，学生遴选也只面向这几个市辖区内的学校。` +
    (similar ? `其他地方的类似英才项目不属于本计划，我这里没有相关信息，请向当地主管部门了解。` : '') +
    // Whoever asks from elsewhere still gets whom to ask about this program.
    `本计划的问题可咨询管理办公室${officeContact(program).person}（电话${officeContact(program).phone}）。`
  return {
    answer: head,
    intent: 'fact',
    sources: [{ section: program.citiesSection, title: fact?.title ?? '实施城市' }],
    confidence: Math.max(confidence, 0.75),
    facts: fact ? [factOf(fact)] : [{ section: program.citiesSection, title: '实施城市', text: list }],
  }
}

/** Asks after another place's program of the same kind ("有没有类似的英才计划", "那边咋报"). */
const SIMILAR = /(?<!八桂)英才(计划|项目)|类似|同类|相似|差不多的|一样的|这样的|那边[^，,。？?]{0,4}(报|申请|计划|项目)/

/** A Guangxi city where the program does not run. */
export const outsideCity: Intent = {
  name: 'outside_city',
  description: 'a question naming only Guangxi cities where the program does not run',
  answer: (ask, ctx) => {
    const places = citiesIn(ctx.program, ask.q)
    if (places.outside.length === 0 || places.inProgram.length > 0)
      return decline(ask, 'names no city outside the program, or names one inside too')
    return outsideCityAnswer(ctx.program, places.outside, ask.confidence, SIMILAR.test(`${ask.context ?? ''}${ask.q}`))
  },
}

/** Asks whether the program runs somewhere ("柳州有没有搞", "桂林有这个吗", "南宁开不开展"). */
const RUNS_ASK =
  /有没有(搞|开展|实施|举办|办|这个|这项|该)|有没(搞|开展|办)|(搞|开展|实施|办)(不|没)(搞|开展|实施|办)|有(这个|这项|该)(计划|项目|活动)?(吗|么|不|没|嘛)|在不在(实施)?(范围|名单|城市)/
/** Hearsay that the program runs only in one city ("听说只有南宁才有"). */
const ONLY_THERE = /只有([\u4e00-\u9fff]{2,3}?)(市)?(才)?(有|搞|能报|开展)/

/**
 * "这个计划柳州有冇得搞啊？听说只有南宁才有": the program runs in each city it lists — yes, with that
 * city's quota, and the hearsay of one city only corrected.
 */
export const cityRuns: Intent = {
  name: 'city_runs',
  description: 'whether the program runs in a city it lists: yes, with the city’s quota',
  answer: (ask, ctx) => {
    const places = citiesIn(ctx.program, ask.q)
    if (places.inProgram.length === 0 || places.outside.length > 0 || !RUNS_ASK.test(ask.q))
      return decline(ask, 'asks not whether the program runs in a city of its own')
    const program = ctx.program
    const named = program.cities.filter((c) => places.inProgram.includes(c.name))
    const list = program.cities.map((c) => c.name).join('、')
    const only = ONLY_THERE.exec(`${ask.context ?? ''}${ask.q}`)
    const answer: QaAnswer = {
      answer:
        `有。本计划在${list}实施（${program.citiesSection}），${named.map((c) => `${c.name}选拔${c.quota}名学生`).join('，')}（${named[0]?.section}）。` +
        (only ? `不是只有${only[1]}才有，这${program.cities.length}个市都在实施范围内。` : ''),
      intent: 'fact',
      sources: [
        { section: program.citiesSection, title: '实施城市' },
        { section: named[0]?.section ?? program.citiesSection, title: '各市名额' },
      ],
      confidence: 0.85,
      facts: [{ section: program.citiesSection, title: '实施城市', text: list }],
    }
    return answer
  },
}

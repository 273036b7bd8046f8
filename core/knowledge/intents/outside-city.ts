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

import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { citiesIn, factOf } from '../reply'
import type { Intent } from './intent'

/** A question that names a Guangxi city where the program does not run. */
function outsideCityAnswer(program: Program, outside: string[], confidence: number): QaAnswer {
  const fact = program.facts.find((f) => f.section === program.citiesSection)
  const list = program.cities.map((c) => c.name).join('、')
  const head = `${outside.join('、')}不在本计划的实施城市之内：本计划只在${list}实施，学生遴选也只面向这几个市辖区内的学校。`
  return {
    answer: head,
    intent: 'fact',
    sources: [{ section: program.citiesSection, title: fact?.title ?? '实施城市' }],
    confidence: Math.max(confidence, 0.75),
    facts: fact ? [factOf(fact)] : [{ section: program.citiesSection, title: '实施城市', text: list }],
  }
}

/** A Guangxi city where the program does not run. */
export const outsideCity: Intent = {
  name: 'outside_city',
  description: 'a question naming only Guangxi cities where the program does not run',
  answer: (ask, ctx) => {
    const places = citiesIn(ctx.program, ask.q)
    if (places.outside.length === 0 || places.inProgram.length > 0)
      return decline(ask, 'names no city outside the program, or names one inside too')
    return outsideCityAnswer(ctx.program, places.outside, ask.confidence)
  },
}

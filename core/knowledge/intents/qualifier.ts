import type { QaAnswer } from '../qa-answer'
import { clamp, factOf } from '../reply'
import type { ScoredFact } from '../retrieval'
import { unmatchedQualifier } from '../scope'
import type { Intent } from './intent'

/** The broader fact a question is about and that the plan names nothing of the qualifier asked. */
function qualifierAnswer(top: ScoredFact, word: string): QaAnswer {
  const f = top.fact
  const answer = clamp(`方案（${f.section}）提到的是：${f.answer}但没有提到“${word}”，这一点方案没有规定。`)
  return {
    answer,
    intent: 'not_in_document',
    sources: [{ section: f.section, title: f.title }],
    confidence: 0.5,
    facts: [factOf(f)],
  }
}

/** "有机会出国交流吗": the broader fact and that the plan never names the qualifier. */
export const qualifier: Intent = {
  name: 'qualifier',
  description: 'a qualifier the plan never names on a topic it does cover: the broader fact and the gap',
  answer: (ask, ctx) => {
    const top = ask.scored[0]
    const word = top && top.score >= 6 ? unmatchedQualifier(ctx.vocabulary, ask.q) : undefined
    return top && word ? qualifierAnswer(top, word) : undefined
  },
}

import { decline } from '../context'
import { unsureAnswer } from '../reply'
import { PROGRAM_NAMED, programEvidence } from '../scope'
import { synonymTerms } from '../synonyms'
import { APPLY_ASK } from '../wording'
import type { Intent } from './intent'

/** A question with nothing of the program in it: unsure whether it is outside or a gap. */
export const notInDomain: Intent = {
  name: 'not_in_domain',
  description: 'nothing in the question is about the program: says it may be outside or not in the plan',
  answer: (ask, ctx) => {
    const q = ask.q
    // A very short question ("几月开始", "孩子能去吗") only makes sense as one about the program.
    const inDomain =
      PROGRAM_NAMED.test(q) ||
      programEvidence(ctx.scope, q).length > 0 ||
      APPLY_ASK.test(q) ||
      [...q].length <= 8 ||
      synonymTerms(q, ctx.index.synonyms).some((t) => ctx.vocab.programTerms.includes(t))
    return inDomain ? decline(ask, 'the words are about the program') : unsureAnswer(ctx, 0.3)
  },
}

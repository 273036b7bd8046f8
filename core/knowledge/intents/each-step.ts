import { decline } from '../context'
import { factsAnswer } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/** Asks the same thing of each of several things ("分别是什么", "各自", "有何不同"). */
const EACH = /分别|各自|各(是|有|为)|区别|不同|差别|差异|两级|哪(两|几)级|几级|衔接|关系|怎么接上/

/**
 * "学校审核与市科协审核的侧重点分别是什么": each named selection step's own fact, in the order of the
 * chain — not the one retrieval likes best. A time asked of each is the deadline intent's.
 */
export const eachStep: Intent = {
  name: 'each_step',
  description: 'the same thing asked of two or more selection steps: each step’s own fact, in order',
  answer: (ask, ctx) => {
    const { q } = ask
    if (!EACH.test(q) || ASK_WHEN.test(q)) return decline(ask, 'asks nothing of several steps at once')
    const named = ctx.vocab.selection.chain.filter((step) => step.pattern.test(q))
    if (named.length < 2) return decline(ask, 'names fewer than two selection steps')
    return factsAnswer(
      ctx,
      named.map((step) => step.fact),
    )
  },
}

import { type Ask, type Context, decline } from '../context'
import { factsReply } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/** Asks what a review looks at ("重点审核哪些方面", "审查什么内容", "审核要点"). */
const CHECKS =
  /(审核|审查|核查|检查|把关)[^，,。？?]{0,6}(哪些方面|哪几个方面|哪方面|什么方面|什么内容|哪些内容|什么|哪些|啥)|重点(审核|审查|核查|检查|看)|(审核|审查)(的)?(内容|要点|重点|标准|范围)|(审核|审查)[^，,。？?]{0,10}(侧重|着重|重在|关注)[^，,。？?]{0,4}(哪|什么|啥)/
/** Asks what the reviewer does once the review is done ("审核无误后须履行哪些手续", "审完要签字盖章吗"). */
const AFTER =
  /手续|(审核|审查|审|确认|核实)[^，,。？?]{0,4}(无误|通过|完毕|完|好)?[^，,。？?]{0,2}(后|以后|之后)[^，,。？?]{0,10}(要|须|需|需要|得|应|应当|应该)?(做|办|履行)(什么|哪些|啥)|签(字|章|意见)|盖(章|公章)|(审核|审查|审)(完|完毕|好|通过)?(之后|以后|后)?[^，,。？?]{0,6}(交|报|送|报送)(到|给|去|至)?(哪|谁)/
/** The next step of the selection asked, not the reviewer's own acts: the next-step reading. */
const NEXT = /下一步|下一个?环节|接下来|然后呢|之后(是|呢)|谁来审|还要(谁|哪[个里一]?)[^，,。？?]{0,2}审|谁(再|还)审/

/** The review steps of the selection chain: by their names, by the party doing them, by looser words. */
function reviewReadings(ctx: Context): ((text: string) => string[])[] {
  const chain = ctx.vocab.selection.chain.filter((c) => /审/.test(ctx.factsById.get(c.fact)?.answer ?? ''))
  const byParty = (text: string) =>
    ctx.vocab.parties
      .filter((p) => p.pattern.test(text))
      .flatMap((p) => p.facts.filter((f) => chain.some((c) => c.fact === f)))
  return [
    (text) => chain.filter((c) => text.includes(c.name)).map((c) => c.fact),
    byParty,
    (text) => chain.filter((c) => c.pattern.test(text)).map((c) => c.fact),
  ]
}

/**
 * The one review step an ask is about: a step named (市级审核) or its reviewer (市科协) in the ask,
 * else in the message that frames it, before looser words (申请表…报) that name the school's step.
 */
function reviewStepOf(ctx: Context, ask: Ask): string | undefined {
  // The ask's own words first, by every reading; the message around it only when they name none
  // ("（2）市科协审核环节的审核重点": not the school's step that the ask before it named).
  for (const text of [ask.q, ask.context]) {
    if (!text) continue
    for (const read of reviewReadings(ctx)) {
      const steps = [...new Set(read(text))]
      if (steps.length === 1) return steps[0]
      if (steps.length > 1) return undefined
    }
  }
  return undefined
}

/**
 * What a review step of the selection checks, and what the reviewer must do after
 * ("市级审核重点审核哪些方面？审核无误后履行哪些手续？"): that step's article (完整性和规范性,
 * 签署意见、加盖公章, the date it is sent on), read from the ask or, when the ask names no step,
 * from the message that frames it ("桂林市科协在市级审核环节，…").
 */
export const reviewStep: Intent = {
  name: 'review_step',
  description: 'what a review step of the selection checks and what the reviewer does after: its article',
  triggers: [/审|手续|签|盖/],
  answer: (ask, ctx) => {
    const { q } = ask
    if (!(CHECKS.test(q) || AFTER.test(q)) || NEXT.test(q) || ASK_WHEN.test(q))
      return decline(ask, 'asks neither what a review checks nor what the reviewer does after (nor when)')
    const fact = reviewStepOf(ctx, ask)
    if (!fact) return decline(ask, 'names no single review step, by itself or by its reviewer')
    return factsReply(ctx, [fact], '', 0.85, 'process') ?? decline(ask, 'the review step has no article')
  },
}

import type { Context } from '../context'
import type { ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin, PLAN_NAME } from '../reply'
import { withOtherParts } from '../reply-extras'
import { addsDetail, type ScoredFact } from '../retrieval'
import { NAMED_STEP, PURPOSE_ASK } from '../wording'
import type { Intent } from './intent'

/** Below this retrieval confidence the answer says the plan may not cover the exact point. */
const HEDGE_BELOW = 0.45

/** Hedged answers, with the fact they rest on: in a message of several asks the fact alone is said. */
export const hedgedFacts = new WeakMap<QaAnswer, ProgramFact>()

/** The closest fact, said as such, with the office's number for what it does not settle. */
function hedgedAnswer(ctx: Context, top: ScoredFact, confidence: number): QaAnswer {
  const reply = hedgedReply(ctx, top, confidence)
  hedgedFacts.set(reply, top.fact)
  return reply
}

function hedgedReply(ctx: Context, top: ScoredFact, confidence: number): QaAnswer {
  const answer = joinWithin([
    `${PLAN_NAME}的实施方案里没有找到和您的问题完全对应的规定，最相关的内容是：`,
    top.fact.answer,
    `如需确认，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`,
  ])
  return {
    answer,
    intent: 'not_in_document',
    sources: [
      { section: top.fact.section, title: top.fact.title },
      { section: ctx.office.section, title: '联系人及联系电话' },
    ],
    confidence,
    facts: [
      factOf(top.fact),
      {
        section: ctx.office.section,
        title: '联系人及联系电话',
        text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
      },
    ],
  }
}

/** A runner-up this close to the best fact is said too when it holds a detail the best one lacks. */
const DETAIL_SHARE = 0.6

function retrievalAnswer(ctx: Context, q: string, scored: ScoredFact[], confidence: number): QaAnswer {
  const top = scored[0] as ScoredFact
  const chosen = [top]
  const second = scored[1]
  const close = second && second.fact.section !== top.fact.section && second.score >= top.score * 0.97
  const detail = second && second.score >= top.score * DETAIL_SHARE && addsDetail(ctx.index, q, top.fact, second.fact)
  if (second && (close || detail)) chosen.push(second)
  const parts = chosen.map((s) => s.fact.answer)
  const answer = joinWithin(parts)
  const used = chosen.filter((s) => answer.includes(s.fact.answer))
  return {
    answer,
    intent: top.fact.intent ?? 'fact',
    sources: used.map((s) => ({ section: s.fact.section, title: s.fact.title })),
    confidence,
    facts: used.map((s) => factOf(s.fact)),
  }
}

/**
 * The fact of the one step a question names goes before another step's fact that shares its other
 * words ("年度评价不合格会怎样" is the annual evaluation's, though 不合格 is the mid-term's word).
 */
function namedStepFirst(ctx: Context, q: string, scored: ScoredFact[]): ScoredFact[] {
  const keys = new Set(ctx.vocab.steps.filter((s) => s.pattern.test(q)).map((s) => s.key))
  if (keys.size !== 1) return scored
  const steps = [...ctx.program.milestones, ...ctx.program.undatedSteps]
  const section = steps.find((s) => keys.has(s.key))?.section
  const top = scored[0]
  const otherStep = (f: ScoredFact) => f.fact.section !== section && steps.some((s) => s.section === f.fact.section)
  if (!section || !top || !otherStep(top)) return scored
  const own = scored.slice(0, 3).find((s) => s.fact.section === section)
  if (!own) return scored
  const rest = scored.filter((s) => s !== own)
  return [{ ...own, score: top.score }, ...rest.filter((s) => !otherStep(s)), ...rest.filter(otherStep)]
}

/** Asks why the program exists (article 一), not which documents it rests on (the preamble). */
/** Asks for the documents or the spirit the plan follows: the preamble's answer. */
const BASIS_ASK = /依据|根据|文件|精神|贯彻|落实|政策|出台|通知|上级|二十大|背景/

/**
 * The best facts by BM25; article 一 first when the program's purpose is asked; hedged when
 * retrieval is unsure. Always answers: the last intent of the list.
 */
export const retrieve: Intent = {
  name: 'retrieval',
  description: 'the best facts by BM25 (article 一 for the purpose), hedged below 0.45 confidence',
  answer: (ask, ctx) => {
    const { q, confidence } = ask
    const scored = namedStepFirst(ctx, q, ask.scored)
    const top = scored[0]
    if (!top) return undefined
    // "搞这个计划是为了啥": article 一's purpose, not the preamble's list of documents (asked with 依据/文件/精神).
    const purpose = ctx.factsById.get('purpose')
    // The purpose of a named step ("中期评价的目的是什么") stays with that step.
    const wholeProgram =
      top.fact.section === '序' ||
      !(NAMED_STEP.test(q) || /评价|日志|导师|原则|专利|竞赛|名额|名师|兴趣导向|双校|双师|英才库|跟踪/.test(q))
    if (purpose && PURPOSE_ASK.test(q) && !BASIS_ASK.test(q) && wholeProgram) {
      const first = { fact: purpose, score: top.score }
      return retrievalAnswer(
        ctx,
        q,
        [first, ...scored.filter((s) => s.fact !== purpose && s.fact.section !== '序')],
        Math.max(confidence, 0.6),
      )
    }
    if (confidence < HEDGE_BELOW) return hedgedAnswer(ctx, top, confidence)
    return withOtherParts(ctx, q, retrievalAnswer(ctx, q, scored, confidence))
  },
}

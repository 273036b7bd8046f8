import { type Context, decline } from '../context'
import { chineseDate, chineseMonth } from '../../time'
import type { ProgramFact, ProgramMilestone } from '../program'
import { MAX_ANSWER_CHARS, type QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/** Asks what comes after a step, or whether a step already settles it ("通过后是不是就算入选了", "然后呢"). */
const NEXT_ASK =
  /(之后|以后)[^。？?]{0,6}((是|由)谁|谁来)|(之后|以后|后|完了|完|过了|通过了?|结束了?)[^。？?]{0,10}(是不是|是否|就|稳了|下一步|接下来|然后|还要|还有|还得|(会|是)怎(样|么样)|怎么办|干什么|做什么|干嘛|呢)|(之后|以后|完了|过了|结束后)(是什么|是啥|是哪一?步|是哪个环节|还有什么|还有啥)|下[一1](个|项)?(工作|时间)?(节点|环节|阶段)|(之后|以后|后)[^。？?]{0,24}(活动|环节|安排|节点)(是什么|是啥|是哪)|下一步|下一关|下个月|下一个月|下[一1]次|接下来|然后(呢|是|还)|再往后|后面(还有|是|呢)|就(算|等于|是|能|可以)?(直接)?(入选|录取|选上|定下来|确定)|(即|便)(可以?|能)?(直接)?(为|是|算)?(入选|录取|选上|确定)/
/** Asks plainly for the step after a dated one ("中期汇报之后呢", "见面会以后是什么"), not what it involves. */
const LATER_ASK =
  /(之后|以后|完了|结束了?|过了)(呢|是什么|是啥|是哪一?步|是哪个环节|还有什么|还有啥|还有哪些|干嘛|干什么|干啥|做什么|做啥)|下一步|下一关|下个?月|下一个月|下[一1]次|接下来是|然后呢|再往后|后面(还有|是)|下[一1](个|项)?(工作|时间)?(节点|环节|阶段)|(之后|以后|后)[^。？?]{0,24}(活动|环节|安排|节点)(是什么|是啥|是哪)/
/** Asks whether the step already settles the outcome. */
const SETTLED_ASK =
  /是不是|是否|就(算|等于|是|能|可以|定)|算不算|等于|(即|便)(可以?|能)?(直接)?(为|是|算)?(入选|录取|选上|确定)/

/**
 * "管理办公室审核通过后是不是就算入选了", "导师遴选完了然后呢": the step named and the steps of
 * 九（二） that follow it (a step before 导师遴选 does not yet settle who is selected).
 */
function nextStepAnswer(ctx: Context, q: string): QaAnswer | undefined {
  // "见面会之后的下一个节点是什么？在几月？": the next step, with its month, even when its time is asked too.
  if (!NEXT_ASK.test(q) || (ASK_WHEN.test(q) && !LATER_ASK.test(q)) || /多久|多长时间|几天/.test(q)) return undefined
  const { chain: steps, decidedBy, followedBy } = ctx.vocab.selection
  const decided = steps.findIndex((s) => s.fact === decidedBy)
  let at = -1
  // "市级审核通过的学生即为入选学生，随后直接进入公示": the step said to be passed, not a later one named after it.
  const passed = /通过|过了|审完|完成/.exec(q)?.index
  const before = (step: (typeof steps)[number]) => (step.pattern.exec(q)?.index ?? Infinity) < (passed ?? -1)
  const anyBefore = steps.some(before)
  steps.forEach((step, i) => {
    if (anyBefore ? before(step) : step.pattern.test(q)) at = i
  })
  // "优先推荐是不是就等于直接录取": a priority condition counts when the school recommends, the first step.
  const priority = at < 0 && /优先(推荐|条件)|可优先/.test(q) && SETTLED_ASK.test(q)
  if (priority) at = 0
  // "审核通过以后…" with no level named: the end of the review, just before the deciding step.
  if (at < 0 && /审核(通过|过了|完|结束)/.test(q) && decided > 0) at = decided - 1
  if (at < 0) return LATER_ASK.test(q) ? laterStepAnswer(ctx, q) : undefined
  const chain = steps.map((step) => ctx.factsById.get(step.fact))
  const following = chain.slice(at + 1).filter((f): f is ProgramFact => f !== undefined)
  const current = chain[at]
  const after = ctx.factsById.get(followedBy.fact)
  if (at === steps.length - 1 && after) following.push(after)
  const names = steps.slice(at + 1).map((s) => s.name)
  const decider = steps[decided]?.name
  const last = steps[steps.length - 1]?.name
  const head =
    at < decided
      ? `${priority ? '不是，优先推荐只是学校推荐时优先考虑，不等于入选。' : SETTLED_ASK.test(q) ? '不是，这一步过后还不算入选。' : ''}${steps[at]?.name}之后还要经过${names.join('、')}，由${decider}确定入选学生，${last}后才公布名单：`
      : at === decided
        ? `${decider}确定入选学生，之后还要${last}：`
        : `${last}结束后公布入选学生名单，接着是${followedBy.name}：`
  const body = following.map((f) => f.answer)
  const withCurrent = current ? [current.answer, ...body] : body
  const fits = [...[head, ...withCurrent].join('')].length <= MAX_ANSWER_CHARS
  const parts = [head, ...(fits ? withCurrent : body)]
  const answer = joinWithin(parts)
  const used = [...(fits && current ? [current] : []), ...following].filter((f) => answer.includes(f.answer))
  return {
    answer,
    intent: 'process',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/**
 * What follows a dated step outside the selection ("中期汇报之后呢"): the next dated step of the
 * plan, with its date and fact.
 */
function laterStepAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const { program } = ctx
  const key = ctx.vocab.steps.find((s) => s.pattern.test(q))?.key
  const sorted = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
  const at = sorted.findIndex((m) => m.key === key)
  const next = at >= 0 ? sorted.slice(at + 1).find((m) => m.due > (sorted[at] as ProgramMilestone).due) : undefined
  if (!next) return undefined
  const name = (m: ProgramMilestone) => m.title.split(/[：（(]/)[0]
  const when = next.month
    ? /底前/.test(`${next.title}${next.note ?? ''}`)
      ? `${chineseMonth(next.month)}底前`
      : chineseMonth(next.month)
    : `${chineseDate(next.due)}前`
  const fact = program.facts.find((f) => f.section === next.section)
  const answer = joinWithin([
    `${name(sorted[at] as ProgramMilestone)}之后是${name(next)}（${when}）。`,
    fact?.answer ?? '',
  ])
  return {
    answer,
    intent: 'process',
    sources: [{ section: next.section, title: fact?.title ?? next.title }],
    confidence: 0.8,
    facts: fact ? [factOf(fact)] : [{ section: next.section, title: next.title, text: `${next.title}，${next.due}` }],
  }
}

/** Asks for the step before one ("导师遴选之前是哪一步", "前面是哪一步"). */
const BEFORE_ASK = /(之前|以前|前面|前一)(是|还有)?(哪[一1]?步|什么|啥|哪个环节|哪一环)/

/** "导师遴选之前是哪一步啊？那一步是谁审的": the selection step before the one named, with its article. */
function previousStepAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!BEFORE_ASK.test(q)) return undefined
  const { chain } = ctx.vocab.selection
  const at = chain.findIndex((s) => s.pattern.test(q))
  const before = at > 0 ? chain[at - 1] : undefined
  const fact = before && ctx.factsById.get(before.fact)
  if (!before || !fact) return undefined
  return {
    answer: joinWithin([`${chain[at]?.name}之前是${before.name}。`, fact.answer]),
    intent: 'process',
    sources: [{ section: fact.section, title: fact.title }],
    confidence: 0.85,
    facts: [factOf(fact)],
  }
}

/** What follows a selection step. */
export const nextStep: Intent = {
  name: 'next_step',
  description: 'what follows a selection step, or whether it already settles the outcome',
  answer: (ask, ctx) =>
    // "下一步是不是等见面会？大概几月": the next step is named; its own date and fact answer.
    /(下一步|接下来)[^，,。？?]{0,4}(是不是|是否)?(就是|等|要|去)/.test(ask.q) &&
    ctx.vocab.steps.some((s) => s.pattern.test(ask.q))
      ? decline(ask, 'names the next step itself')
      : (previousStepAnswer(ctx, ask.q) ??
        nextStepAnswer(ctx, ask.q) ??
        // "老师说娃资格审核过了，这是不是就稳了": the step passed is said in the remark the ask points back to.
        // "老师说我家娃资格审核过了，接下来是哪一步": the step passed is said before an ask naming none.
        (ask.context &&
        !ctx.vocab.selection.chain.some((s) => s.pattern.test(ask.q)) &&
        /接下来|下一步|然后/.test(ask.q)
          ? nextStepAnswer(ctx, ask.context.slice(0, Math.max(0, ask.context.indexOf(ask.q.slice(0, 4)))) + ask.q)
          : undefined) ??
        (/^(这|那)[^，,。？?]{0,3}(是不是|是否|就|算不算)/.test(ask.q) && ask.context
          ? nextStepAnswer(ctx, ask.context.slice(0, ask.context.indexOf(ask.q.slice(0, 4))) + ask.q)
          : undefined) ??
        decline(ask, 'asks not what follows a selection step')),
}

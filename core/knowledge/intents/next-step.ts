import type { Context } from '../context'
import type { ProgramFact } from '../program'
import { MAX_ANSWER_CHARS, type QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/**
 * The steps of selecting students (九（二）1–4) in order, by fact id, each with the words that
 * name it in a question, then the first step after selection (九（三）).
 */
const SELECTION_CHAIN: { id: string; name: string; pattern: RegExp }[] = [
  {
    id: 'school_recommendation',
    name: '学校推荐',
    pattern:
      /学校推荐|推荐上去|(学校|中学)(报|交|推荐|报送|上报)(上去|了|完)|(申请表|报名表|材料)[^，,。？?]{0,3}(交|报|提交|送)|交(到|给)[^，,。？?]{0,3}科协|报(完|了)名|报名(之|以)?后|报名完/,
  },
  {
    id: 'city_review',
    name: '市级审核',
    pattern: /(市|市里|市级|市科协|各市)[^，,。？?]{0,3}审(核|查|完|过)|市级审核/,
  },
  {
    id: 'regional_review',
    name: '自治区级审核',
    pattern: /(管理办公室|管理办|自治区|区级|区里)[^，,。？?]{0,3}审(核|查|完|过)|资格审核|候选人/,
  },
  { id: 'mentor_selection', name: '导师遴选', pattern: /导师遴选|导师(选|挑|面)(完|过|了|中)|被导师选/ },
  // Once selected, what follows is the notice and then the meeting (九（三）).
  { id: 'public_notice', name: '公示', pattern: /公示|(入选|选上|录取)(了|之|以)?后/ },
]
/** Asks what comes after a step, or whether a step already settles it ("通过后是不是就算入选了", "然后呢"). */
const NEXT_ASK =
  /(之后|以后|后|完了|完|过了|通过了?|结束了?)[^，,。？?]{0,10}(是不是|是否|就|下一步|接下来|然后|还要|还有|还得|会怎样|会怎么样|怎么办|干什么|做什么|干嘛|呢)|下一步|接下来|然后(呢|是|还)|再往后|后面(还有|是|呢)|就(算|等于|是|能|可以)?(入选|录取|选上|定下来|确定)/
/** Asks whether the step already settles the outcome. */
const SETTLED_ASK = /是不是|是否|就(算|等于|是|能|可以|定)|算不算|等于/

/**
 * "管理办公室审核通过后是不是就算入选了", "导师遴选完了然后呢": the step named and the steps of
 * 九（二） that follow it (a step before 导师遴选 does not yet settle who is selected).
 */
function nextStepAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!NEXT_ASK.test(q) || ASK_WHEN.test(q) || /多久|多长时间|几天/.test(q)) return undefined
  let at = -1
  SELECTION_CHAIN.forEach((step, i) => {
    if (step.pattern.test(q)) at = i
  })
  // "审核通过以后…" with no level named: the end of 资格审核, where the candidates are fixed.
  if (at < 0 && /审核(通过|过了|完|结束)/.test(q)) at = SELECTION_CHAIN.findIndex((s) => s.id === 'regional_review')
  if (at < 0) return undefined
  const chain = SELECTION_CHAIN.map((step) => ctx.factsById.get(step.id))
  const following = chain.slice(at + 1).filter((f): f is ProgramFact => f !== undefined)
  const current = chain[at]
  const after = ctx.factsById.get('meet_and_greet')
  if (at === SELECTION_CHAIN.length - 1 && after) following.push(after)
  const names = SELECTION_CHAIN.slice(at + 1).map((s) => s.name)
  const decided = SELECTION_CHAIN.findIndex((s) => s.id === 'mentor_selection')
  const head =
    at < decided
      ? `${SETTLED_ASK.test(q) ? '还不算入选。' : ''}${SELECTION_CHAIN[at]?.name}之后还要经过${names.join('、')}，由导师遴选确定入选学生，公示后才公布名单：`
      : at === decided
        ? '导师遴选确定入选学生，之后还要公示：'
        : '公示结束后公布入选学生名单，接着是师生见面会：'
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

/** What follows a selection step. */
export const nextStep: Intent = {
  name: 'next_step',
  description: 'what follows a selection step, or whether it already settles the outcome',
  answer: (ask, ctx) => nextStepAnswer(ctx, ask.q),
}

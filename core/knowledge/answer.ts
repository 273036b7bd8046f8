import { splitAskerHeader } from './asker-header'
import { cohortMonthsAsked } from './cohort-months'
import { correctHomophones, noticeForFormula } from './homophones'
import { type Ask, type AskOptions, type Context, contextOf, makeAsk } from './context'
import { INTENTS } from './intents'
import { mayNameOther, mergeElsewhere } from './intents/elsewhere'
import { withListCount } from './list-count'
import { eligibilityAnswer } from './intents/eligibility'
import { placeVerdictReply } from './intents/place-verdict'
import { MEETS_ASK, PLACE_ASK } from './grade-places'
import { offRuleLabels } from './open-topics'
import { hedgedFacts } from './intents/retrieve'
import { askReading, listLead, namesProgramThing, type PreviousAsk, previousOf } from './ask-reading'
import { combine, isWeak, messageAsks, pointLength } from './message'
import { expandAbbreviations, expandCityInitials, normaliseText, toSimplified } from './normalise'
import { withoutPersonalDetails } from './personal'
import type { Program } from './program'
import type { QaAnswer } from './qa-answer'
import { withNoteLast } from './reply'
import { withBodiesPremise, withGradePremise, withLocalBody, withOfficeWhenSilent } from './reply-extras'
import { GENERIC_TASK, PROGRAM_NAMED } from './scope'
import { ALSO_FOR, APPLY_ASK, ASKING, CORE_TERMS, PRIORITY_ASK } from './wording'

export { type AnswerFact, MAX_ANSWER_CHARS, type QaAnswer } from './qa-answer'

/**
 * The deterministic answerer, as a pipeline: normalise → split a message into asks → the intents
 * of ./intents in order, the first that answers wins → combine the answers → the office's number
 * wherever the plan is silent. Everything it says comes from the program data, so it never
 * invents a date, number or rule; `facts` hands the same material to an optional LLM.
 */

/** What the pipeline did, step by step, for `npm run qa:explain`. */
export type TraceEvent =
  | { kind: 'ask'; ask: Ask }
  | { kind: 'intent'; intent: string; answer?: QaAnswer; reason?: string }
  | { kind: 'message'; asks: string[] }
export type Tracer = (event: TraceEvent) => void

/**
 * Answers a question about a program: synchronous, deterministic, and fast (the retrieval
 * index is built once per program object). `now` places dates relative to today in Beijing.
 */
export function answerQuestion(program: Program, question: string, now: Date, trace?: Tracer): QaAnswer {
  const ctx = contextOf(program)
  // Traditional characters (南寧市選多少個學生) are read as simplified from here on, profile included;
  // the asker's own phone or e-mail is context, never the question.
  // Short forms, misspellings and sound-alike slips of the cohort's words (管办, 明额, 导市) are read as the
  // words; 明年2月 is the cohort's February when the cohort has a step then.
  const expanded = expandCityInitials(
    expandAbbreviations(withoutPersonalDetails(toSimplified(question)), ctx.spellings),
    program.cities,
  )
  // The asker header is no topic of the asks, but the place it names ("贵港市某中学咨询：") is where the
  // student studies, for the eligibility rules only.
  const { header, body: text } = splitAskerHeader(
    cohortMonthsAsked(program, noticeForFormula(correctHomophones(expanded, ctx.homophones))).replace(SALUTATION, ''),
  )
  const answered = withOfficeWhenSilent(ctx, answerMessage(ctx, text, now, trace, header))
  // A premise the message takes for granted (a grade not admitted, a body in a role it does not have) is corrected first.
  const answer = withLocalBody(ctx, text, withBodiesPremise(ctx, text, withGradePremise(ctx, text, answered)))
  // The year note (the cohort is over) comes once, after the asked points.
  return { ...answer, answer: withNoteLast(answer.answer) }
}

/** "各位老师好，…", "老师，…": a salutation before the question names no teacher the question is about. */
const SALUTATION = /^(各位|尊敬的)?(老师|领导)们?(好|您好|你好)?[,，!！:：。\s]+(?=\S)/

/** The intents that count from a day the ask gives: a follow-up read with that ask only repeats them. */
const COUNTED = new Set(['notice_end', 'weekday', 'month_end', 'interval'])

/** Which intent gave an answer, for reading a follow-up ask with the ask before it. */
const answeredBy = new WeakMap<QaAnswer, string>()

/** One ask through the intents in order, the first that answers wins. */
function answerAsk(ctx: Context, ask: Ask, trace?: Tracer): QaAnswer {
  trace?.({ kind: 'ask', ask })
  for (const { intent } of INTENTS) {
    // An intent whose own required words are all absent would decline: not run (most asks skip most intents).
    if (intent.triggers && !intent.triggers.some((t) => t.test(ask.q))) {
      trace?.({ kind: 'intent', intent: intent.name, reason: 'none of its trigger words' })
      continue
    }
    ask.declined = undefined
    const answer = intent.answer(ask, ctx)
    trace?.({ kind: 'intent', intent: intent.name, ...(answer ? { answer } : {}), reason: ask.declined })
    if (!answer) continue
    answeredBy.set(answer, intent.name)
    // "共有几项": a listed reply says how many items it lists.
    return withListCount(ask.q, answer)
  }
  // The last intent answers whenever retrieval found anything; with nothing at all, the gap.
  throw new Error(`no intent answered: ${ask.q}`)
}

function answerOne(ctx: Context, question: string, now: Date, opts: AskOptions = {}, trace?: Tracer): QaAnswer {
  return answerAsk(ctx, makeAsk(ctx, question, now, opts), trace)
}

/**
 * The message without a sentence that only follows its one ask ("…分别是哪些？我们在宣传材料里需要
 * 准确表述。"): why it is asked, not what. Undefined when nothing follows, or what follows may
 * describe the student (a number, an award, a grade when applying is asked) or ask something.
 */
function withoutAfterword(q: string, ask: string): string | undefined {
  const end = q.lastIndexOf(ask) + ask.length
  const after = q.slice(end)
  if (
    end < ask.length ||
    !after ||
    !/[？?。！!]$/.test(ask) ||
    /\d|[一二三四五六七八九十]等奖/.test(after) ||
    // "…要搞多久？孩子明年就高二了": a grade matters only to whether the student may apply.
    (/高[一二三]|初[一二三]/.test(after) && (APPLY_ASK.test(q) || PRIORITY_ASK.test(q)))
  )
    return undefined
  return ASKING.test(after) || APPLY_ASK.test(after) || ALSO_FOR.test(after) ? undefined : q.slice(0, end)
}

/** A space after Chinese (or an emoji) and before Chinese: a pause between sentences, not inside a word. */
/** "想问三个问题：1 要读高几 2 成绩有啥要求 3 …": numbers set off by spaces number the asks. */
function spacedNumbers(text: string): string {
  // "问题：1柳州有几个名额 2学校的材料交给谁": numbers after a colon or a space, 1 then 2, with or without a space after.
  if (!/(^|[：:，,\s])1\s*[\u4e00-\u9fff].*\s2\s*[\u4e00-\u9fff]/u.test(text)) return text
  return text.replace(/(?<=^|[：:，,\s])([1-9])\s*(?=[\u4e00-\u9fff])(?![个名次位天年月号日人])/gu, '$1.')
}
const SPOKEN_PAUSE = /(?<=[\u4e00-\u9fff\p{Extended_Pictographic}])[ \t\u3000]+(?=[\u4e00-\u9fff])/gu

/**
 * A message as people write it: remarks and one or more asks. With one ask it is answered
 * whole (the remarks are context); with several, each ask is answered on its own (the message
 * giving the cities and the student's profile) and the answers are joined, an eligibility
 * verdict in its short form, all within 400 characters.
 */
function answerMessage(ctx: Context, question: string, now: Date, trace?: Tracer, asker?: string): QaAnswer {
  // A space between two words of Chinese is how WeChat messages and voice input end a sentence.
  const q = normaliseText(spacedNumbers(question).replace(SPOKEN_PAUSE, '，'))
  // A message about a general task (高考志愿, weather, translation …) with no word only this
  // program uses is answered whole: splitting it would let one part meet an incidental fact.
  const generalTask = GENERIC_TASK.test(q) && !PROGRAM_NAMED.test(q) && !CORE_TERMS.test(q)
  const asks = generalTask ? [] : messageAsks(q)
  trace?.({ kind: 'message', asks: asks.map((a) => a.ask) })
  const applying = (text: string) => APPLY_ASK.test(text) || PRIORITY_ASK.test(text)
  if (asks.length < 2) {
    const only = asks[0]
    // "学校说可以报。申请表谁交？": the one ask is not whether the student may apply.
    const eligibility = !only || applying(only.ask) || pointLength(only.ask) <= 6 || !applying(q)
    return answerOne(
      ctx,
      only ? (withoutAfterword(q, only.ask) ?? question) : question,
      now,
      { eligibility, ...(asker ? { asker } : {}) },
      trace,
    )
  }
  // "全年级400人，前15%是多少名？该生物理第65名，是否满足？": asks only of the lines and of the student's
  // place are one reply, in numbered parts.
  if (asks.every((a) => PLACE_ASK.test(a.ask) || MEETS_ASK.test(a.ask) || APPLY_ASK.test(a.ask))) {
    const placed = placeVerdictReply(ctx, question, q, asker)
    if (placed) return placed.answer
  }
  const parts: { answer: QaAnswer; text: string; neighbours?: boolean }[] = []
  const noted = new Set<string>()
  let previous: PreviousAsk | undefined
  // "全国的英才计划什么时候报名？报名网址是哪个": asks after one about another program stay about it.
  let elsewhereBefore = false
  const lead = listLead(ctx, asks[0])
  for (const message of asks) {
    const { ask } = message
    if (elsewhereBefore && (/那边|那里|他们那/.test(ask) || (!PROGRAM_NAMED.test(ask) && !CORE_TERMS.test(ask))))
      continue
    const own = askReading(ctx, message, lead, previous)
    let reply: { answer: QaAnswer; text: string; neighbours?: boolean } | undefined
    if (applying(ask)) {
      const placed = placeVerdictReply(ctx, question, normaliseText(ask), asker)
      const e = placed ?? eligibilityAnswer(ctx, question, normaliseText(ask), asker)
      if (e) reply = { answer: e.answer, text: e.brief }
      if (e && trace) {
        trace({ kind: 'ask', ask: makeAsk(ctx, ask, now, { context: question }) })
        trace({ kind: 'intent', intent: placed ? 'place_verdict' : 'eligibility', answer: e.answer })
      }
      // The verdict's note already says the plan sets none of the conditions the message raises.
      if (e) for (const label of offRuleLabels(ctx, q)) noted.add(label)
    }
    // "…能报吗，有没有年龄限制": the age ask is answered by the verdict's note.
    const raised = offRuleLabels(ctx, ask)
    if (!reply && raised.length > 0 && raised.every((l) => noted.has(l))) {
      previous = previousOf(ask, own, previous)
      continue
    }
    if (!reply) {
      // A follow-up read with the ask before it stays with that reading (out of scope stays out).
      const { text } = message
      const candidates = own === text || own === ask ? [own, text, previous ? `${previous.ask}，${ask}` : ''] : [own]
      let a = answerOne(ctx, own, now, { context: q, eligibility: false }, trace)
      // "我校学生拟参加全国生物学联赛，报名渠道是什么？": the ask's own lead names another thing, which it is about.
      if (text !== own && answeredBy.get(a) !== 'elsewhere' && mayNameOther(text)) {
        const led = answerOne(ctx, text, now, { context: q, eligibility: false }, trace)
        if (answeredBy.get(led) === 'elsewhere') a = led
      }
      for (const c of candidates.slice(1)) {
        if (!isWeak(a) || !c || c === own) continue
        a = answerOne(ctx, c, now, { context: q, eligibility: false }, trace)
      }
      // An ask with no word of the program of its own ("阳朔荔浦这些县的算不算") that retrieval
      // places only loosely is a follow-up of the ask before it: read together, a structured intent may answer.
      if (
        previous &&
        !(lead.text && own === `${lead.text}${ask}`) &&
        ((answeredBy.get(a) === 'retrieval' && a.confidence < 0.8) || answeredBy.get(a) === 'gap') &&
        !namesProgramThing(ctx, ask)
      ) {
        const joined = answerOne(ctx, `${previous.ask}，${ask}`, now, { context: q, eligibility: false }, trace)
        if (!['retrieval', 'gap'].includes(answeredBy.get(joined) ?? '') && !isWeak(joined)) a = joined
      }
      // "…11月2日起公示，哪天结束？在何平台公示？": read with the ask before it, the follow-up only repeats
      // that answer (a counted end); on its own it has an answer of its own, and no ask is dropped.
      if (own !== ask && COUNTED.has(answeredBy.get(a) ?? '') && parts.some((p) => p.answer.answer === a.answer)) {
        const alone = answerOne(ctx, ask, now, { context: q, eligibility: false }, trace)
        if (!isWeak(alone)) a = alone
      }
      elsewhereBefore ||= answeredBy.get(a) === 'elsewhere'
      // A hedged reply to a short ask of a longer message says its fact plainly: the message gives the context.
      const hedged = hedgedFacts.get(a)
      if (hedged) a = { ...a, intent: hedged.intent ?? 'fact' }
      // Another program's ask is answered as such (it is not this plan's), never dropped for a weak reply.
      if (!isWeak(a) || answeredBy.get(a) === 'elsewhere')
        reply = { answer: a, text: hedged?.answer ?? a.answer, neighbours: answeredBy.get(a) === 'retrieval' }
    }
    previous = previousOf(ask, own, previous)
    if (!reply) continue
    const said = reply.answer.answer
    if (
      parts.some(
        (p) =>
          p.answer.answer === said ||
          p.answer.answer.includes(said) ||
          (p.answer.intent === 'eligibility' && reply?.answer.intent === 'eligibility'),
      )
    )
      continue
    // "南宁比我们多几个？是不是刚好翻一倍": a later answer that says an earlier one and more replaces it.
    const within = parts.findIndex((p) => said.startsWith(p.answer.answer.replace(/。$/, '')))
    if (within >= 0) parts.splice(within, 1, reply)
    else parts.push(reply)
  }
  if (parts.length === 0) return answerOne(ctx, question, now, asker ? { asker } : {}, trace)
  if (parts.length === 1) return (parts[0] as { answer: QaAnswer }).answer
  return combine(mergeElsewhere(parts))
}

import { type EligibilityInput, checkEligibility } from '../../core/rules/eligibility'
import { explainEligibility } from '../../core/rules/explain-eligibility'
import { extractProfile } from '../../core/rules/extract-profile'
import type { Dialogue, Flow, Turn, TurnContext } from '../types'

const SAY = { cancelled: '已取消资格判断。需要时再问我“能报名吗”。' }

/** A question rather than an answer to ours: it asks something and is not itself about applying. */
const ASKS_SOMETHING = /[?？]|多少|什么|哪些|哪个|怎么|如何|几[个号月天时]|吗|呢|是否/

/** The eligibility dialogue's state: the profile gathered so far. */
function dialogueOf(profile: EligibilityInput): Dialogue {
  return { flow: 'eligibility', step: 'profile', data: { profile } }
}

/** The merged profile's verdict as a turn: the explanation, and the dialogue kept open while something is missing. */
function verdictTurn(program: Parameters<typeof checkEligibility>[0], profile: EligibilityInput): Turn {
  const result = checkEligibility(program, profile)
  const replies = [{ text: explainEligibility(program, result) }]
  return result.verdict === 'unknown' ? { replies, dialogue: dialogueOf(profile) } : { replies }
}

/** Profiles merge field by field; a later word about the same field wins, awards and patents add up. */
function merge(a: EligibilityInput, b: EligibilityInput): EligibilityInput {
  const merged: EligibilityInput = { ...a, ...b }
  if (a.awards || b.awards) merged.awards = [...(a.awards ?? []), ...(b.awards ?? [])]
  if (a.patents || b.patents) merged.patents = [...(a.patents ?? []), ...(b.patents ?? [])]
  return merged
}

/**
 * The eligibility check as a dialogue (四（二）): started when a question about whether someone
 * may apply can't be decided, it keeps the profile said so far and asks for what is missing,
 * until the verdict is clear. A message that gives nothing of a profile, or asks something
 * else, ends it and is answered as a new message.
 */
export const eligibilityFlow: Flow & {
  /** The dialogue to keep after a question that was answered with an undecided verdict. */
  begin(text: string): Dialogue
  /** Opens the dialogue with nothing known yet: the verdict's explanation asks for everything. */
  start(ctx: TurnContext): Turn
} = {
  name: 'eligibility',
  title: '报名资格判断',
  cancelled: SAY.cancelled,
  begin(text) {
    return dialogueOf(extractProfile(text).profile)
  },
  start(ctx) {
    return verdictTurn(ctx.program, {})
  },
  async continue(ctx, dialogue, text) {
    const found = extractProfile(text)
    const gives = Object.keys(found.profile).length > 0
    if (!gives || (ASKS_SOMETHING.test(text) && !found.asksEligibility)) return { replies: [], pass: true }
    const before = (dialogue.data.profile ?? {}) as EligibilityInput
    return verdictTurn(ctx.program, merge(before, found.profile))
  },
}

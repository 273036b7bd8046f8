import { type EligibilityInput, checkEligibility } from '../../core/rules/eligibility'
import { explainEligibility } from '../../core/rules/explain-eligibility'
import { extractProfile } from '../../core/rules/extract-profile'
import type { Dialogue, Flow, Turn, TurnContext } from '../types'

const SAY = { cancelled: '已取消资格判断。需要时再问我“能报名吗”。' }

/** A question rather than an answer to ours: it asks something and is not itself about applying. */
const ASKS_SOMETHING = /[?？]|多少|什么|哪些|哪个|怎么|如何|几[个号月天时]|吗|呢|是否/

/** Words of a patent's state, which make a reply ending in 呢 or 吗 an answer rather than a new question. */
const PATENT_STATE = /授权|审|受理|申请|批/

/** The eligibility dialogue's state: the profile gathered so far. */
function dialogueOf(profile: EligibilityInput): Dialogue {
  return { flow: 'eligibility', step: 'profile', data: { profile } }
}

/** Whether the verdict asks about a patent whose grant was not said (the only priority point it asks). */
function asksGrant(program: Parameters<typeof checkEligibility>[0], profile: EligibilityInput): boolean {
  const priority = checkEligibility(program, profile).checks.find((c) => c.rule === 'priority')
  return priority?.status === 'unknown' && (profile.patents ?? []).some((p) => p.granted === undefined)
}

/** The merged profile's verdict as a turn: the explanation, and the dialogue kept open while something is missing. */
function verdictTurn(program: Parameters<typeof checkEligibility>[0], profile: EligibilityInput): Turn {
  const result = checkEligibility(program, profile)
  const replies = [{ text: explainEligibility(program, result) }]
  return result.verdict === 'unknown' || asksGrant(program, profile)
    ? { replies, dialogue: dialogueOf(profile) }
    : { replies }
}

/**
 * Profiles merge field by field; a later word about the same field wins, awards and patents add
 * up, except that a patent said again with its grant ('发明专利已受理') replaces the one of the
 * same type whose grant was not known.
 */
function merge(a: EligibilityInput, b: EligibilityInput): EligibilityInput {
  const merged: EligibilityInput = { ...a, ...b }
  if (a.awards || b.awards) merged.awards = [...(a.awards ?? []), ...(b.awards ?? [])]
  if (a.patents || b.patents) {
    const later = b.patents ?? []
    const kept = (a.patents ?? []).filter((p) => p.granted !== undefined || !later.some((l) => l.type === p.type))
    merged.patents = [...kept, ...later]
  }
  return merged
}

/** The profile with its patents of unknown grant given the grant said in answer ('还在审', '已经授权了'). */
function withGrant(profile: EligibilityInput, granted: boolean): EligibilityInput {
  const patents = profile.patents?.map((p) => (p.granted === undefined ? { ...p, granted } : p))
  return patents ? { ...profile, patents } : profile
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
  /** Whether an answered question left a patent's grant to be said (the verdict asked for it). */
  asksGrant(program: Parameters<typeof checkEligibility>[0], text: string): boolean
  /** Opens the dialogue with nothing known yet: the verdict's explanation asks for everything. */
  start(ctx: TurnContext): Turn
} = {
  name: 'eligibility',
  title: '报名资格判断',
  cancelled: SAY.cancelled,
  begin(text) {
    return dialogueOf(extractProfile(text).profile)
  },
  asksGrant(program, text) {
    return asksGrant(program, extractProfile(text).profile)
  },
  start(ctx) {
    return verdictTurn(ctx.program, {})
  },
  async continue(ctx, dialogue, text) {
    const found = extractProfile(text)
    const before = (dialogue.data.profile ?? {}) as EligibilityInput
    // The answer to whether a patent is granted ('还在审呢', '已受理，还没批'), with no type of its own.
    const open = before.patents?.some((p) => p.granted === undefined)
    if (open && found.patentGranted !== undefined && (!ASKS_SOMETHING.test(text) || PATENT_STATE.test(text))) {
      const { patents: _untyped, ...rest } = found.profile
      return verdictTurn(ctx.program, { ...withGrant(before, found.patentGranted), ...rest })
    }
    const gives = Object.keys(found.profile).length > 0
    if (!gives || (ASKS_SOMETHING.test(text) && !found.asksEligibility)) return { replies: [], pass: true }
    return verdictTurn(ctx.program, merge(before, found.profile))
  },
}

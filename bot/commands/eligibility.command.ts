import { extractProfile } from '../../core/rules/extract-profile'
import { eligibilityFlow } from '../flows/eligibility.flow'
import type { Command } from './command'

/** Words without which no message asks whether someone may apply (能, 可以, 资格, 符合, 够, 行, 有戏, 试试, 优先 …). */
const MAY_ASK = /能|可以|可否|资格|够|符合|满足|达|行|戏|希望|机会|冲|试|优先|报得|上得|选得/

/**
 * 我家孩子能报名吗 — whether a particular student may apply, said without any detail of them:
 * the eligibility dialogue starts at once and asks for the city, grade and rank (四（二）). A
 * question that already gives details is answered by the question command, which starts the
 * same dialogue when the verdict still needs something.
 */
export const eligibilityCommand: Command = {
  name: 'eligibility',
  description:
    'starts the eligibility dialogue when someone asks whether a student may apply without saying anything about them',
  match: (text) => {
    // Reading a profile locates places in the text, the costliest step: only when the words could ask it.
    if (!MAY_ASK.test(text)) return false
    const found = extractProfile(text)
    return found.asksEligibility && Object.keys(found.profile).length === 0
  },
  run: async (ctx) => eligibilityFlow.start(ctx),
}

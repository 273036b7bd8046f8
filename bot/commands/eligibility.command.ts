import { extractProfile } from '../../core/rules/extract-profile'
import { eligibilityFlow } from '../flows/eligibility.flow'
import type { Command } from './command'

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
    const found = extractProfile(text)
    return found.asksEligibility && Object.keys(found.profile).length === 0
  },
  run: async (ctx) => eligibilityFlow.start(ctx),
}

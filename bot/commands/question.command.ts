import { askQuestion } from '../../core/knowledge/ask-question'
import { eligibilityFlow } from '../flows/eligibility.flow'
import type { Turn } from '../types'
import type { Command } from './command'

/**
 * Any other text is a question about the program, answered as the HTTP API answers it
 * (CONTRACT §2). When it asks whether someone may apply and the verdict needs more (or asks
 * whether a patent is granted), the eligibility dialogue starts with what the question already said.
 */
export const questionCommand: Command = {
  name: 'question',
  description: 'answers a question about the program from the plan; an undecided eligibility check becomes a dialogue',
  match: () => true,
  async run(ctx): Promise<Turn> {
    const text = ctx.msg.text.trim().slice(0, 500)
    const response = await askQuestion(ctx.deps, { question: text, cohort: ctx.program.cohort })
    const replies = [{ text: response.answer }]
    const { eligibility } = response
    // Undecided, or decided but asking whether a patent is granted: the answer is awaited.
    if (eligibility && (eligibility.verdict === 'unknown' || eligibilityFlow.asksGrant(ctx.program, text)))
      return { replies, dialogue: eligibilityFlow.begin(text) }
    return { replies }
  },
}

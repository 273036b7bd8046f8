import { askQuestion } from '../../core/knowledge/ask-question'
import { eligibilityFlow } from '../flows/eligibility.flow'
import type { Turn } from '../types'
import type { Command } from './command'

/**
 * Any other text is a question about the program, answered as the HTTP API answers it
 * (CONTRACT §2). When it asks whether someone may apply and the verdict needs more, the
 * eligibility dialogue starts with what the question already said.
 */
export const questionCommand: Command = {
  name: 'question',
  description: 'answers a question about the program from the plan; an undecided eligibility check becomes a dialogue',
  match: () => true,
  async run(ctx): Promise<Turn> {
    const text = ctx.msg.text.trim().slice(0, 500)
    const response = await askQuestion(ctx.deps, { question: text, cohort: ctx.program.cohort })
    const replies = [{ text: response.answer }]
    if (response.eligibility?.verdict === 'unknown') return { replies, dialogue: eligibilityFlow.begin(text) }
    return { replies }
  },
}

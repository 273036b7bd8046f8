import { beijingDate } from '../time'
import { answerQuestion, type QaAnswer } from './answer'
import type { Program } from './program'

/**
 * Remembers today's deterministic answers. In the application weeks hundreds of parents ask the
 * same few questions; the answer to one question only changes with the program and the Beijing
 * day (deadline answers say 还有 N 天), so both are part of the key. Bounded: the least recently
 * asked question is forgotten first.
 */
export class AnswerCache {
  private readonly entries = new Map<string, QaAnswer>()

  constructor(private readonly capacity = 2000) {}

  /** The answer, and whether it was computed now (a question not yet asked today). */
  answer(program: Program, question: string, now: Date): { found: QaAnswer; fresh: boolean } {
    const key = `${program.cohort}|${beijingDate(now)}|${question}`
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return { found: hit, fresh: false }
    }
    const found = answerQuestion(program, question, now)
    this.entries.set(key, found)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
    return { found, fresh: true }
  }

  /** How many answers are remembered. */
  get size(): number {
    return this.entries.size
  }
}

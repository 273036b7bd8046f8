import { expect } from 'vitest'
import { answerQuestion, MAX_ANSWER_CHARS, type QaAnswer } from '../../core/knowledge/answer'
import { builtInProgram, type Program } from '../../core/knowledge/program'

/** The built-in 2023 program, as the answer tests read it. */
export const program = builtInProgram(2023) as Program
/** A day before the school deadline (2023-10-24), and one after it. */
export const BEFORE = new Date('2023-10-20T10:00:00+08:00')
export const AFTER = new Date('2023-10-26T10:00:00+08:00')
/** The deterministic answer to a question about the 2023 program, on `now` (BEFORE by default). */
export const ask = (q: string, now = BEFORE): QaAnswer => answerQuestion(program, q, now)

/** The judging of ../shared/eval/run-eval.mjs: normalise, every `all` group met, no `none` string, ≤ 400 chars. */
function normalise(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—－–‐‑]/g, '-')
}
export function judge(answer: string, all: string[][] = [], none: string[] = []): boolean {
  const a = normalise(answer)
  return (
    all.every((g) => g.some((alt) => a.includes(normalise(alt)))) &&
    none.every((s) => !a.includes(normalise(s))) &&
    [...answer].length <= MAX_ANSWER_CHARS
  )
}

/** Every number an answer may contain: those in the program data (dates, phones, quotas, percentages). */
export const PROGRAM_NUMBERS = new Set(JSON.stringify({ ...program, vocabulary: undefined }).match(/\d+/g) ?? [])
export const numbersIn = (text: string) => text.match(/\d+/g) ?? []

/** Today's real date: the 2023 cohort's period is over, every dated answer carries the year note. */
export const LATE = new Date('2026-12-02T10:00:00+08:00')
/** An answer within the 400 characters every reply keeps to. */
export const within = (a: string) => expect([...a].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
/** Each group: one of its alternatives must be in the answer. */
export const hasEach = (a: string, groups: string[][]) => {
  for (const g of groups)
    expect(
      g.some((w) => a.includes(w)),
      `${g.join('|')} in ${a}`,
    ).toBe(true)
}

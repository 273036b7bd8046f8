import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devSetFile, readJsonl } from '../../../test/helpers/eval-sets'
import { answerQuestion } from '../answer'
import { builtInProgram, type Program, readProgramFile } from '../program'
import type { QaAnswer } from '../qa-answer'
import { INTENTS } from '.'
import type { Intent } from './intent'

/**
 * An intent's triggers (intent.ts) only skip work: every known question, answered with them and
 * with every intent run as before, gets the same answer — the dev sets, the project's own
 * questions, every Chinese string of the knowledge tests, each also with a tail as the bench
 * writes them, for the 2023 program and the invented 2031 one, on days before, during and after.
 */

const HERE = join(__dirname, '..')

function knownQuestions(): string[] {
  const found = new Set<string>()
  for (const name of ['qa-dev.jsonl', 'eligibility-dev.jsonl'] as const) {
    const { file, present } = devSetFile(name)
    if (present) for (const c of readJsonl<{ question: string }>(file)) found.add(c.question)
  }
  for (const c of readJsonl<{ q: string }>(join(HERE, 'fixtures/own-questions.jsonl'))) found.add(c.q)
  // Every Chinese string the knowledge tests ask or expect: the hard cases each intent was written for.
  const tests = [HERE, __dirname].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  )
  for (const file of tests) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'([^'\n]*[\u4e00-\u9fff][^'\n]*)'/g)) {
      found.add(m[1] as string)
    }
  }
  return [...found]
}

function withoutTriggers<T>(run: () => T): T {
  const saved = new Map<Intent, Intent['triggers']>()
  for (const { intent } of INTENTS) saved.set(intent, intent.triggers)
  try {
    for (const { intent } of INTENTS) (intent as { triggers?: Intent['triggers'] }).triggers = undefined
    return run()
  } finally {
    for (const [intent, triggers] of saved) (intent as { triggers?: Intent['triggers'] }).triggers = triggers
  }
}

const programs: [Program, Date[]][] = [
  [
    builtInProgram(2023) as Program,
    [
      new Date('2023-10-20T10:00:00+08:00'),
      new Date('2024-03-15T10:00:00+08:00'),
      new Date('2025-06-01T10:00:00+08:00'),
    ],
  ],
  [readProgramFile(join(HERE, 'fixtures/cohort-2031/2031.json')), [new Date('2031-09-10T10:00:00+08:00')]],
]

describe('intent triggers', () => {
  it('are plain patterns (no g or y flag: a test must not depend on the one before)', () => {
    const flagged = INTENTS.flatMap(({ intent }) => (intent.triggers ?? []).filter((t) => t.global || t.sticky))
    expect(flagged).toEqual([])
    expect(INTENTS.some(({ intent }) => intent.triggers)).toBe(true)
  })

  it('change no answer to any known question', () => {
    const questions = knownQuestions()
    expect(questions.length).toBeGreaterThan(1000)
    const asked = questions.flatMap((q) => [q, `${q}1z`, `${q}k`])
    let compared = 0
    for (const [program, days] of programs) {
      for (const now of days) {
        const fast = asked.map((q) => answerQuestion(program, q, now))
        const full = withoutTriggers(() => asked.map((q) => answerQuestion(program, q, now)))
        const differing = asked
          .map((q, i) => ({ q, fast: fast[i] as QaAnswer, full: full[i] as QaAnswer }))
          .filter(({ fast, full }) => JSON.stringify(fast) !== JSON.stringify(full))
        expect(differing.slice(0, 3)).toEqual([])
        compared += asked.length
      }
    }
    expect(compared).toBeGreaterThan(10_000)
    // Every known question twice, over 10,000 asks: on two shared cores this takes well beyond the default.
  }, 180_000)
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devSetFile, readJsonl } from '../../test/helpers/eval-sets'
import { program, BEFORE, ask, judge } from '../../test/helpers/qa'
import { answerQuestion, MAX_ANSWER_CHARS } from './answer'
import { programSchema } from './program'

/** The acceptance checks' dev sample, beside the project (as in CI); the suite skips it where it is absent. */
const DEV_QA = devSetFile('qa-dev.jsonl')

describe.skipIf(!DEV_QA.present)('answerQuestion: the dev sample', () => {
  it('answers every question of ../shared/eval/qa-dev.jsonl as the acceptance run judges', () => {
    const file = DEV_QA.file
    const cases = readJsonl<{ id: string; question: string; expect: { all?: string[][]; none?: string[] } }>(file)
    const misses = cases.filter((c) => !judge(ask(c.question).answer, c.expect.all, c.expect.none)).map((c) => c.id)
    expect(cases.length).toBeGreaterThanOrEqual(50)
    expect(misses, 'the dev sample stays at 100%').toEqual([])
  })
})

describe('answerQuestion: our own paraphrases of every article', () => {
  const cases = readJsonl<{ q: string; all?: string[][]; none?: string[]; intent?: string }>(
    join(__dirname, 'fixtures/own-questions.jsonl'),
  )
  it('has at least 60 questions of our own', () => expect(cases.length).toBeGreaterThanOrEqual(60))
  it('gets at least 95% of them right (key facts present, nothing forbidden, the expected intent)', () => {
    const misses = cases.filter((c) => {
      const r = ask(c.q)
      return !judge(r.answer, c.all, c.none) || (c.intent !== undefined && c.intent !== r.intent)
    })
    expect(misses.length / cases.length, `misses: ${misses.map((c) => c.q).join(' | ')}`).toBeLessThanOrEqual(0.05)
  })
})

describe('every answer', () => {
  const all = readJsonl<{ q: string }>(join(__dirname, 'fixtures/own-questions.jsonl')).map((c) => c.q)
  it('stays within 400 characters, cites a section, and carries a confidence in 0..1', () => {
    for (const q of [...all, '什么', '', '啊啊啊啊'.repeat(100)]) {
      const r = ask(q)
      expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
      expect(r.confidence).toBeGreaterThanOrEqual(0)
      expect(r.confidence).toBeLessThanOrEqual(1)
      if (!['greeting', 'out_of_scope'].includes(r.intent)) expect(r.sources.length, q).toBeGreaterThan(0)
    }
  })
  it('is deterministic, also for a fresh copy of the program', () => {
    const copy = programSchema.parse(JSON.parse(JSON.stringify(program)))
    for (const q of all) {
      const a = ask(q)
      expect(ask(q)).toEqual(a)
      expect(answerQuestion(copy, q, BEFORE)).toEqual(a)
    }
  })
  it('marks a vague question for review with a confidence under 0.5', () => {
    expect(ask('英才计划里那个东西怎么弄').confidence).toBeLessThan(0.5)
  })
})

describe('a message with several asks', () => {
  it('answers a question after remarks that mention applying, without an eligibility check', () => {
    const r = ask('孩子在南宁读高一，老师说可以报。材料是谁交？交给谁？')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toMatch(/市级科协|市科协/)
    expect(r.answer).toContain('2023年10月24日')
  })
  it('gives a short verdict and the other answer, within 400 characters', () => {
    const r = ask('我们柳州的，孩子读高一，能报吗？柳州一共选几个')
    expect(r.eligibility?.verdict).toBe('unknown')
    expect(r.answer).toContain('15%')
    expect(r.answer).toContain('柳州市选拔15名')
    expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
  })
  it('keeps a full verdict when the only ask is whether the student may apply', () => {
    const r = ask('孩子在桂林读高二，物理年级前8%，能报吗？能优先吗？')
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: false })
    expect(r.answer).toContain('结论')
  })
  it('answers every ask of a message split by commas and connectors', () => {
    const r = ask('成绩要排前多少？另外各市名额是多少')
    expect(r.answer).toContain('15%')
    expect(r.answer).toContain('南宁市30名')
  })
  it('answers a general "能报吗" with the rule, not a profile interrogation', () => {
    expect(ask('是不是只有示范性高中的学生能报？普通高中有机会吗').answer).toContain('全体高一、高二')
    const rank = ask('孩子偏科，物理特别好总分一般，能报吗？成绩要求是什么')
    expect(rank.answer).toContain('15%')
    expect(rank.intent).not.toBe('out_of_scope')
  })
  it('names the competition gap and still gives the quota', () => {
    const r = ask('孩子在柳州读高一，想问下竞争激烈吗？柳州大概选几个人？')
    expect(r.answer).toContain('15名')
    expect(r.answer).toContain('0771-2809218')
  })
})

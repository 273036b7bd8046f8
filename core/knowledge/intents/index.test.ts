import { describe, expect, it } from 'vitest'
import { answerQuestion, type TraceEvent } from '../answer'
import { builtInProgram, type Program } from '../program'
import { INTENTS } from '.'

const program = builtInProgram(2023) as Program
const NOW = new Date('2023-10-20T10:00:00+08:00')

describe('the list of intents', () => {
  it('names each intent once, with a description and a reason for its place', () => {
    const names = INTENTS.map((i) => i.intent.name)
    expect(new Set(names).size).toBe(names.length)
    for (const { intent, why } of INTENTS) {
      expect(intent.description.length, intent.name).toBeGreaterThan(10)
      expect(why.length, intent.name).toBeGreaterThan(10)
    }
    expect(names[0]).toBe('greeting')
    expect(names[names.length - 1]).toBe('retrieval')
  })

  it('traces every intent tried, in order, up to the one that answers (qa:explain reads this)', () => {
    const events: TraceEvent[] = []
    const answer = answerQuestion(program, '柳州市选几个学生', NOW, (e) => events.push(e))
    const tried = events.flatMap((e) => (e.kind === 'intent' ? [e] : []))
    const quota = INTENTS.findIndex((i) => i.intent.name === 'quota')
    expect(tried.map((t) => t.intent)).toEqual(INTENTS.slice(0, quota + 1).map((i) => i.intent.name))
    expect(tried[tried.length - 1]?.answer?.intent).toBe(answer.intent)
    expect(answer.intent).toBe('quota')
    expect(tried.find((t) => t.intent === 'contact')?.reason).toBe('asks for no person, phone or way to reach someone')
  })
})

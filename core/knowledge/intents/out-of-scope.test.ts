import { describe, expect, it } from 'vitest'
import { ask, numbersIn } from '../../../test/helpers/qa'

describe('out of scope and greetings', () => {
  it.each([
    '明天会下雨吗',
    '这道题怎么解：x²-1=0',
    '讲个笑话',
    '高考志愿怎么填',
    '这道化学题帮忙算下摩尔质量',
    '有一道数学题不会做',
  ])('%s → a polite redirect naming the program', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain('八桂青少年英才培养计划')
    expect(numbersIn(r.answer)).toEqual([])
  })
  it('greets back with what it can answer', () => {
    const r = ask('你好')
    expect(r.intent).toBe('greeting')
    expect(r.answer).toContain('名额')
  })
  it('introduces the program when asked what it is', () => {
    const r = ask('八桂英才计划是什么？')
    expect(r.answer).toContain('品学兼优')
    expect(r.sources[0]?.section).toBe('一')
  })
})

describe('a request for literature is not a question about the plan', () => {
  it.each(['麻烦推荐几篇量子点发光材料方面的英文论文', '能帮我找一些关于石墨烯导热的文献吗'])('%s', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain('八桂青少年英才培养计划')
  })
})

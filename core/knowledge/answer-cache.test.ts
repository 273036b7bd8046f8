import { describe, expect, it } from 'vitest'
import { answerQuestion } from './answer'
import { AnswerCache } from './answer-cache'
import { builtInProgram } from './program'

const program = builtInProgram(2023)!

describe('AnswerCache', () => {
  it('answers as answerQuestion does, computing a question once a day', () => {
    const cache = new AnswerCache()
    const now = new Date('2023-10-20T02:00:00Z')
    const first = cache.answer(program, '柳州有几个名额', now)
    const again = cache.answer(program, '柳州有几个名额', new Date('2023-10-20T15:59:00Z'))
    expect(first.fresh).toBe(true)
    expect(again.fresh).toBe(false)
    expect(again.found).toEqual(answerQuestion(program, '柳州有几个名额', now))
  })

  it('computes again on the next Beijing day, when "还有 N 天" has changed', () => {
    const cache = new AnswerCache()
    const q = '学校推荐的申请表啥时候截止'
    const before = cache.answer(program, q, new Date('2023-10-20T15:59:00Z'))
    const after = cache.answer(program, q, new Date('2023-10-20T16:01:00Z'))
    expect(after.fresh).toBe(true)
    expect(before.found.answer).toBe(answerQuestion(program, q, new Date('2023-10-20T15:59:00Z')).answer)
    expect(after.found.answer).toBe(answerQuestion(program, q, new Date('2023-10-20T16:01:00Z')).answer)
    expect(after.found.answer).not.toBe(before.found.answer)
  })

  it('forgets the least recently asked question beyond its capacity', () => {
    const cache = new AnswerCache(2)
    const now = new Date('2023-10-20T02:00:00Z')
    cache.answer(program, '南宁名额', now)
    cache.answer(program, '柳州名额', now)
    cache.answer(program, '南宁名额', now)
    cache.answer(program, '桂林名额', now)
    expect(cache.size).toBe(2)
    expect(cache.answer(program, '南宁名额', now).fresh).toBe(false)
    expect(cache.answer(program, '柳州名额', now).fresh).toBe(true)
  })
})

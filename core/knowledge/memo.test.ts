import { expect, it } from 'vitest'
import { memoOfText } from './memo'

it('computes a text once while it is among the most recent, and again once forgotten', () => {
  const calls: string[] = []
  const length = memoOfText((t) => {
    calls.push(t)
    return t.length
  }, 2)
  expect([length('a'), length('bb'), length('a'), length('ccc'), length('a'), length('bb')]).toEqual([1, 2, 1, 3, 1, 2])
  // 'bb' was the least recently used when 'ccc' came, so it alone was computed twice.
  expect(calls).toEqual(['a', 'bb', 'ccc', 'bb'])
})

it('remembers undefined results too', () => {
  let calls = 0
  const nothing = memoOfText(() => {
    calls++
    return undefined
  })
  nothing('x')
  nothing('x')
  expect(calls).toBe(1)
})

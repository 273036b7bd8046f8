import { expect, it } from 'vitest'
import { chineseNumberToInt } from './chinese-numbers'

it.each([
  ['十', 10],
  ['十五', 15],
  ['二十四', 24],
  ['三十', 30],
  ['一百零二', 102],
  ['四百', 400],
  ['两千', 2000],
  ['三万五千', 35000],
  ['二〇二三', 2023],
  ['五', 5],
])('%s → %d', (text, value) => {
  expect(chineseNumberToInt(text)).toBe(value)
})

it.each(['', '十五个', 'abc', '第三'])('%j is not a number', (text) => {
  expect(chineseNumberToInt(text)).toBeUndefined()
})

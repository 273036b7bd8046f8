import { describe, expect, it } from 'vitest'
import { chineseNumberToInt, normaliseText } from './normalise'

describe('chineseNumberToInt', () => {
  it.each([
    ['十五', 15],
    ['三十', 30],
    ['二十四', 24],
    ['一百零二', 102],
    ['两千', 2000],
    ['十', 10],
  ])('%s → %d', (text, n) => expect(chineseNumberToInt(text)).toBe(n))
  it('refuses what is not a number', () => expect(chineseNumberToInt('名额')).toBeUndefined())
})

describe('normaliseText', () => {
  it('writes counted Chinese numbers as digits', () => {
    expect(normaliseText('南宁三十个名额')).toBe('南宁30个名额')
    expect(normaliseText('十月二十四号前')).toBe('10月24号前')
    expect(normaliseText('百分之十五')).toBe('15%')
  })
  it('leaves names that contain numerals alone', () => {
    expect(normaliseText('高一的一等奖')).toBe('高一的一等奖')
    expect(normaliseText('初三')).toBe('初三')
  })
  it('folds full-width characters and spaces', () => expect(normaliseText('１０月 ２４日')).toBe('10月24日'))
})

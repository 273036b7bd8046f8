import { describe, expect, it } from 'vitest'
import { chineseNumberToInt, expandAbbreviations, normaliseText } from './normalise'

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

describe('expandAbbreviations', () => {
  const table = { nn: '南宁', 管办: '管理办公室', 市科学: '市科协', 市科学技术协会: '市科学技术协会' }
  it('reads a Latin short form standing alone, in either case, never inside a longer word', () => {
    expect(expandAbbreviations('nn的名额', table)).toBe('南宁的名额')
    expect(expandAbbreviations('NN比桂林多几个', table)).toBe('南宁比桂林多几个')
    expect(expandAbbreviations('channel上发的', table)).toBe('channel上发的')
  })
  it('keeps a full name that starts with a slip as it is', () => {
    expect(expandAbbreviations('市科学审完', table)).toBe('市科协审完')
    expect(expandAbbreviations('南宁市科学技术协会', table)).toBe('南宁市科学技术协会')
  })
})

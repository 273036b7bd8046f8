import { describe, expect, it } from 'vitest'
import { parseChineseDate } from './chinese-dates'

// 2024-03-15 is a Friday; 10:00 in Beijing is 02:00 UTC, and 23:30 in Beijing is still the 15th there.
const FRIDAY = new Date('2024-03-15T10:00:00+08:00')
const LATE = new Date('2024-03-15T23:30:00+08:00')

describe('parseChineseDate', () => {
  it.each([
    ['今天', '2024-03-15'],
    ['昨天', '2024-03-14'],
    ['前天下午', '2024-03-13'],
    ['大前天', '2024-03-12'],
    ['明天', '2024-03-16'],
    ['3天前', '2024-03-12'],
    ['三天前', '2024-03-12'],
    ['上周五', '2024-03-08'],
    ['上星期一', '2024-03-04'],
    ['上礼拜天', '2024-03-10'],
    ['上上周三', '2024-02-28'],
    ['周三', '2024-03-13'],
    ['这周五', '2024-03-15'],
    ['周六', '2024-03-09'],
    ['下周一', '2024-03-18'],
    ['下个星期三', '2024-03-20'],
    ['3月5日', '2024-03-05'],
    ['3月5号上午', '2024-03-05'],
    ['三月五日', '2024-03-05'],
    ['十二月二十日', '2023-12-20'],
    ['3.5', '2024-03-05'],
    ['3/5', '2024-03-05'],
    ['１２月９日', '2023-12-09'],
    ['2024-03-05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2023.11.18', '2023-11-18'],
    ['5号', '2024-03-05'],
    ['20号', '2024-02-20'],
    ['12月20日', '2023-12-20'],
    ['2月29日', '2024-02-29'],
  ])('%s → %s', (text, day) => {
    expect(parseChineseDate(text, FRIDAY)).toBe(day)
  })

  it.each(['随便', '', '2月30日', '13月1日', '2023-02-29', '很久以前'])('%j names no day', (text) => {
    expect(parseChineseDate(text, FRIDAY)).toBeUndefined()
  })

  it('counts days in Beijing time, whatever the instant in UTC', () => {
    expect(parseChineseDate('今天', LATE)).toBe('2024-03-15')
    expect(parseChineseDate('昨天', new Date('2024-03-15T00:10:00+08:00'))).toBe('2024-03-14')
  })
})

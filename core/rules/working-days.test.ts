import { isWorkday } from 'chinese-days'
import { describe, expect, it } from 'vitest'
import { addDays } from '../time'
import { addWorkingDays, isWorkingDay, noticeEnd, workingDaysBetween } from './working-days'

describe('isWorkingDay', () => {
  it.each([
    ['2023-09-27', true],
    ['2023-09-29', false], // 中秋
    ['2023-10-02', false], // 国庆 on a Monday
    ['2023-10-07', true], // 调休: a Saturday worked
    ['2023-10-08', true], // 调休: a Sunday worked
    ['2023-10-14', false], // an ordinary Saturday
    ['2024-02-04', true], // 调休 Sunday before 春节
    ['2024-02-12', false], // 春节 Monday
    ['2024-02-18', true], // 调休 Sunday after 春节
  ])('%s → %s', (day, want) => {
    expect(isWorkingDay(day)).toBe(want)
  })

  // chinese-days' own isWorkday() reads dates in the host zone and drifts a day west of UTC.
  it.skipIf(new Date('2023-06-01T00:00:00Z').getTimezoneOffset() > 0)(
    'agrees with chinese-days over 2023 and 2024',
    () => {
      let day = '2023-01-01'
      while (day < '2025-01-01') {
        expect(isWorkingDay(day), day).toBe(isWorkday(day))
        day = addDays(day, 1)
      }
    },
  )

  it.each(['2023-9-27', '2023-02-30', 'tomorrow'])('refuses %j', (day) => {
    expect(() => isWorkingDay(day)).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  it('steps over weekends and holidays, counting 调休 days', () => {
    expect(addWorkingDays('2023-09-28', 1)).toBe('2023-10-07')
    expect(addWorkingDays('2023-09-28', 3)).toBe('2023-10-09')
    expect(addWorkingDays('2023-10-13', 1)).toBe('2023-10-16')
    expect(addWorkingDays('2023-10-09', -2)).toBe('2023-10-07')
    expect(addWorkingDays('2023-10-07', -1)).toBe('2023-09-28')
    expect(addWorkingDays('2023-10-01', 0)).toBe('2023-10-01')
  })

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays('2023-10-09', 1.5)).toThrow(RangeError)
  })
})

describe('noticeEnd (九（二）4: 5 working days)', () => {
  it('spans the 2023 National Day holiday with its 调休 weekend', () => {
    // 09-27, 09-28, (holiday 09-29..10-06), 10-07 Sat, 10-08 Sun, 10-09
    expect(noticeEnd('2023-09-27')).toBe('2023-10-09')
  })

  it('spans the 2024 Spring Festival with 02-18 worked', () => {
    // 02-08, 02-09, (holiday 02-10..02-17), 02-18 Sun, 02-19, 02-20
    expect(noticeEnd('2024-02-08')).toBe('2024-02-20')
  })

  it('starts on the next working day when put up on a holiday or weekend', () => {
    expect(noticeEnd('2023-10-01')).toBe('2023-10-11')
    expect(noticeEnd('2023-10-14')).toBe('2023-10-20')
    expect(noticeEnd('2024-02-03')).toBe('2024-02-08')
  })

  it('an ordinary week, and other lengths', () => {
    expect(noticeEnd('2023-10-16')).toBe('2023-10-20')
    expect(noticeEnd('2023-10-16', 1)).toBe('2023-10-16')
    expect(noticeEnd('2023-10-16', 7)).toBe('2023-10-24')
    expect(() => noticeEnd('2023-10-16', 0)).toThrow(RangeError)
  })
})

describe('workingDaysBetween', () => {
  it('counts both ends, skips weekends and holidays, and none for a reversed span', () => {
    expect(workingDaysBetween('2023-10-25', '2023-10-27')).toBe(3)
    expect(workingDaysBetween('2023-10-21', '2023-10-24')).toBe(2)
    // 2023-09-29 to 2023-10-06 is the National Day holiday; 10-07 and 10-08 are made working days.
    expect(workingDaysBetween('2023-09-29', '2023-10-08')).toBe(2)
    expect(workingDaysBetween('2023-10-27', '2023-10-25')).toBe(0)
    expect(() => workingDaysBetween('2023-13-01', '2023-10-25')).toThrow(RangeError)
  })
})

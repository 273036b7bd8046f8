import { describe, expect, it } from 'vitest'
import { ask, program } from '../../test/helpers/qa'
import { contextOf } from './context'
import { correctHomophones } from './homophones'

const correct = (q: string) => correctHomophones(q, contextOf(program).homophones)

describe('sound-alike slips of the program’s words', () => {
  it.each([
    ['导市是哪个大学的老师', '导师是哪个大学的老师'],
    ['成长日至要写多少字', '成长日志要写多少字'],
    ['中期考和啥时候', '中期考核啥时候'],
    ['遴选条见是什么', '遴选条件是什么'],
    ['我家孩子想参加培羊', '我家孩子想参加培养'],
  ])('%s → %s', (q, expected) => {
    expect(correct(q)).toBe(expected)
  })

  it.each(['这样学可以吗', '每年都要交吗', '见面会在哪开', '物理公式怎么推导', '南宁市柳州市桂林市'])(
    '%s stays as written: no slip across a word, no question word swapped, no word of its own',
    (q) => {
      expect(correct(q)).toBe(q)
    },
  )

  it('answers the question the slip stands for', () => {
    expect(ask('成长日至在哪里交').answer).toContain('成长日志')
    expect(ask('导市一般啥时候跟学生见面').answer).toContain('2023年11月')
  })
})

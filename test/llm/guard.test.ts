import { describe, expect, it } from 'vitest'
import {
  chineseNumeralValue,
  extractQuantities,
  guardAnswer,
  normaliseQuantities,
  normaliseSection,
} from '../../core/llm/guard'
import { FACTS } from './facts'

const context = { facts: FACTS, fallbackAnswer: '学校须在2023年10月24日前提交申请表。' }
const check = (answer: string, sources: string[] = ['九（二）1']) => guardAnswer({ answer, sources }, context)

describe('normalising quantities', () => {
  it('reads Chinese numerals by value', () => {
    expect(chineseNumeralValue('十')).toBe(10)
    expect(chineseNumeralValue('十五')).toBe(15)
    expect(chineseNumeralValue('二十四')).toBe(24)
    expect(chineseNumeralValue('一百零五')).toBe(105)
    expect(chineseNumeralValue('两千')).toBe(2000)
    expect(chineseNumeralValue('二〇二三')).toBe(2023)
  })

  it('turns counted Chinese numerals and full-width digits into ASCII, leaving words alone', () => {
    expect(normaliseQuantities('二〇二三年十月二十四日')).toBe('2023年10月24日')
    expect(normaliseQuantities('不少于十次，百分之十五')).toBe('不少于10次，15%')
    expect(normaliseQuantities('０７７１—２８０９２１８')).toBe('0771-2809218')
    expect(normaliseQuantities('高二年级的学生一起参加第一次活动')).toBe('高二年级的学生一起参加第一次活动')
    expect(normaliseQuantities('为期一年')).toBe('为期1年')
  })

  it('finds dates, numbers, percentages and phones, and skips cited article numbers', () => {
    const q = extractQuantities(
      '依据九（二）1，2023年10月24日前；2月底；2024-02-29；10.24；30名；前15%；电话0771-2809218',
    )
    expect(q.dates).toEqual([
      expect.objectContaining({ y: 2024, m: 2, d: 29 }),
      expect.objectContaining({ y: 2023, m: 10, d: 24 }),
      expect.objectContaining({ m: 2, part: '底' }),
    ])
    expect(q.dotted).toEqual([expect.objectContaining({ m: 10, d: 24 })])
    expect(q.numbers).toEqual([30])
    expect(q.percents).toEqual([15])
    expect(q.phones).toEqual(['07712809218'])
  })

  it('writes article numbers one way', () => {
    expect(normaliseSection('九(二) 1')).toBe('九（二）1')
  })
})

describe('guardAnswer accepts what the facts say, however written', () => {
  it.each([
    ['a date without its year', '学校要在10月24日前把申请表交到市科协。'],
    ['the full date', '截止时间是2023年10月24日。'],
    ['an ISO date', '截止时间是2023-10-24。'],
    ['a dotted month.day', '学校在10.24前提交。'],
    ['a date in Chinese numerals', '截止到二〇二三年十月二十四日。'],
    ['a count in Chinese numerals', '培养期间到高校不少于十次。', ['五（三）1']],
    ['a percentage in words', '学科成绩在年级前百分之十五即可。', ['四（二）2（2）']],
    ['a full-width phone with a long dash', '可致电０７７１—２８０９２１８咨询。', ['十一']],
    ['the end of a month', '中期汇报在2024年2月底前。', ['六（一）']],
    ['an inline citation', '依据九（二）1，学校在10月24日前提交。'],
    ['words with numerals that count nothing', '高二年级的同学可以一起报名，第一步是学校推荐。'],
  ] as [string, string, string[]?][])('%s', (_, answer, sources) => {
    expect(check(answer, sources)).toEqual({ ok: true })
  })

  it('accepts a sum only when the deterministic answer states it', () => {
    const answer = '南宁、柳州、桂林一共选拔60名学生。'
    expect(guardAnswer({ answer, sources: ['三（一）'] }, context)).toEqual({ ok: false, reason: 'invented number 60' })
    expect(guardAnswer({ answer, sources: ['三（一）'] }, { facts: FACTS, fallbackAnswer: '三市合计60名。' })).toEqual({
      ok: true,
    })
  })

  it('accepts sources written with half-width parentheses', () => {
    expect(check('学校要在10月24日前提交。', ['九(二)1'])).toEqual({ ok: true })
  })
})

describe('guardAnswer drops what the facts do not say', () => {
  it.each([
    ['another day', '学校要在10月25日前提交。', 'invented date 10月25日'],
    ['another year', '截止时间是2022年10月24日。', 'invented date 2022年10月24日'],
    ['a day the facts leave at month end', '中期汇报在2024-02-29前。', 'invented date 2024-02-29'],
    ['another dotted date', '学校在10.25前提交。', 'invented date 10.25'],
    ['a month never named', '3月份还有一次评价。', 'invented date 3月'],
    ['an invented quota', '南宁市选拔40名学生。', 'invented number 40'],
    ['an invented count in words', '到高校不少于十二次。', 'invented number 12'],
    ['an invented percentage', '成绩在年级前25%即可。', 'invented percentage 25%'],
    ['an invented phone number', '请致电0771-2809219。', 'invented phone number 07712809219'],
    ['an invented mobile number', '请联系13800138000。', 'invented phone number 13800138000'],
  ])('%s', (_, answer, reason) => {
    expect(check(answer)).toEqual({ ok: false, reason })
  })

  it('takes numbers and dates only from the facts the answer cites', () => {
    expect(check('中期汇报在2024年2月底前。', ['九（二）1'])).toEqual({
      ok: false,
      reason: 'invented date 2024年2月底',
    })
  })

  it("drops a count said of one city that the facts say of another (南宁's quota for 桂林)", () => {
    expect(check('桂林市选拔30名学生。', ['三（一）'])).toEqual({
      ok: false,
      reason: 'number bound to another place: 30 is said of 南宁市, not of 桂林市',
    })
    expect(check('桂林市选拔15名学生，南宁市30名。', ['三（一）'])).toEqual({ ok: true })
  })

  it('counts stated in words are numbers too: 三个城市 needs a 3 in the facts', () => {
    expect(check('三个城市参与。', ['三（一）'])).toEqual({ ok: false, reason: 'invented number 3' })
  })

  it('drops a source that was not among the facts', () => {
    expect(check('学校要在10月24日前提交。', ['九（二）2'])).toEqual({
      ok: false,
      reason: 'source not among the facts: 九（二）2',
    })
  })

  it('drops empty, over-long and non-Chinese answers', () => {
    expect(check('   ')).toEqual({ ok: false, reason: 'empty answer' })
    expect(check('好'.repeat(401))).toEqual({ ok: false, reason: 'answer too long (401 chars)' })
    expect(check('好'.repeat(400))).toEqual({ ok: true })
    expect(check('The school must submit the form by the deadline.')).toEqual({
      ok: false,
      reason: 'answer is not Chinese',
    })
  })
})

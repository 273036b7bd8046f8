import { describe, expect, it } from 'vitest'
import { builtInProgram } from '../knowledge/program'
import { checkEligibility, type EligibilityInput } from './eligibility'
import { explainEligibility } from './explain-eligibility'

const program = builtInProgram(2023)!
const explain = (input: EligibilityInput) => explainEligibility(program, checkEligibility(program, input))

describe('explainEligibility', () => {
  it('puts the verdict first and walks through each condition with its article', () => {
    const text = explain({ city: '阳朔县', grade: '高二', subjectRankPercent: 10 })
    expect(text.startsWith('结论：按方案的报名条件，可以报名')).toBe(true)
    expect(text).toContain('桂林市阳朔县属于实施城市（桂林市辖区内的县、区都在内），符合（四（二）1）')
    expect(text).toContain('高二符合（四（二）1）')
    expect(text).toContain('四（二）2（2）')
    expect(text).toContain('优先推荐')
    expect(text).toContain('四（二）2（3）')
    expect(text).not.toContain('请告诉我')
  })

  it('says which condition fails', () => {
    const text = explain({ city: '玉林市', grade: '高一', subjectRankPercent: 3 })
    expect(text.startsWith('结论：暂不符合')).toBe(true)
    expect(text).toContain('玉林市不在实施城市内')
    expect(text).not.toContain('请告诉我')
  })

  it('asks for what is missing', () => {
    const text = explain({ grade: '高一', subjectRankPercent: 5 })
    expect(text.startsWith('结论：已知的条件都符合，还需要确认')).toBe(true)
    expect(text).toContain('请告诉我：孩子就读学校所在的城市或区县')
    const ranks = explain({ city: '南宁市', grade: '高一' })
    expect(ranks).toContain('相应学科或综合成绩在本校年级的排名')
    const overall = explain({ city: '南宁市', grade: '高一', subjectRankPercent: 16 })
    expect(overall).toContain('请告诉我：综合成绩在本校年级的排名')
  })

  it('tells the priority status, and that priority needs the conditions first', () => {
    const award = [{ category: 'subject_olympiad', level: 'national', stage: 'senior' }] as const
    expect(explain({ city: '南宁市', grade: '高一', subjectRankPercent: 5, awards: [...award] })).toContain(
      '可优先推荐',
    )
    expect(explain({ city: '北海市', grade: '高一', subjectRankPercent: 5, awards: [...award] })).toContain(
      '但须先满足上面的报名条件',
    )
  })

  it('stays within 400 characters even with everything missing or many items', () => {
    const many: EligibilityInput = {
      city: '火星',
      awards: Array.from({ length: 20 }, () => ({ category: 'other', level: 'school', stage: 'junior' }) as const),
    }
    for (const input of [{}, many, { city: '衡阳市', grade: '大一', subjectRankPercent: 99, overallRankPercent: 99 }]) {
      expect([...explain(input)].length).toBeLessThanOrEqual(400)
    }
  })
})

describe('an undecided verdict', () => {
  const program = builtInProgram(2023)!
  it('says which known conditions are met before asking for the rest', () => {
    const text = explainEligibility(program, checkEligibility(program, { subjectRankPercent: 12 }))
    expect(text.startsWith('结论：已知的条件都符合，还需要确认')).toBe(true)
    expect(text).toContain('符合成绩条件')
    expect(text).toContain('请告诉我')
  })
  it('does not say all known conditions are met when a given rank falls short', () => {
    const text = explainEligibility(
      program,
      checkEligibility(program, { city: '南宁市', grade: '高一', subjectRankPercent: 16 }),
    )
    expect(text.startsWith('结论：还需要确认几项信息才能判断')).toBe(true)
  })
  it('does not claim anything is met when nothing is known', () => {
    const text = explainEligibility(program, checkEligibility(program, {}))
    expect(text.startsWith('结论：还需要确认几项信息才能判断')).toBe(true)
  })
})

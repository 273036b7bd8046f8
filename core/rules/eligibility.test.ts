import { describe, expect, it } from 'vitest'
import { devSetFile, eligibilityDevCases } from '../../test/helpers/eval-sets'
import { builtInProgram } from '../knowledge/program'
import { checkEligibility, type EligibilityInput, eligibilityInputSchema, normaliseGrade } from './eligibility'
import { divisionsOf } from './regions'

const program = builtInProgram(2023)!
const DEV_SET = devSetFile('eligibility-dev.jsonl')
const devCases = eligibilityDevCases()

const base = { city: '南宁市', grade: '高一' }
const check = (input: EligibilityInput) => checkEligibility(program, eligibilityInputSchema.parse(input))

describe.skipIf(!DEV_SET.present)('the dev eligibility set (API profile path)', () => {
  it('has 40 cases', () => expect(devCases).toHaveLength(40))
  it.each(devCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = check(c.profile)
    expect({ verdict: result.verdict, priority: result.priority }).toEqual(c.expect)
  })
})

describe('rank 四（二）2（2）, bounds inclusive', () => {
  it.each([
    [{ subjectRankPercent: 15 }, 'eligible', []],
    [{ subjectRankPercent: 14.99 }, 'eligible', []],
    [{ subjectRankPercent: 15.01 }, 'unknown', ['overallRankPercent']],
    [{ overallRankPercent: 20 }, 'eligible', []],
    [{ overallRankPercent: 20.5 }, 'unknown', ['subjectRankPercent']],
    [{ subjectRankPercent: 15.01, overallRankPercent: 20 }, 'eligible', []],
    [{ subjectRankPercent: 15, overallRankPercent: 20.01 }, 'eligible', []],
    [{ subjectRankPercent: 15.01, overallRankPercent: 20.01 }, 'ineligible', []],
    [{ subjectRankPercent: 100, overallRankPercent: 100 }, 'ineligible', []],
    [{}, 'unknown', ['subjectRankPercent', 'overallRankPercent']],
  ] as const)('%j → %s', (ranks, verdict, missing) => {
    const result = check({ ...base, ...ranks })
    expect(result.verdict).toBe(verdict)
    expect(result.missing).toEqual(missing)
    const rank = result.checks.find((c) => c.rule === 'rank')!
    expect(rank.section).toBe('四（二）2（2）')
    expect(rank.message).toContain('四（二）2（2）')
  })
})

describe('grade 四（二）1', () => {
  it.each([
    ['高一', 'pass'],
    ['高二', 'pass'],
    ['高1', 'pass'],
    ['高2', 'pass'],
    ['高中一年级', 'pass'],
    ['高一年级', 'pass'],
    ['高二年级', 'pass'],
    ['高一新生', 'pass'],
    ['十一年级', 'pass'],
    ['高三', 'fail'],
    ['初三', 'fail'],
    ['初二', 'fail'],
    ['九年级', 'fail'],
    ['小学', 'fail'],
    ['大一', 'fail'],
    ['高中', 'unknown'],
    ['不知道', 'unknown'],
  ])('%s → %s', (grade, status) => {
    const result = check({ city: '柳州市', grade, overallRankPercent: 10 })
    const gradeCheck = result.checks.find((c) => c.rule === 'grade')!
    expect(gradeCheck.status).toBe(status)
    expect(gradeCheck.section).toBe('四（二）1')
    expect(result.verdict).toBe({ pass: 'eligible', fail: 'ineligible', unknown: 'unknown' }[status])
  })

  it('normalises the ways a grade is written', () => {
    expect(normaliseGrade('高中二年级')).toBe('高二')
    expect(normaliseGrade('初中三年级')).toBe('初三')
    expect(normaliseGrade('10年级')).toBe('高一')
    expect(normaliseGrade('高中')).toBeUndefined()
  })
})

describe('city 四（二）1', () => {
  for (const city of ['南宁市', '柳州市', '桂林市']) {
    it(`every division of ${city} passes`, () => {
      const divisions = divisionsOf(city)
      expect(divisions.length).toBeGreaterThan(9)
      for (const division of [city, ...divisions]) {
        const result = check({ city: division, grade: '高二', subjectRankPercent: 5 })
        expect(result.verdict, division).toBe('eligible')
        expect(result.checks[0]).toMatchObject({ rule: 'city', status: 'pass', section: '四（二）1' })
      }
    })
  }

  it.each([
    '玉林市',
    '北流市',
    '岑溪市',
    '合浦县',
    '东兴市',
    '桂平市',
    '靖西市',
    '宜州区',
    '凭祥市',
    '象州县',
    '钦州',
    '梧州',
  ])('%s (another Guangxi city) fails', (city) => {
    const result = check({ city, grade: '高一', subjectRankPercent: 5 })
    expect(result.verdict).toBe('ineligible')
    expect(result.checks[0]).toMatchObject({ rule: 'city', status: 'fail' })
    expect(result.checks[0]!.message).toContain('南宁市、柳州市、桂林市')
  })

  it.each(['广州', '北京市', '湖南省', '衡阳市'])('%s (outside Guangxi) fails', (city) => {
    const result = check({ city, grade: '高一', subjectRankPercent: 5 })
    expect(result.verdict).toBe('ineligible')
    expect(result.checks[0]!.message).toContain('不在广西')
  })

  it('an unrecognisable or absent city is asked for', () => {
    expect(check({ city: '火星', grade: '高一', subjectRankPercent: 5 })).toMatchObject({
      verdict: 'unknown',
      missing: ['city'],
    })
    expect(check({ grade: '高一', subjectRankPercent: 5 })).toMatchObject({ verdict: 'unknown', missing: ['city'] })
  })

  it('asks for nothing once a condition surely fails', () => {
    expect(check({ city: '钦州市' })).toMatchObject({ verdict: 'ineligible', missing: [] })
    expect(check({})).toMatchObject({
      verdict: 'unknown',
      missing: ['city', 'grade', 'subjectRankPercent', 'overallRankPercent'],
    })
  })
})

describe('priority 四（二）2（3）', () => {
  const eligible = { ...base, subjectRankPercent: 10 }
  const levels = ['national', 'regional', 'city', 'county', 'school'] as const
  const counts = { national: true, regional: true, city: false, county: false, school: false }
  for (const category of ['science_competition', 'subject_olympiad', 'other'] as const) {
    for (const level of levels) {
      for (const stage of ['junior', 'senior', undefined] as const) {
        const want = category !== 'other' && counts[level]
        it(`${category} ${level} ${stage ?? '(no stage)'} → ${want}`, () => {
          const award = stage ? { category, level, stage } : { category, level }
          expect(check({ ...eligible, awards: [award] }).priority).toBe(want)
        })
      }
    }
  }

  it.each([
    ['invention', true, true],
    ['invention', false, false],
    ['invention', undefined, false],
    ['utility_model', true, true],
    ['utility_model', false, false],
    ['design', true, false],
    ['design', false, false],
  ] as const)('patent %s granted=%s → %s', (type, granted, want) => {
    const patent = granted === undefined ? { type } : { type, granted }
    const result = check({ ...eligible, patents: [patent] })
    expect(result.priority).toBe(want)
    const priorityCheck = result.checks.find((c) => c.rule === 'priority')!
    // A patent of a listed type whose grant is not said is open, not failing.
    const open = granted === undefined && (type as string) !== 'design'
    expect(priorityCheck.status).toBe(want ? 'pass' : open ? 'unknown' : 'fail')
    if (want) expect(priorityCheck.section).toBe('四（二）2（3）③')
  })

  it('one qualifying item among others is enough', () => {
    const result = check({
      ...eligible,
      awards: [{ category: 'other', level: 'national', stage: 'senior' }],
      patents: [
        { type: 'design', granted: true },
        { type: 'utility_model', granted: true },
      ],
    })
    expect(result.priority).toBe(true)
  })

  it('holds while the verdict is unknown, never when ineligible', () => {
    const award = [{ category: 'subject_olympiad', level: 'regional', stage: 'junior' }] as const
    expect(check({ ...base, awards: [...award] })).toMatchObject({ verdict: 'unknown', priority: true })
    expect(check({ ...base, grade: '高三', awards: [...award] })).toMatchObject({
      verdict: 'ineligible',
      priority: false,
    })
  })

  it('says when no award or patent was given', () => {
    const priorityCheck = check(eligible).checks.find((c) => c.rule === 'priority')!
    expect(priorityCheck.status).toBe('unknown')
    expect(priorityCheck.message).toContain('四（二）2（3）')
  })
})

describe('eligibilityInputSchema', () => {
  it('accepts an empty profile and the CONTRACT example', () => {
    expect(eligibilityInputSchema.parse({})).toEqual({})
    const example = {
      city: '桂林市阳朔县',
      grade: '高二',
      subjectRankPercent: 12,
      overallRankPercent: 25,
      awards: [{ category: 'science_competition', level: 'regional', stage: 'junior' }],
      patents: [{ type: 'invention', granted: true }],
    }
    expect(eligibilityInputSchema.parse(example)).toEqual(example)
  })

  it.each([
    [{ subjectRankPercent: 0 }],
    [{ subjectRankPercent: -5 }],
    [{ overallRankPercent: 100.5 }],
    [{ overallRankPercent: '10' }],
    [{ subjectRankPercent: Number.NaN }],
    [{ city: 12 }],
    [{ city: '' }],
    [{ grade: 'x'.repeat(21) }],
    [{ awards: [{ category: 'sports', level: 'national' }] }],
    [{ awards: [{ category: 'other', level: 'province' }] }],
    [{ awards: [{ category: 'other', level: 'city', stage: 'primary' }] }],
    [{ awards: {} }],
    [{ patents: [{ type: 'software', granted: true }] }],
    [{ patents: [{ type: 'invention', granted: 'yes' }] }],
    [{ subjectRank: 10 }],
  ])('rejects %j', (input) => {
    expect(eligibilityInputSchema.safeParse(input).success).toBe(false)
  })

  it('accepts both bounds of a percentage', () => {
    expect(eligibilityInputSchema.safeParse({ subjectRankPercent: 100, overallRankPercent: 0.01 }).success).toBe(true)
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInProgram } from '../knowledge/program'
import { checkEligibility, type EligibilityInput, eligibilityInputSchema } from './eligibility'
import { extractProfile, parseNumber } from './extract-profile'

const program = builtInProgram(2023)!
const DEV_FILE = join(__dirname, '../../../shared/eval/eligibility-dev.jsonl')

interface DevCase {
  id: string
  question: string
  profile: EligibilityInput
  expect: { verdict: string; priority: boolean }
}

// The dev set lives beside the project (../shared/eval); a clone without it skips these cases.
const devCases: DevCase[] = existsSync(DEV_FILE)
  ? readFileSync(DEV_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
  : []

describe.skipIf(!existsSync(DEV_FILE))('the dev eligibility set (extraction path)', () => {
  it.each(devCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { profile, asksEligibility } = extractProfile(c.question)
    expect(asksEligibility).toBe(true)
    expect(profile).toEqual(c.profile)
    expect(eligibilityInputSchema.safeParse(profile).success).toBe(true)
    const result = checkEligibility(program, profile)
    expect({ verdict: result.verdict, priority: result.priority }).toEqual(c.expect)
  })
})

describe('extractProfile: own phrasings', () => {
  it.each<[string, EligibilityInput]>([
    ['我是阳朔中学高二的', { city: '阳朔县', grade: '高二' }],
    ['物理年级前10%', { subjectRankPercent: 10 }],
    ['年级第30名，全年级400人', { overallRankPercent: 7.5 }],
    ['全年级400人，我数学排第三十名', { subjectRankPercent: 7.5 }],
    ['年级一共四百人，总分排第六十名', { overallRankPercent: 15 }],
    ['排名前百分之十五', { overallRankPercent: 15 }],
    ['化学前15.5%', { subjectRankPercent: 15.5 }],
    ['综合成绩前百分之十', { overallRankPercent: 10 }],
    ['总分排名前百分之十二点五', { overallRankPercent: 12.5 }],
    ['年级前10%', { overallRankPercent: 10 }],
    ['班级前5%', {}],
    ['年级第30名', {}],
    ['数学前10%，物理前20%', { subjectRankPercent: 10 }],
    ['南宁三中高1', { city: '南宁市', grade: '高一' }],
    ['孩子读高中一年级，在柳州高级中学', { city: '柳州市', grade: '高一' }],
    ['桂林十八中初三学生', { city: '桂林市', grade: '初三' }],
    ['柳江中学的', { city: '柳江区' }],
    ['融水的孩子', { city: '融水苗族自治县' }],
    ['孩子在横县读书', { city: '横州市' }],
    ['我们是广州的，孩子读高一', { city: '广州', grade: '高一' }],
    ['想提高一下成绩', {}],
    ['获得过自治区化学竞赛二等奖', { awards: [{ category: 'subject_olympiad', level: 'regional' }] }],
    [
      '高二，获得过自治区化学竞赛二等奖',
      { grade: '高二', awards: [{ category: 'subject_olympiad', level: 'regional', stage: 'senior' }] },
    ],
    [
      '高一，拿过全国青少年科技创新大赛三等奖',
      { grade: '高一', awards: [{ category: 'science_competition', level: 'national', stage: 'senior' }] },
    ],
    ['初中时拿过信息学奥赛省一', { awards: [{ category: 'subject_olympiad', level: 'regional', stage: 'junior' }] }],
    [
      '高中拿过生物学联赛广西赛区一等奖',
      { awards: [{ category: 'subject_olympiad', level: 'regional', stage: 'senior' }] },
    ],
    [
      '高中拿过物理竞赛全国决赛银牌',
      { awards: [{ category: 'subject_olympiad', level: 'national', stage: 'senior' }] },
    ],
    ['高中拿过市级作文比赛一等奖', { awards: [{ category: 'other', level: 'city', stage: 'senior' }] }],
    [
      '初二拿过柳州市青少年科技创新大赛二等奖',
      { awards: [{ category: 'science_competition', level: 'city', stage: 'junior' }] },
    ],
    ['高一拿过校内数学竞赛一等奖', { awards: [{ category: 'subject_olympiad', level: 'school', stage: 'senior' }] }],
    ['高中得过县级机器人比赛奖', { awards: [{ category: 'science_competition', level: 'county', stage: 'senior' }] }],
    [
      '高中获得自治区物理竞赛一等奖和化学竞赛二等奖',
      {
        awards: [
          { category: 'subject_olympiad', level: 'regional', stage: 'senior' },
          { category: 'subject_olympiad', level: 'regional', stage: 'senior' },
        ],
      },
    ],
    ['高中参加过物理竞赛但没拿奖', {}],
    ['小学拿过全国数学竞赛一等奖', {}],
    ['有个实用新型专利还在审', { patents: [{ type: 'utility_model', granted: false }] }],
    ['有一项已授权的发明专利', { patents: [{ type: 'invention', granted: true }] }],
    ['有外观设计专利', { patents: [{ type: 'design', granted: true }] }],
    ['申请过一项发明专利', { patents: [{ type: 'invention', granted: false }] }],
    [
      '有一项发明专利和一项实用新型专利，都已授权',
      {
        patents: [
          { type: 'invention', granted: true },
          { type: 'utility_model', granted: true },
        ],
      },
    ],
    ['没有专利', {}],
  ])('%s', (text, profile) => {
    expect(extractProfile(text).profile).toEqual(profile)
  })

  it('keeps a place in an award clause out of the student city', () => {
    expect(extractProfile('南宁高二，高一拿过柳州市化学竞赛一等奖').profile.city).toBe('南宁市')
    expect(extractProfile('高一拿过柳州市化学竞赛一等奖，能报吗').profile.city).toBeUndefined()
  })

  it('takes the current grade, not the grade an award was won in', () => {
    expect(extractProfile('高一时拿过市级数学竞赛奖，现在高二').profile.grade).toBe('高二')
    expect(extractProfile('初二那年拿过奖，能报吗').profile.grade).toBeUndefined()
  })

  it('gives a profile that the checks read the same way', () => {
    const { profile } = extractProfile('我是阳朔中学高二的，物理年级前10%，有个实用新型专利还在审，能报吗？')
    expect(checkEligibility(program, profile)).toMatchObject({ verdict: 'eligible', priority: false })
    const second = extractProfile('孩子柳州高一，年级第30名，全年级400人，获得过自治区化学竞赛二等奖，算优先吗')
    expect(second.profile).toMatchObject({ overallRankPercent: 7.5 })
    expect(checkEligibility(program, second.profile)).toMatchObject({ verdict: 'eligible', priority: true })
  })
})

describe('extractProfile: asksEligibility', () => {
  it.each([
    '我家孩子能报吗',
    '南宁高一能参加不',
    '桂林高二，符合条件吗',
    '柳州高一的孩子有资格吗',
    '我够条件吗',
    '孩子拿过全国物理竞赛一等奖，算优先吗',
    '我可以参加吗？',
    '高二的能不能报名',
  ])('%s → asks', (text) => {
    expect(extractProfile(text).asksEligibility).toBe(true)
  })

  it.each(['哪些学生能报名？', '报名条件是什么', '优先推荐的条件有哪些', '我孩子在南宁读高一', '报名截止是哪天'])(
    '%s → does not ask',
    (text) => {
      expect(extractProfile(text).asksEligibility).toBe(false)
    },
  )
})

describe('parseNumber', () => {
  it.each([
    ['15', 15],
    ['15.5', 15.5],
    ['１５', 15],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十', 30],
    ['四百', 400],
    ['一百零五', 105],
    ['一千二百', 1200],
    ['十五点五', 15.5],
    ['两百', 200],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '十五点', '点五'])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeNaN()
  })
})

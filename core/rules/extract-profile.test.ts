import { describe, expect, it } from 'vitest'
import { devSetFile, eligibilityDevCases } from '../../test/helpers/eval-sets'
import { builtInProgram } from '../knowledge/program'
import { checkEligibility, type EligibilityInput, eligibilityInputSchema } from './eligibility'
import { extractProfile, parseNumber } from './extract-profile'

const program = builtInProgram(2023)!
const DEV_SET = devSetFile('eligibility-dev.jsonl')
const devCases = eligibilityDevCases()

describe.skipIf(!DEV_SET.present)('the dev eligibility set (extraction path)', () => {
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
    ['有外观设计专利', { patents: [{ type: 'design' }] }],
    ['有一项发明专利', { patents: [{ type: 'invention' }] }],
    ['获得过一项实用新型专利', { patents: [{ type: 'utility_model', granted: true }] }],
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

describe('extractProfile: places in the grade given as 第N名 with the grade size', () => {
  it.each<[string, EligibilityInput]>([
    ['物理年级第31名、综合第38名，全年级都是200人', { subjectRankPercent: 15.5, overallRankPercent: 19 }],
    ['年级200人，我数学排第20', { subjectRankPercent: 10 }],
    ['全年级共有五百人，总分第八十名', { overallRankPercent: 16 }],
    ['班级第3名', {}],
    ['班级第3名，年级第20名，全年级200人', { overallRankPercent: 10 }],
    ['我们年级有两百多人，化学排名第二十', { subjectRankPercent: 10 }],
    ['生物年级排名31/200', { subjectRankPercent: 15.5 }],
    ['总分第45名（年级共300人）', { overallRankPercent: 15 }],
    ['高一年级第一学期期中，全年级400人', { grade: '高一' }],
    ['南宁第三中学，年级共500人', { city: '南宁市' }],
    ['在实验班排第5，全年级600人', {}],
  ])('%s', (text, profile) => {
    expect(extractProfile(text).profile).toEqual(profile)
  })
})

describe('extractProfile: ranks said loosely', () => {
  it.each<[string, EligibilityInput]>([
    ['前百分之十五', { overallRankPercent: 15 }],
    ['总分15%以内', { overallRankPercent: 15 }],
    ['排名在15%左右', { overallRankPercent: 15 }],
    ['数学大概前12%的样子', { subjectRankPercent: 12 }],
    ['综合不到前20%', {}],
    ['数学没进前15%', {}],
    ['物理在15%以外', {}],
    ['年级后20%', {}],
    ['化学前10%，综合不到前20%', { subjectRankPercent: 10 }],
  ])('%s', (text, profile) => {
    expect(extractProfile(text).profile).toEqual(profile)
  })
})

describe('extractProfile: the place of study beats the place of the household', () => {
  it.each<[string, string]>([
    ['户口在玉林，但孩子在南宁二中读高一', '南宁市'],
    ['我们是玉林的，在柳州上学', '柳州市'],
    ['户口在玉林但在南宁读书', '南宁市'],
    ['户籍是桂林的，现就读于柳州高级中学', '柳州市'],
    ['住在柳州，孩子在桂林十八中', '桂林市'],
    ['老家是钦州的，目前在阳朔中学念书', '阳朔县'],
    ['户口在南宁，在广州读书', '广州'],
    ['我们是玉林的，孩子读高一', '玉林市'],
  ])('%s → %s', (text, city) => {
    expect(extractProfile(text).profile.city).toBe(city)
  })
})

describe('extractProfile: a place named as what another formerly belonged to is history', () => {
  it.each<[string, string]>([
    ['家在鹿寨县，原来归柳州地区管，孩子高二', '鹿寨县'],
    ['我们武宣县的，过去属于柳州地区，娃读高一', '武宣县'],
    ['合山市以前是柳州地区的，孩子在合山读高二', '合山市'],
  ])('%s → %s', (text, city) => {
    expect(extractProfile(text).profile.city).toBe(city)
  })
})

describe('extractProfile: places outside Guangxi that share a Guangxi name', () => {
  it.each<[string, string]>([
    ['广东梅州兴宁市的高一学生，能报吗', '广东梅州兴宁市'],
    ['我们在广东省兴宁市读书', '广东省兴宁市'],
    ['湖南永州的孩子', '湖南永州'],
    ['青海西宁城中区的高二', '青海西宁城中区'],
    ['内蒙古兴安盟的', '内蒙古兴安盟'],
  ])('%s → %s, ineligible', (text, city) => {
    const { profile } = extractProfile(text)
    expect(profile.city).toBe(city)
    expect(checkEligibility(program, { ...profile, grade: '高一', subjectRankPercent: 5 }).verdict).toBe('ineligible')
  })
})

describe('extractProfile: olympiads and science contests', () => {
  const olympiad = (level: string, stage?: string) => ({
    awards: [stage ? { category: 'subject_olympiad', level, stage } : { category: 'subject_olympiad', level }],
  })
  const science = (level: string, stage?: string) => ({
    awards: [stage ? { category: 'science_competition', level, stage } : { category: 'science_competition', level }],
  })
  it.each<[string, EligibilityInput]>([
    ['CSP-S提高级广西省一等奖', olympiad('regional') as EligibilityInput],
    ['NOIP广西一等奖', olympiad('regional') as EligibilityInput],
    ['初中拿过CSP-J省二', olympiad('regional', 'junior') as EligibilityInput],
    ['CSP-J一等奖', olympiad('regional') as EligibilityInput],
    ['CSP-J', {}],
    ['信息学奥赛省一', olympiad('regional') as EligibilityInput],
    ['全国中学生数学奥林匹克竞赛（广西赛区）一等奖', olympiad('regional') as EligibilityInput],
    ['化学竞赛赛区二等奖', olympiad('regional') as EligibilityInput],
    ['物理竞赛省二', olympiad('regional') as EligibilityInput],
    ['生物联赛省三', olympiad('regional') as EligibilityInput],
    ['高一，物理竞赛国一', { grade: '高一', ...olympiad('national', 'senior') } as EligibilityInput],
    ['初三拿过NOI铜牌', olympiad('national', 'junior') as EligibilityInput],
    ['高中拿过广西青少年科技创新大赛一等奖', science('regional', 'senior') as EligibilityInput],
    ['中国青少年机器人竞赛二等奖', science('national') as EligibilityInput],
    ['获得宋庆龄少年儿童发明奖', science('national') as EligibilityInput],
    ['初三时获评明天小小科学家称号', science('national', 'junior') as EligibilityInput],
    ['英特尔国际科学与工程大奖赛三等奖', science('national') as EligibilityInput],
    ['初三拿过白名单竞赛省级一等奖', science('regional', 'junior') as EligibilityInput],
    ['全国青少年科技创新大赛柳州市选拔赛一等奖', science('city') as EligibilityInput],
  ])('%s', (text, profile) => {
    expect(extractProfile(text).profile).toEqual(profile)
  })

  it('gives priority for a regional olympiad named by its own name', () => {
    const { profile, asksEligibility } = extractProfile('南宁三中高一，数学年级前10%，初中拿过CSP-J省一，有戏吗')
    expect(asksEligibility).toBe(true)
    expect(checkEligibility(program, profile)).toMatchObject({ verdict: 'eligible', priority: true })
  })
})

describe('extractProfile: loose ways of asking', () => {
  it.each([
    '南宁高一，有戏吗',
    '孩子柳州高二，有没有希望',
    '桂林高一数学前10%，够格吗',
    '我这种情况行不行',
    '南宁二中高一的，能不能上',
    '柳州高一，有机会吗',
    '综合前18%，够不够',
    '物理前12%，可以冲吗',
    '桂林高二，能入选吗',
    '孩子能选上吗',
  ])('%s → asks', (text) => {
    expect(extractProfile(text).asksEligibility).toBe(true)
  })

  it.each(['有没有希望杯的信息', '行程怎么安排', '有机会吗'])('%s → does not ask', (text) => {
    expect(extractProfile(text).asksEligibility).toBe(false)
  })
})

describe('extractProfile: grade words', () => {
  it.each([
    ['高1', '高一'],
    ['高中一年级', '高一'],
    ['高二下学期', '高二'],
    ['高一（下）', '高一'],
    ['准高一', '高一'],
    ['初三', '初三'],
  ])('%s → %s', (text, grade) => {
    expect(extractProfile(text).profile.grade).toBe(grade)
  })
})

describe('a local round of a nationwide contest', () => {
  it.each([
    ['高一拿过中国青少年机器人竞赛南宁市赛一等奖', 'city'],
    ['初二拿过全国青少年科技创新大赛柳州赛区二等奖', 'city'],
    ['高一获得宋庆龄少年儿童发明奖阳朔县赛三等奖', 'county'],
    ['高一时拿过邕宁区级科技创新大赛一等奖', 'county'],
    ['初三拿过柳州市级物理竞赛一等奖', 'city'],
  ])('%s → %s level', (text, level) => {
    expect(extractProfile(`南宁高二，物理年级前10%，${text}，能优先吗`).profile.awards?.[0]?.level).toBe(level)
  })
})

describe('extractProfile: places outside Guangxi, grades in transition, shares', () => {
  it.each<[string, EligibilityInput, boolean]>([
    [
      '我们是广东湛江的，孩子在湛江读高一，数学年级前1%，能来报吗',
      { city: '湛江', grade: '高一', subjectRankPercent: 1 },
      true,
    ],
    ['孩子在浙江义乌读高二，能报上吗', { city: '浙江义乌', grade: '高二' }, true],
    ['我是通化的，高一，可以来参加吗', { city: '通化', grade: '高一' }, true],
    ['孩子能去申请吗？在昆山读高一', { city: '昆山', grade: '高一' }, true],
    ['今年刚升高二，年级前两成', { grade: '高二', overallRankPercent: 20 }, false],
    ['刚上高一，物理前一成半', { grade: '高一', subjectRankPercent: 15 }, false],
    ['孩子升入高二了', { grade: '高二' }, false],
    ['即将升高二', { grade: '高二' }, false],
    ['马上高二了', { grade: '高二' }, false],
    ['现在是高一升高二的暑假', { grade: '高二' }, false],
    [
      '高一时拿过市级作文比赛一等奖，现在准备升高三',
      { grade: '高三', awards: [{ category: 'other', level: 'city', stage: 'senior' }] },
      false,
    ],
    ['想提升高一成绩', {}, false],
    ['年级前三成', { overallRankPercent: 30 }, false],
    ['数学年级前1/5', { subjectRankPercent: 20 }, false],
    ['总排名在年级五分之一左右', { overallRankPercent: 20 }, false],
    ['年级前百分之十几', {}, false],
    ['年级前十成绩稳定', {}, false],
    ['数学很好，年级第90名（综合排名），年级共500人', { overallRankPercent: 18 }, false],
    ['综合排名年级第90名，年级共500人', { overallRankPercent: 18 }, false],
  ])('%s', (text, profile, asks) => {
    const extracted = extractProfile(text)
    expect(extracted.profile).toEqual(profile)
    expect(extracted.asksEligibility).toBe(asks)
  })

  it('a student from a prefecture outside Guangxi is ineligible', () => {
    const { profile } = extractProfile('我们是广东湛江的，孩子在湛江读高一，数学年级前1%，能来报吗')
    expect(checkEligibility(program, profile).verdict).toBe('ineligible')
  })
})

describe('extractProfile: a patent not yet granted', () => {
  it.each([
    '专利已受理',
    '专利还在审',
    '有个专利申请中😂',
    '专利在实审阶段',
    '其专利已获受理但尚未授权',
    '已提交发明专利申请但尚未获得授权',
    '该生发明专利已受理，尚未取得授权',
  ])('%s counts as not granted, whatever its type', (text) => {
    const { profile } = extractProfile(text)
    expect(profile.patents?.length).toBe(1)
    expect(profile.patents?.every((p) => p.granted === false)).toBe(true)
  })
  it('keeps the city and rank said before the patent in a run-on voice message', () => {
    const { profile } = extractProfile('南宁高一物理前12%有个专利已经受理了能不能报能不能优先')
    expect(profile).toMatchObject({ city: '南宁市', grade: '高一', subjectRankPercent: 12 })
    expect(profile.patents?.[0]?.granted).toBe(false)
  })
})

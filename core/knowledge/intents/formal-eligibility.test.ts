import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** Eligibility asked of a third person, in 公文 voice and in WeChat voice: the verdict object is carried. */
describe('eligibility asked of a third person', () => {
  it.each([
    ['我校系南宁市第三中学，一名高一学生化学学科年级前9%，请问是否具备报名资格？', 'eligible'],
    ['兹有柳州市融水苗族自治县中学高二学生一名，综合成绩年级前8%，是否在本次遴选范围之内？', 'eligible'],
    ['钦州市某中学高一学生物理年级前1%，曾获省级物理竞赛一等奖，贵办能否受理该生的申请？', 'ineligible'],
    ['桂林市某中学高三学生数学年级前2%，学校可否将其列入推荐名单？', 'ineligible'],
    ['现有柳州市高二学生李某，生物学科年级前12%，请问能否将该生纳入推荐名单', 'eligible'],
    ['南宁市一名就读高二的外省籍学生，综合成绩年级前18%，该生可否报名？', 'eligible'],
    ['我们学校高一有个娃 总分年级前15% 在南宁 报名资格具备不😂', 'eligible'],
    ['阳朔县高二 物理前50% 总分也就年级一半 是不是没戏了😭', 'ineligible'],
    ['柳州高一的 数学前30%左右 综合排名一半左右 怕是没戏咯', 'ineligible'],
    ['贺州市八步区某校高一学生覃某，数学年级前6%，我校拟推荐其报名，是否可行？', 'ineligible'],
    ['南宁市某中学高二学生，综合年级前15%，学校打算组织他参加遴选，这样可行吗', 'eligible'],
  ])('%s → %s', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })

  it('counts a place exactly on the line as within 前15%/前20% (以内 includes the bound)', () => {
    for (const q of [
      '南宁市某中学高二年级（200人）学生张某，物理学科排名第30名，是否满足成绩条件？',
      '桂林某高中高一共300人，我家孩子综合排名第60名，刚好卡线，能报吗',
      '柳州市某校高一（160人）学生综合排第32名，请示该生是否达到成绩要求',
    ]) {
      const r = ask(q)
      expect(r.intent, q).toBe('eligibility')
      expect(r.eligibility?.verdict, q).toBe('eligible')
    }
  })

  it('an award whose grade and rank are still to be verified: unknown, with priority', () => {
    for (const q of [
      '南宁市某中学一名学生曾获全国青少年科技创新大赛一等奖，年级及成绩排名有待核实，请问是否具备报名资格？',
      '柳州有个学生拿过全国中学生化学竞赛省一等奖 年级和排名还没问清楚 能报不',
    ]) {
      const r = ask(q)
      expect(r.intent, q).toBe('eligibility')
      expect(r.eligibility, q).toEqual({ verdict: 'unknown', priority: true })
    }
  })

  it('a 初中 award at national level gives priority, with the rank met: eligible', () => {
    for (const q of [
      '七星区某校高一新生初中时曾获全国青少年科技创新大赛二等奖，入学后总分排名年级前10%。该生可否报名？能否作为优先推荐对象上报？',
      '青秀区高一新生 初中拿过全国信息学奥赛银牌 这次月考总分年级前15% 能报吗 能优先不',
    ]) {
      const r = ask(q)
      expect(r.intent, q).toBe('eligibility')
      expect(r.eligibility, q).toEqual({ verdict: 'eligible', priority: true })
    }
  })
})

/** Outside the cities or the grades, asked with 可否申报/能不能报/跨省报/提前报…可以吗: still the verdict object. */
describe('an ineligible place or grade still gets the verdict', () => {
  it.each([
    '贺州市八步区高一学生，物理学科年级前3%，请问该生可否申报？',
    '玉林市北流市高二学生一名，综合成绩年级前10%，可否申报本计划？',
    '崇左市凭祥市高一学生，数学年级前8%，曾获自治区物理竞赛二等奖，请示可否申报',
    '我在广东湛江读高一 数学年级前5% 能不能报啊',
    '江西赣州高二的 化学年级前2% 能跨省报吗🙏',
    '梧州岑溪的高一 综合年级前10% 可以报吗',
    '南宁青秀区的 现在初二 数学年级第一 想提前报可以吗',
    '桂林市某中学初三学生，综合成绩年级前3%，可否提前申报？',
    '柳州市某校高三学生，物理年级前5%，能不能报名参加？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.intent, r.answer).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe('ineligible')
  })

  it('explains the failed condition and gives the office', () => {
    const r = ask('我在湖南长沙读高二 物理年级前3% 可以跨省报吗')
    expect(r.eligibility?.verdict).toBe('ineligible')
    expect(r.answer).toMatch(/南宁|柳州|桂林/)
  })
})

describe('an ineligible place or grade gives the office to ask', () => {
  it.each([
    '百色市右江区高二学生，化学年级前5%，可否申报？',
    '我家娃在永州读高一 数学年级前5% 能跨省报吗',
    '南宁市某中学初三学生，数学年级前1%，可否提前申报？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.eligibility?.verdict).toBe('ineligible')
    expect(r.answer).toContain('2809218')
  })
})

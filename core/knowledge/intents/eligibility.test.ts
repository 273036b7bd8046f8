import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'
import { MAX_ANSWER_CHARS } from '../answer'

describe('eligibility', () => {
  it('checks a described student and returns the verdict', () => {
    const r = ask('我家孩子在南宁读高一，数学年级前10%，能报吗')
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: false })
  })
  it('refuses a grade outside 高一、高二', () => {
    expect(ask('柳州高三，综合年级前5%，能报吗').eligibility?.verdict).toBe('ineligible')
  })
  it('answers a general question about who may apply as a fact, not a check', () => {
    const r = ask('要读高几才能报名')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toContain('高一')
    expect(r.sources[0]?.section).toBe('四（二）1')
  })
  it('answers a bare priority question by the rule', () => {
    const r = ask('市级比赛一等奖可以优先推荐吗')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toContain('自治区级')
  })
})

describe('conditions the plan does not set, asked with a profile', () => {
  it.each([
    ['我在南宁读高二，但不是本地户口，能报吗', '户籍'],
    ['桂林私立高中高一，综合前15%，能参加吗', '民办'],
    ['柳州国际部高二，物理前5%，可以报名吗', '国际部'],
    ['在南宁借读的高一学生，数学前10%，能报吗', '借读'],
  ])('%s: the verdict, what 四（二）1 says, the gap and the office', (q, label) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.answer).toContain(label)
    expect(r.answer).toContain('辖区内的全体高一、高二学生')
    expect(r.answer).toContain('0771-2809218')
    expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
  })
  it('adds no note when no such condition is raised', () => {
    expect(ask('南宁高二，数学前10%，能报吗').answer).not.toContain('没有提到')
  })
  it('answers the condition asked on its own with the gap and the target students', () => {
    const r = ask('外地户口能报名吗')
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('户籍')
    expect(r.answer).toContain('辖区内')
  })
  it('does not repeat the gap for an ask the verdict already covers', () => {
    const r = ask('孩子在桂林读高二，化学前10%，能报吗，有没有年龄限制')
    expect(r.answer).toContain('年龄')
    expect(r.answer.match(/辖区内/g)?.length).toBe(1)
  })
})

describe('a profile in any words is an eligibility question', () => {
  it.each([
    ['横州高一，数学年级前9%', 'eligible'],
    ['也想让娃试一试，娃在柳州读高二，综合前15%', 'eligible'],
    ['我家在玉林，孩子高一成绩年级前5，也想试试', 'ineligible'],
    ['孩子在广东读高一，数学年级前3%', 'ineligible'],
    ['我班上的李华，桂林中学高二，物理年级前8%，可以推荐吗', 'eligible'],
    ['能推荐他报名吗？他是柳州高一的，化学年级前12%', 'eligible'],
  ])('%s → %s, as the API says', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })
  it('leaves a question about how many a school may recommend to the quota', () => {
    expect(ask('学校可以推荐几个人').intent).toBe('quota')
  })
})

describe('other modal words for asking to apply', () => {
  it.each<[string, string]>([
    ['桂林高二，物理年级前8%，现在报还来得及不', 'eligible'],
    ['南宁高三了，综合前1%，赶得上报吗', 'ineligible'],
    ['本校（柳州市柳南区）高一学生韦某化学位列年级前6%，能否推荐其参加？', 'eligible'],
  ])('%s → %s', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })
})

describe('a place named as what the student’s county used to belong to', () => {
  it('reads the county as its city of today', () => {
    expect(ask('我们武宣县的，过去属于柳州地区，娃高一，数学前10%，可以报吗').eligibility?.verdict).toBe('ineligible')
  })
})

describe('a verdict still open on a missing rank says the bound that rank must meet', () => {
  it('names the overall bound when the subject rank misses its own', () => {
    const r = ask('桂林七星区高二，化学年级前22%，总排名还不知道，能报吗')
    expect(r.eligibility?.verdict).toBe('unknown')
    expect(r.answer).toContain('20%')
  })
})

describe('held-out classes of eligibility in chat', () => {
  it.each([
    // a formal "does the student reach / meet the bar" ask, with a rank at or under the bound
    ['柳州市鱼峰区：本校高一学生李某数学排名正好是年级前15%，是否满足报名要求？', 'eligible'],
    ['我校高二学生王某，桂林临桂区，综合排名年级前19.5%，请问能否达到遴选标准？', 'eligible'],
    // a rank given as a place among a size, asked with 够报
    ['柳州城中区高二 全年级400人 总分第80名 够报不', 'eligible'],
    // a junior-school student who enters 高一 only in a later school year
    ['南宁青秀区初三学生，物理年级第一，下学年才升高一，现在能报吗', 'ineligible'],
  ])('%s', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })
  it('reads a run-on voice message: place, rank and a patent granted after it was applied for', () => {
    const r = ask('我儿子在桂林读高二然后化学年级前8%前年他的小发明报了实用新型专利现在批下来了想问一下能报不能报')
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: true })
  })
})

describe('a teacher asking for an exception', () => {
  it('a 高三 student with a national medal asked to be recommended 破格 is still outside the grades', () => {
    const r = ask('柳州市融安县某中学高三学生覃某获全国物理竞赛金牌，能否特殊推荐？')
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe('ineligible')
    expect(r.answer).toMatch(/高一、高二/)
  })
})

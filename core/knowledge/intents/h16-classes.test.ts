import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('a described student in chat: the verdict, whatever else the message remarks', () => {
  it.each([
    ['城中区高二，化学年级第30名，全年级200人，应该是刚好踩线吧？能不能报', 'eligible'],
    ['柳北区高一的，数学年级前15%，压线了吧，可以报名不', 'eligible'],
    ['柳江区高三学生，综合年级前5%，现在还来得及报名英才计划吗', 'ineligible'],
    ['南宁高三的娃，物理前3%，还来得及参加这个计划不', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a new student with no rank yet but a granted patent: unknown, with priority', () => {
    const a = ask('南宁市某中学高一新生，还没考过试没有排名，初中时拿到了发明专利授权，是否可行？')
    expect(a.eligibility?.verdict).toBe('unknown')
    expect(a.eligibility?.priority).toBe(true)
  })
})

describe('an award outside science contests and the five olympiads gives no priority', () => {
  it.each([
    '柳州市高二学生，数学年级前8%，获自治区级中学生作文大赛二等奖及校科技节一等奖，能优先推荐吗？',
    '桂林高一，物理年级前10%，拿过全区演讲比赛一等奖，可以优先吗',
  ])('%s', (q) => {
    const a = ask(q)
    expect(a.eligibility?.verdict).toBe('eligible')
    expect(a.eligibility?.priority).toBe(false)
  })
})

describe('purpose asked in dialect (为了哪样): the aim, article 一', () => {
  it.each(['你们这个英才计划搞起来是为了哪样？', '办这个计划到底图哪样嘛'])('%s', (q) => {
    expect(ask(q).answer).toContain('兴趣')
  })
})

describe('who finally picks the students: the mentors, per 九（二）3', () => {
  it.each(['管理办公室平时负责什么？选哪些学生是不是他们说了算', '最后选谁是哪个单位拍板的'])('%s', (q) => {
    expect(ask(q).answer).toContain('导师')
  })
})

describe('handing in through the teacher or alone: through the school', () => {
  it.each(['申请表是交给学校老师还是自己直接交到市科协？', '我可以自己报名还是要通过学校'])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('申请表')
    expect(a).toContain('不是个人直接报')
  })
})

describe('a span whose start is the remark before the ask', () => {
  it('10月开始培养，到中期评价截止: about 5 months', () => {
    expect(ask('孩子10月开始培养，到中期评价截止中间隔几个月？').answer).toContain('5个月')
  })
})

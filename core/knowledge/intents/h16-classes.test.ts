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

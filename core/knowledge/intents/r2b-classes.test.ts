import { describe, expect, it } from 'vitest'
import { extractProfile } from '../../rules/extract-profile'
import { ask } from '../../../test/helpers/qa'

/** Today's real date: the 2023 cohort's period is over. */
const LATE = new Date('2026-12-02T10:00:00+08:00')

describe('whether a named award or patent counts for priority, with no profile: the rule, not a checklist', () => {
  it.each([
    '我女儿有一项外观设计专利，去年就批下来了，能算优先推荐吗',
    '该生持有已授权的外观设计专利一项，是否属于优先推荐条件？',
  ])('%s', (q) => {
    const a = ask(q, LATE)
    expect(a.answer).toContain('发明专利')
    expect(a.answer).toContain('外观设计专利')
    expect(a.answer).toMatch(/不属于优先条件/)
    expect(a.answer).not.toMatch(/还不知道所在城市|请告诉我/)
    expect(a.eligibility?.priority).toBe(false)
    expect([...a.answer].length).toBeLessThanOrEqual(400)
  })
  it.each(['儿子拿到了一个实用新型专利授权证书，这个能优先吗', '学生已获实用新型专利授权，可否作为优先推荐的依据？'])(
    '%s',
    (q) => {
      const a = ask(q, LATE)
      expect(a.answer).toMatch(/可优先推荐/)
      expect(a.answer).not.toMatch(/还不知道所在城市|请告诉我/)
      expect(a.eligibility?.priority).toBe(true)
    },
  )
})

describe('what a review step checks and what its reviewer does after: that step, read from the frame', () => {
  it.each([
    '我们是柳州市科协的，学校把申请表报上来以后，我们主要审查什么？',
    '南宁市科协这一级审核时看申请材料的哪些方面？审完要做些什么？',
    '市级审核环节：1.审核重点是什么 2.审核通过后要办哪些手续',
    '作为桂林市科协，审核通过后我们要在申请表上做什么',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toContain('规范性')
    expect(a).toMatch(/加盖公章/)
    expect(a).toContain('10月27日')
  })
  it('a school asking what it checks gets the school’s own step', () => {
    const a = ask('学校审核学生交上来的申请表要看哪些方面', LATE).answer
    expect(a).toContain('真实性和完整性')
  })
})

describe('places per university, which the plan does not split: open, with the office', () => {
  it.each([
    '广西大学、广西师范大学、广西科技大学三家各招多少个学生啊',
    '请问名额在三所高校之间是怎样分配的？每所高校分别培养几名学员？',
    '广西科技大学今年招几个学员',
    '柳州的15个名额分给哪所大学',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toContain('2809218')
    expect(a).toMatch(/没有规定/)
  })
})

describe('a school’s own calendar is out of scope: no date of the plan, a polite redirect', () => {
  it.each(['想问下孩子学校这学期什么时候放假，期末考试定在哪天', '烦请帮忙查一下本校本学期的校历和期中考试时间安排。'])(
    '%s',
    (q) => {
      const a = ask(q, LATE)
      expect(a.intent).toBe('out_of_scope')
      expect(a.answer).not.toMatch(/\d+月\d+日|申请表|遴选的具体形式/)
      expect(a.answer).toMatch(/教务处|班主任/)
    },
  )
})

it('an exam clashing with training is the open timing of activities, not the form of selection', () => {
  const a = ask('期末考试会不会和培养活动冲突', LATE).answer
  expect(a).toContain('活动时间安排')
  expect(a).not.toContain('遴选的具体形式')
})

describe('a university’s duties asked by a university: its own article, not the contact list', () => {
  it.each([
    '广西师范大学咨询：作为参与高校，我们除了推荐导师之外还要承担哪些工作？',
    '我们是广西大学，参与高校这边除了推荐导师还得做哪些工作',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toMatch(/培养团队|骨干/)
    expect(a).toMatch(/培养计划|教学资源|科技教育资源|科学实践/)
    expect(a).not.toContain('各市联系人')
  })
})

describe('eligibility in chat: a 中考 or city-wide rank is not a grade rank; a design patent gives no priority', () => {
  it.each([
    ['孩子在柳州读高一，中考全市排名前2%，现在还没有年级排名，能报名吗', 'unknown'],
    ['南宁高一新生，中考成绩全市前5%，高中还没考试，可以申请吗', 'unknown'],
  ])('%s', (q, verdict) => {
    const a = ask(q, LATE)
    expect(a.eligibility?.verdict).toBe(verdict)
    expect(a.eligibility?.priority).toBe(false)
  })
  it('the rank of the grade still counts when said beside the 中考 one', () => {
    const p = extractProfile('桂林高一，中考全市前3%，期中考试年级前8%，能报吗').profile
    expect(p.overallRankPercent).toBe(8)
  })
  it('a granted design patent with a full profile gives no priority', () => {
    const a = ask('桂林高二学生，物理年级前10%，有个外观设计专利已授权，能报吗', LATE)
    expect(a.eligibility).toEqual({ verdict: 'eligible', priority: false })
  })
})

import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'

describe('the plan’s structure', () => {
  it('the headings of a named article, counted in words', () => {
    const a = ask('“相关要求”部分提出了哪几方面要求？')
    hasEach(a.answer, [['四个方面'], ['强化组织领导'], ['狠抓责任落实'], ['激励机制'], ['示范带动']])
    expect(ask('方案第六部分学生评价包括哪几个方面').answer).toContain('两个方面')
  })
  it('the articles of the whole plan', () => {
    hasEach(ask('实施方案一共分为哪几个部分？').answer, [['十一部分'], ['目的意义'], ['联系人及联系电话']])
  })
  it('an article a fact covers whole keeps that fact when asked without naming it a part', () => {
    const a = ask('学生评价包括哪几个方面')
    expect(a.answer).not.toContain('分两个方面')
    hasEach(a.answer, [['中期评价'], ['年度评价'], ['2024年2月底']])
  })
})

describe('grades', () => {
  it('a brief verdict names the grade it heard', () => {
    const a = ask('您好，想咨询两个问题：1.高二还能报不 2.报名截止是几号')
    hasEach(a.answer, [['高二年级符合'], ['10月24日']])
  })
  it('hearsay that one grade alone may apply gets both grades, not a checklist', () => {
    const a = ask('听说只有高二才能报，是真的吗')
    expect(a.eligibility).toBeUndefined()
    hasEach(a.answer, [['高一、高二']])
  })
})

describe('mentors', () => {
  it('whom mentors are mainly drawn from, though the asker names a university first', () => {
    const a = ask(
      '本人为广西大学物理学院副教授，拟申请担任导师。请问：1. 导师以哪些人员为主？2. 导师需要承担哪些职责？',
    )
    hasEach(a.answer, [['院士'], ['长江学者']])
    expect(a.answer.indexOf('院士')).toBeLessThan(a.answer.indexOf('广西科技大学') >>> 0)
  })
})

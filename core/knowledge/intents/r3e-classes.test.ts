import { describe, expect, it } from 'vitest'
import { ask, hasEach, LATE, within } from '../../../test/helpers/qa'

describe('a party whose duties sit in several articles gets each article’s, its own clauses only', () => {
  it.each([
    ['请介绍参与中学在英才培养过程中的具体工作。', [['基础科研技能'], ['宣传发动']]],
    ['孩子学校在培养中扮演什么角色？', [['基础科研技能'], ['宣传发动']]],
    ['参与高校承担的主要工作请逐条列出', [['推荐导师'], ['开放实验室', '专项培训']]],
    ['大学那边在培养孩子时主要做哪些工作', [['推荐导师'], ['开放实验室', '专项培训']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it('a school’s answer carries no university clause of a shared article', () => {
    const a = ask('参与中学的主要工作有哪些', LATE).answer
    expect(a).not.toContain('参与高校要协助')
  })
})

describe('an ask after a counted notice end is answered, not dropped as the same follow-up', () => {
  it.each([
    ['公示要是从10月30号开始，最后一天是哪天？在哪个网站上公示？', [['11月3日'], ['云服务平台']]],
    ['请核算：公示自2023年11月1日起，截止日期为何日？公示平台是哪个？', [['11月7日'], ['云服务平台']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
})

describe('the weekday of a step due by a month’s end is the weekday of that month’s last day', () => {
  it.each([
    ['中期汇报最后期限那天是周几？', [['星期四'], ['2月29日'], ['月末最后一天']]],
    ['年度评价要交材料的最后一天是礼拜几呀', [['星期一'], ['9月30日']]],
    ['请告知：中期评价和年度评价两个截止日期各是星期几', [['星期四'], ['星期一']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    expect(a).not.toContain('说不上星期几')
    within(a)
  })
  it('a step dated only by its month still has no weekday', () => {
    expect(ask('师生见面会那天星期几', LATE).answer).toContain('说不上星期几')
  })
})

describe('a size, length or word count the plan never gives of a thing it names is open, not a neighbouring number', () => {
  it.each([
    '请问导师团队最多可以由几个人组成？',
    '孩子说导师团队人很多，团队规模有没有限制',
    '成长日志每篇大概写几个字合适',
    '参加一次培养活动大概要花几个钟头',
    '请问师生见面会一般开多久',
    '课题报告的篇幅有要求吗，要写几页',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    hasEach(a, [['2809218'], ['没有规定', '没有提及', '未规定']])
    expect(a).not.toContain('南宁市30名')
    within(a)
  })
  it('a count of students is still the quota', () => {
    expect(ask('柳州最多能选几个学生', LATE).answer).toContain('15名')
  })
})

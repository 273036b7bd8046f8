import { describe, expect, it } from 'vitest'
import { ask, PROGRAM_NUMBERS, numbersIn } from '../../../test/helpers/qa'

describe('not in the plan', () => {
  const questions = [
    '参加要交多少钱',
    '住宿怎么安排',
    '结业证书有吗',
    '导师遴选要面试吗',
    '每所学校能推荐几个',
    '高考能加分吗',
    '有交通补贴吗',
    '能不能保送',
  ]
  it.each(questions)('%s → says the plan is silent and gives the office number', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toMatch(/没有规定|没有提及|没有找到/)
    expect(r.answer).toContain('0771-2809218')
  })
  it.each(questions)('%s → no number that is not in the program data', (q) => {
    for (const n of numbersIn(ask(q).answer)) expect(PROGRAM_NUMBERS.has(n), n).toBe(true)
  })
  it('does not mistake a covered topic for a silent one', () => {
    expect(ask('年度评价要交哪些材料').intent).not.toBe('not_in_document')
    expect(ask('中期评价不合格怎么办').intent).not.toBe('not_in_document')
  })
})

describe('what the plan leaves open', () => {
  it('adds the office number to any answer that says the plan does not specify something', () => {
    for (const q of [
      '南宁选多少人',
      '见面会是哪天',
      '高一高二名额怎么分',
      '化学学科有几个名额',
      '一个学生能同时报数学和物理两个学科吗',
    ]) {
      const a = ask(q).answer
      if (/没有规定|未规定|没有写|没有明确/.test(a)) expect(a, q).toContain('0771-2809218')
    }
    // A quota the plan gives is not a silence: the number alone, no office line appended (issue 9, padding).
    expect(ask('南宁选多少人').answer).toBe('南宁市选拔30名学生。')
  })
  it('says the grade and subject split of the quotas is not given, with the city quotas', () => {
    for (const q of ['高一和高二分别占几个名额', '生物学科分到多少名额']) {
      const a = ask(q).answer
      expect(a, q).toContain('没有规定')
      expect(a, q).toContain('南宁市选拔30名')
    }
  })
  it('counts a county in its city quota', () => {
    const a = ask('桂林的15个名额包括阳朔县、荔浦市的学生吗').answer
    expect(a).toContain('辖区内的全体高一、高二学生')
    expect(a).toContain('桂林市选拔15名')
  })
  it('corrects a wrong quota put as a guess', () => {
    expect(ask('桂林今年是招20个吧？我印象是20').answer).toContain('不是20名')
  })
  it('gives what the plan does say next to what it does not', () => {
    const online = ask('能不能在家网上参加培养').answer
    expect(online).toContain('10次')
    expect(online).toContain('当面指导')
    expect(ask('导师遴选有分数线吗').answer).toContain('没有规定')
  })
})

describe('counts and money the plan never gives', () => {
  it.each(['一共有多少个导师', '有多少所中学参与', '往年有多少人报名'])('%s → open, not the quota', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).not.toContain('30名')
    expect(r.answer).toContain('0771-2809218')
  })
  it('still counts the universities, which the plan names', () => {
    expect(ask('有多少所高校参与').answer).toContain('三所')
  })
  it('reads 有钱拿 as a question about money the plan does not give', () => {
    expect(ask('入选后每个月有钱拿吗').answer).toContain('关于交通、补贴或报销')
  })
})

describe('details the plan leaves open, asked in a staff member’s words', () => {
  it.each([
    '有学生被退出以后，他的名额会不会补给别人',
    '广西大学和桂师各自负责哪几个学科',
    '总结表彰设几等奖，标准是什么',
    '指导老师的工作量怎么算，能折合几节课',
    '导师的聘任期限是几年',
  ])('%s → says the plan does not specify it', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('0771-2809218')
  })
})

describe('points the plan leaves open, asked in new ways', () => {
  it.each([
    ['一名导师最多能指导的学员数量有没有限制？', '导师'],
    ['课题方向报备以后还能不能更换？', '选题'],
    ['桂林的学生是固定分到桂师吗，还是大学可以自由选？', '高校'],
    ['中期答辩需要准备幻灯片吗，每人讲多长时间？', '中期汇报'],
  ])('%s', (q, label) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain(label)
    expect(r.answer).toContain('2809218')
  })
})

describe('which schools take part, which the plan does not list', () => {
  it.each(['请问参与培养的中学是如何确定的', '我们学校不是参与中学 学生还能报吗', '参与中学有哪些'])(
    '%s → open, with whom the selection is for (四（二）1)',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('not_in_document')
      expect(r.answer).toContain('没有列出参与中学的名单')
      expect(r.answer).toContain('全体高一、高二学生')
    },
  )
  it('参与中学要做什么 → still the schools’ duties', () => {
    expect(ask('参与中学要做什么').answer).toMatch(/^参与中学的职责/)
  })
})

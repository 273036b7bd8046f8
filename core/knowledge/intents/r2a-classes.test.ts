import { describe, expect, it } from 'vitest'
import { ask, program } from '../../../test/helpers/qa'
import { contextOf } from '../context'
import { correctHomophones } from '../homophones'

/** Today's real date: the 2023 cohort's period is over, every dated answer carries the year note. */
const LATE = new Date('2026-12-02T10:00:00+08:00')
const within = (a: string) => expect([...a].length).toBeLessThanOrEqual(400)

describe('a formal header naming who asks is a salutation, not an ask for a contact', () => {
  it.each([
    ['柳州市科协咨询：1. 柳州市选拔多少名？2. 学校推荐截止到哪天？', ['15名', '10月24日']],
    ['某中学教务处询问：（1）培养周期多长？（2）中期评价什么时候？', ['2024年9月', '2024年2月']],
    ['桂林家长咨询：1.桂林选几个学生 2.要去大学几次', ['15名', '10次']],
  ])('%s', (q, wants) => {
    const a = ask(q, LATE).answer
    for (const w of wants) expect(a).toContain(w)
    expect(a).not.toContain('戴溦')
    within(a)
  })
  it('a header before a question about a contact still gives the contact', () => {
    expect(ask('学校咨询：南宁市科协的联系人是谁？', LATE).answer).toContain('戴溦')
  })
})

describe('quota arithmetic: sums, differences, one city against the other two', () => {
  it.each([
    ['三个参与城市加起来一共选几个学生', ['60名']],
    ['请问南宁比桂林多招几个', ['多15名']],
    ['请核实：柳州、桂林两市名额之和与南宁市名额对比，哪个更多？相差多少？', ['一样', '差额为0']],
    ['南宁一个市的名额跟柳州桂林两个市加起来比，谁多？差几个', ['一样', '差额为0']],
  ])('%s', (q, wants) => {
    const a = ask(q, LATE).answer
    for (const w of wants) expect(a).toContain(w)
    within(a)
  })
  it('a sum of all cities is said once', () => {
    const a = ask('三个城市总共选多少名学生', LATE).answer
    expect(a.match(/合计60名/g)?.length).toBe(1)
  })
})

describe('the rank line in a grade of a given size, and whether a given place meets it', () => {
  it.each([
    ['我们年级一共有500人，我孩子综合排第110名，前20%是前几名？够不够条件', ['前100名', '不满足']],
    [
      '请问：某生所在高一年级共600人，该生综合成绩排名第115名。1.前20%对应多少名？2.是否符合条件？',
      ['前120名', '满足'],
    ],
    ['高二年级有350个学生，女儿总分排名第80名，前20%是前多少名？她达到了吗', ['前70名', '未达到']],
  ])('%s', (q, wants) => {
    const a = ask(q, LATE).answer
    for (const w of wants) expect(a).toContain(w)
    within(a)
  })
  it('a rule asked as places is not the student’s rank', () => {
    const a = ask('年级400人，孩子综合排名第90名，前20%对应前多少名？能报吗', LATE).answer
    expect(a).toContain('前80名')
    expect(a).not.toContain('成绩排名符合')
  })
})

describe('visits still needed and by when they are due', () => {
  it.each([
    '孩子到现在去了3次西大，还差几次？最晚啥时候之前要去完？',
    '高校导师询问：某学员已到校培养5次。（1）至少还需到校多少次？（2）最迟何时前完成？',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toMatch(/至少还要[57]次/)
    expect(a).toContain('2024年9月')
    within(a)
  })
})

describe('months between the two evaluations, asked after both deadlines', () => {
  it.each([
    '某中学教务处询问：1.中期评价何时截止？2.年度评价何时截止？3.两次评价之间相隔多少个月？',
    '我想问下 中期评价啥时候截止 年度评价啥时候截止 中间隔了几个月',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    for (const w of ['2024年2月', '2024年9月', '7个月']) expect(a).toContain(w)
    expect(a).not.toContain('戴溦')
    within(a)
  })
})

describe('the weekday of a given day, alone or as a part of a list', () => {
  it.each([
    ['2023年10月24号那天礼拜几啊', '星期二'],
    ['请问：1.学校推荐截止日期是哪天？2.该日为星期几？', '星期二'],
    ['学校教务处询问：1.学校推荐提交给谁？2.2023年10月24日是周几？', '星期二'],
    ['2023年10月27日是周几', '星期五'],
  ])('%s → %s', (q, day) => {
    const a = ask(q, LATE).answer
    expect(a).toContain(day)
    within(a)
  })
})

describe('the end of the 5-working-day notice from a weekday, 公式 heard for 公示', () => {
  it.each([
    ['名单公式要是星期二开始 没遇到放假 到礼拜几公式完', '下周一'],
    ['公示从周四开始挂，到星期几结束呀', '下周三'],
    ['请问：若入选名单于某周一开始公示，期间无节假日，公示期最后一天为星期几？', '周五'],
  ])('%s → %s', (q, end) => {
    const a = ask(q, LATE).answer
    expect(a).toContain(end)
    expect(a).toContain('5个工作日')
  })
})

describe('how many cities and how many universities: each count given as a count', () => {
  it.each(['这个计划有几个城市、几所高校参与呀', '请问参与城市多少个，合作高校多少所？', '总共几个市几所大学在搞这个'])(
    '%s',
    (q) => {
      const a = ask(q, LATE).answer
      expect(a).toContain('3个城市')
      expect(a).toMatch(/3所高校|三所/)
      within(a)
    },
  )
})

describe('how many evaluations in the period, and when each is due', () => {
  it.each([
    '娃选上以后一年要被考核几回啊，都在啥时候',
    '请问培养期间对学员共开展几次评价？各在何时？',
    '一年当中评价学生几次',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    for (const w of ['两次', '中期', '年度', '2024年2月底', '2024年9月底']) expect(a).toContain(w)
    within(a)
  })
})

describe('places per university: the plan allots by city only', () => {
  it.each(['广西师范大学招几个学生', '请问各实施高校分别承担培养多少名学员？'])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toMatch(/高校.*没有规定|没有规定.*高校/)
    expect(a).toContain('0771-2809218')
    within(a)
  })
})

describe('a modal character (须, 需, 应) is never a slip for a program word', () => {
  it.each(['审核通过后须提交什么', '评价完后需准备哪些材料'])('%s', (q) => {
    expect(correctHomophones(q, contextOf(program).homophones)).toBe(q)
  })
})

describe('a step named before several asks is the topic of each', () => {
  it('柳州市科协在市级审核环节 … 审核无误后做什么', () => {
    const a = ask('柳州市科协在市级审核环节，要看材料的哪些方面？审核无误后须办理什么手续？', LATE).answer
    expect(a).toContain('规范性')
    expect(a).toContain('加盖公章')
    within(a)
  })
})

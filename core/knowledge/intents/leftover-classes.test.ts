import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('a numbered list after a topic: each numbered ask is read with the topic', () => {
  it('关于…这一块：1. 哪个月 2. 家长能否参加 → the meeting’s month and who attends', () => {
    const r = ask('关于师生见面会这一块：1. 在哪个月举行？2. 家长能否参加？')
    expect(r.answer).toContain('2023年11月')
    expect(r.answer).toContain('家长')
  })
  it('（1）（2） after a colon: the annual evaluation’s deadline and materials', () => {
    const r = ask('请问年度评价环节：（1）完成时限；（2）学生需提交的材料')
    expect(r.answer).toContain('2024年9月底前')
    expect(r.answer).toContain('课题报告')
  })
  it('①② glued to the topic: the city review’s day and whom it goes to', () => {
    const r = ask('市级审核这块 ①几号前交 ②交给哪个单位')
    expect(r.answer).toContain('2023年10月27日')
    expect(r.answer).toContain('管理办公室')
  })
  it('a numbered ask naming no step of its own is not answered with another step', () => {
    const r = ask('导师遴选这个环节想请教两点：(1)由谁来组织 (2)有没有具体日期')
    expect(r.answer).toMatch(/^导师遴选：由各市科协在管理办公室指导下组织高校导师/)
    expect(r.answer).not.toContain('中期评价')
  })
})

describe('X与Y各有几个: one number for each', () => {
  it.each([
    ['麻烦问下南宁跟桂林分别有几个名额', ['南宁市选拔30名', '桂林市选拔15名']],
    ['请问南宁市、柳州市、桂林市的选拔名额各为多少？', ['南宁市选拔30名', '柳州市选拔15名', '桂林市选拔15名']],
    ['柳州同桂林各多少', ['柳州市选拔15名', '桂林市选拔15名']],
    ['主办单位与承办单位分别有几家？', ['主办单位2家', '承办单位2家', '广西科技馆']],
    ['实施高校跟实施城市各有几个', ['实施高校3所', '实施城市3个', '广西师范大学']],
  ])('%s', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
  })
  it.each(['高一、高二学生各占多少名额？', '高一高二分别可以报几个人'])('%s → the plan sets no split by grade', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('高一、高二之间')
    expect(r.answer).not.toContain('结论')
  })
  it('化学和生物各多少名额 → the plan sets no split by subject', () => {
    expect(ask('化学和生物各多少名额').answer).toContain('名额按学科怎么分配')
  })
})

describe('同一个月: yes or no, with each month from the plan', () => {
  it.each([
    ['请问学校推荐与市级审核是否在同一个月份截止？', ['2023年10月24日', '2023年10月27日', '是同一个月']],
    ['见面会和选题是不是一个月', ['2023年11月', '2023年12月', '不是同一个月']],
    ['年度评价同培养周期结束是一个月吗', ['2024年9月', '是同一个月']],
    ['中期汇报跟过年是同一个月不', ['2024年2月底前', '同一个月', '0771-2809218']],
    ['年度评价与暑假在同一个月吗', ['2024年9月底前', '不是同一个月']],
  ])('%s', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
  })
  it('a step the plan gives no date cannot be placed in a month', () => {
    const r = ask('自治区级审核和公示在同一个月吗')
    expect(r.answer).toContain('没有给')
    expect(r.answer).toContain('0771-2809218')
  })
})

describe('寒假 and a step: the step when the cohort has one then, the open topic otherwise', () => {
  it.each(['明年寒假娃娃要搞哪样', '寒假期间学生要参加中期汇报吗？', '放寒假了还有什么任务不'])(
    '%s → 中期评价',
    (q) => {
      const r = ask(q)
      expect(r.answer).toContain('2024年2月底前')
      expect(r.answer).toContain('中期')
      expect(r.answer).toContain('寒假期间的安排')
    },
  )
  it('a step outside the holiday is said to be outside it', () => {
    const r = ask('寒假要不要去大学参加师生见面会')
    expect(r.answer).toContain('2023年11月')
    expect(r.answer).toContain('不在寒假期间')
  })
  it.each(['暑假期间有没有培养活动', '暑假里孩子要去实验室吗'])('%s → the plan is silent, with the office', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('0771-2809218')
  })
})

describe('what the program is, in Guangxi and southwest speech', () => {
  it.each(['这个八桂计划是搞哪样的嘛', '你们这个项目是做哪样的哦', '请介绍一下英才计划是干啥子的', '是搞哪样的哦'])(
    '%s → the introduction',
    (q) => {
      const r = ask(q)
      expect(r.answer).toContain('目的和意义')
      expect(r.answer).toContain('主办单位')
    },
  )
  it('做哪样 after a verb is 做什么: what a mentor does with the student', () => {
    expect(ask('导师平时带学生做哪样').answer).toContain('指导课题研究')
  })
})

describe('a salutation names no teacher the question is about', () => {
  it('各位老师好，… 3.条件 → the conditions to apply', () => {
    const r = ask('各位老师好，想了解学生选拔：1.对象 2.条件')
    expect(r.answer).toContain('前15%')
  })
  it('老师您好，导师… → the mentors, not a teacher as a mentor title', () => {
    const r = ask('老师您好，请问导师需要具备什么条件')
    expect(r.answer).toContain('院士')
    expect(r.answer).not.toContain('方案没有单独列出老师')
  })
  it.each(['老师好！', '各位老师们好'])('%s alone is a greeting', (q) => {
    expect(ask(q).intent).toBe('greeting')
  })
})

describe('numbered asks after a mere announcement each stand on their own', () => {
  it('想请教三件事：一是… 二是… 三是…', () => {
    const r = ask('想请教三件事：一是公示要几天，二是柳州招几个，三是学校几号前交材料')
    expect(r.answer).toContain('5个工作日')
    expect(r.answer).toContain('柳州市选拔15名')
    expect(r.answer).toContain('2023年10月24日')
    expect(r.answer).not.toContain('0772-2628531')
  })
})

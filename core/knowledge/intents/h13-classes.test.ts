import { describe, expect, it } from 'vitest'
import { ask, judge } from '../../../test/helpers/qa'

const SILENT = [['2809218'], ['未', '没有', '并无', '不涉及', '暂无', '没提', '没说', '无明确', '不清楚']]

describe('two-part formal asks: each part answered, neither by a neighbouring article', () => {
  it.each([
    ['优先推荐的条件有几条？初中获的奖算不算？', '共三条'],
    ['可优先推荐的情形一共几种？初中时获得的专利能否计入？', '共三种'],
    ['烦请告知优先条件有多少项，并逐项列出。', '共三项'],
  ])('%s → the count, the items and the stages', (q, count) => {
    const a = ask(q).answer
    expect(a).toContain(count)
    expect(a).toContain('③')
    expect(a).not.toMatch(/没有提到“(共有|一共|说明|情形)”/)
  })
  it.each(['遴选范围是否仅限示范性高中？高三学生能否报名？', '普通高中的学生也能参加遴选吗，还是只限重点中学'])(
    '%s → all 高一高二 of the three cities, not 示范带动',
    (q) => {
      const a = ask(q).answer
      expect(a).toContain('全体高一、高二')
      expect(a).not.toContain('示范作用')
      expect(a).not.toContain('没有提到')
    },
  )
  it('a 高三 ask after the school-type ask is answered no', () => {
    expect(ask('遴选对象是否只限于重点中学？高三学生可否报名？').answer).toContain('高三不在范围内')
  })
  it.each([
    ['名师引领原则中导师在哪些方面起作用', ['精神熏陶', '学术引领', '人格养成']],
    ['一、兴趣导向原则着重培养学生哪几方面的能力？二、名师引领原则对导师有何要求？', ['发现问题', '精神熏陶']],
  ])('%s → the principle’s content, no place', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
    expect(a).not.toContain('具体地点')
    expect(a).not.toContain('报名对象是')
  })
  it.each([
    ['实施方案由哪个单位审定', ['自治区科协', '教育厅']],
    [
      '请问管理办公室负责什么？实施方案由谁来审定？',
      ['管理办公室负责', '自治区科协和自治区教育厅是主办单位，负责审定实施方案'],
    ],
  ])('%s → the organisers approve the plan', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
  })
  it('导师人选由谁审定 → still the office, for mentors', () => {
    expect(ask('导师人选由谁审定').answer).toContain('管理办公室对照导师条件审定')
  })
  it('the city review names the three cities’ 科协', () => {
    expect(ask('资格审核的两级分别由谁负责').answer).toContain('三市科协')
  })
})

describe('arithmetic set up in the question', () => {
  it.each([
    ['某生本周期已赴高校参加培养三次。请问：1. 尚须到校几次方可达标？2. 活动后需提交何种材料？', '至少还要7次'],
    ['孩子已经去了7次了，后面还需要去几次', '至少还要3次'],
    ['该学员已到校8次。按规定，仍需到校几次？', '至少还要2次'],
  ])('%s → the visits left', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it.each([
    ['麻烦算下从培养开始到中期评价、以及从中期评价到年度评价分别几个月', ['约5个月', '相差7个月']],
    ['请分别核算：从学校推荐截止到市级审核截止，以及从中期评价到年度评价，各相差多久？', ['相差3天', '相差7个月']],
  ])('%s → each span', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
  })
  it.each([
    ['桂林的名额比南宁少几个', '桂林市比南宁市少15名'],
    ['听说南宁人多，南宁比桂林多出几个名额啊', '南宁市比桂林市多15名'],
    ['我们从桂林搬到南宁了，南宁比桂林名额多多少', '南宁市比桂林市多15名'],
  ])('%s → in the asker’s direction', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

describe('a notice’s end from a given start, asked formally', () => {
  it.each([
    ['入选名单若于2023年11月13日开始公示，公示期至何日届满？', '2023年11月17日'],
    ['假定公示从2023年11月20日起，哪日期满', '2023年11月24日'],
    ['如公示自2023年11月6日开始，最早于哪一日结束？公示在什么平台？', '2023年11月10日'],
  ])('%s', (q, day) => {
    const a = ask(q).answer
    expect(a).toContain(day)
    expect(a).not.toContain('没有给这一步规定具体日期')
  })
})

describe('a mentor’s number of students is a point the plan leaves open', () => {
  it.each(['一名导师指导学生的人数有无上限规定', '导师最多能带几个学生', '一位导师可以指导多少个学员？有上限吗'])(
    '%s',
    (q) => {
      const r = ask(q)
      expect(judge(r.answer, SILENT)).toBe(true)
      expect(r.answer).not.toMatch(/^本计划按城市分配名额/)
    },
  )
})

describe('out of scope in a work voice names this program', () => {
  it.each([
    '我校教师拟申请省级教改课题，申报书的研究基础部分怎么写？',
    '请问国家自然科学基金青年项目的申请条件是什么？',
    '湖南有没有同类的青少年英才项目',
    '我们要调去广州工作了，那边有类似的培养计划吗',
  ])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('八桂青少年英才培养计划')
    expect(a).not.toContain('相应学科在本校年级前15%')
  })
})

describe('a supposition ending in 吧/嘛 leads up to the ask after it', () => {
  it.each([
    '河池的高一娃，物理前5%，河池以前跟柳州一起的吧，能不能算柳州名额',
    '玉林的高二学生，数学年级前3%，玉林离南宁近嘛，能不能报南宁的',
  ])('%s → the verdict: the school’s city decides', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.answer).toContain('暂不符合')
  })
})

describe('own formal questions: a share after a total, and a follow-up with no step of its own', () => {
  it('三市合计多少？南宁所占比例 → the total and the share, not a comparison', () => {
    const a = ask('按方案，三市合计选拔多少名学生？桂林市所占比例是多少？').answer
    expect(a).toContain('合计60名')
    expect(a).toContain('25%')
    expect(a).not.toContain('相比')
  })
  it.each([
    ['请问中期评价以何种形式开展？须在何时之前完成？', '2024年2月底前完成'],
    ['年度评价由谁组织？应于何时完成？', '2024年9月底前'],
  ])('%s → the step’s date for the bare follow-up', (q, expected) => {
    const a = ask(q).answer
    expect(a).toContain(expected)
    expect(a).not.toContain('具体时间，八桂')
  })
})

describe('days from a day the question gives to a dated step', () => {
  it.each([
    ['如某生于2023年10月18日递交申请表，距学校推荐截止尚有几天？', '还有6天'],
    ['若市科协2023年10月25日收到材料，离市级审核截止还剩几天', '还有2天'],
  ])('%s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

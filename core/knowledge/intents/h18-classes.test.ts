import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** Today's real date: the 2023 cohort's period is over, every dated answer carries the year note. */
const LATE = new Date('2026-12-02T10:00:00+08:00')

describe('the year note comes once, after the asked points', () => {
  it.each(['请问：1.市级审核何时截止？2.学校推荐何时截止？', '中期评价啥时候 年度评价又是啥时候'])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a.match(/以上是2023年这一期的安排/g)?.length).toBe(1)
    expect(a.endsWith('（电话0771-2809218）。')).toBe(true)
    expect(a).toContain('之后年度的实施方案还没有载入助手')
    expect([...a].length).toBeLessThanOrEqual(400)
  })
})

describe('visits still needed given visits done: the difference', () => {
  it.each([
    ['娃去广西大学参加了三次活动了，离要求还差几次啊', '7次'],
    ['我去师大上了7次课 还要去几次才够', '3次'],
    ['截至目前该生已到高校参加培养5次，请问本周期内尚需参加几次方可达到要求？', '5次'],
    ['学员已到校参加培养2次，至少还应到校培养多少次？', '8次'],
  ])('%s → %s', (q, n) => {
    expect(ask(q, LATE).answer).toContain(`至少还要${n}`)
  })
  it('a count already meeting the rule needs none more', () => {
    expect(ask('已经去了11次了，还差几次', LATE).answer).toContain('不用再补次数')
  })
})

describe('the end of the 5-working-day publicity from a given start', () => {
  it.each([
    ['名单要是礼拜三贴出来公示，没碰上放假的话，哪天到期？', '下周二'],
    ['公示如果星期一发出来 啥时候结束呀', '当周周五'],
    [
      '请协助确认：1.如公示自2023年11月13日（星期一）开始（含当日），期间无节假日，公示最后一天为几号？2.公示平台是哪个？',
      '2023年11月17日',
    ],
    ['假设入选名单于2023年11月20日起公示，公示期满是哪一天？', '2023年11月24日'],
  ])('%s → %s', (q, end) => {
    expect(ask(q, LATE).answer).toContain(end)
  })
})

describe('days between two steps’ deadlines asked indirectly', () => {
  it.each([
    '市科协审材料一共给了几天呀',
    '请问市级科协审核环节有几天时间？',
    '学校先把申请表交市科协，市科协再报管办，这俩截止日子中间隔几天',
    '学校推荐和市级审核都有截止日期，请问二者之间相差多少天？',
  ])('%s → 3天', (q) => {
    expect(ask(q, LATE).answer).toContain('3天')
  })
})

describe('the grade when the training period ends', () => {
  it.each([
    ['我家娃今年高一，要是入选了，培养完的时候读几年级了', '高二'],
    ['儿子读高二 选上的话 结束那会是不是已经高三了', '高三'],
    ['该生现为高二学生，若入选，培养周期结束时将就读几年级？', '高三'],
  ])('%s → %s', (q, g) => {
    const a = ask(q, LATE)
    expect(a.answer).toContain(`升入${g}`)
    expect(a.eligibility).toBeUndefined()
  })
})

describe('who carries out a named step: each party the plan names', () => {
  it.each([
    ['年终那个评价是谁来评的啊', ['管理办公室', '高校']],
    ['请问年度评价工作由哪些单位共同组织实施？', ['管理办公室', '高校']],
    ['中期评价哪个单位牵头', ['管理办公室', '高校']],
  ])('%s', (q, parties) => {
    const a = ask(q, LATE).answer
    for (const p of parties) expect(a).toContain(p)
  })
})

describe("the participating middle school's duties, asked by a parent or a school", () => {
  it.each(['我儿子上的那个高中要做哪些事', '娃读的学校在这个计划里要干嘛', '请问参与中学在本计划中须承担哪些工作？'])(
    '%s',
    (q) => {
      const a = ask(q, LATE).answer
      expect(a).toContain('参与中学')
      expect(a).toMatch(/宣传|推荐/)
    },
  )
})

describe("another province's program: not this one, with the office's number", () => {
  it.each([
    '贵州那边也有这种培养计划吗 咋报名',
    '我们刚从江西调过来，江西有没有差不多的英才项目',
    '请问广东省是否有与本计划类似的英才培养项目？如何申报？',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toContain('0771-2809218')
    expect(a).not.toContain('2023年10月24日')
  })
})

describe('a national olympiad prize won at the Guangxi division is a regional five-subject prize', () => {
  it.each([
    '我女儿高二参加全国中学生物理竞赛，得了广西赛区一等奖，能不能优先推荐？',
    '娃参加全国中学生数学奥林匹克竞赛，拿了省赛区三等奖 算优先不',
    '该学生参加全国中学生生物学联赛，获广西赛区（自治区级）二等奖，可否优先推荐？',
  ])('%s', (q) => {
    const a = ask(q, LATE)
    expect(a.answer).toMatch(/五项|学科竞赛/)
    expect(a.eligibility?.priority).not.toBe(false)
  })
})

describe('a sum of quotas compared with another city: the comparison word', () => {
  it.each([
    '柳州跟桂林的名额加一块，和南宁比哪个多',
    '请问：（1）柳州、桂林两市名额之和是多少？（2）该数与南宁市名额相比如何？',
    '报告需说明：1.南宁市名额多少？2.柳州、桂林两市名额相加，较南宁市是多是少？',
  ])('%s', (q) => {
    expect(ask(q, LATE).answer).toMatch(/相同|一样/)
  })
})

describe('students counted by grade range from per-grade numbers: a sum, not a verdict', () => {
  it.each([
    ['我们学校高一有500个人 高二480 高三450，能报名的年级一共多少人', '980'],
    ['本校初三学生600名、高一550名、高二530名，按遴选对象年级要求，可参与遴选的学生合计多少名？', '1080'],
  ])('%s → %s', (q, n) => {
    const a = ask(q, LATE)
    expect(a.answer).toContain(n)
    expect(a.eligibility).toBeUndefined()
  })
})

describe('what the plan does not say: says so, with the office, never a neighbouring fact', () => {
  it.each([
    '一个大学导师最多能带几个娃啊',
    '请问各高校导师每人最多可带多少名学生？',
    '成长日志要是忘交了会怎样',
    '学员提交《成长日志》有无时限要求？逾期未交如何处理？',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toContain('0771-2809218')
    expect(a).toMatch(/没有规定|未规定/)
    expect(a).not.toContain('南宁市30名')
  })
})

describe('re-applying after the period, as the second of a numbered ask', () => {
  it.each([
    '请说明：1.培养周期从何时到何时？2.一个培养周期结束后，学员报名参加下一年度培养，导师会如何考虑？',
    '培养要多久啊 完了以后明年还能接着报吗，导师会不会优先要',
  ])('%s', (q) => {
    const a = ask(q, LATE).answer
    expect(a).toContain('导师会优先考虑')
    expect(a.indexOf('导师会优先考虑')).toBeLessThan(a.indexOf('以上是2023年这一期的安排'))
    expect([...a].length).toBeLessThanOrEqual(400)
  })
})

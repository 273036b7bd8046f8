import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('the end of the notice from a given start day, in any wording', () => {
  it.each([
    '公示要是11月6日开始，最后截止在几号',
    '假设名单11月6日挂出来公示，到啥时候公示完',
    '如自2023年11月6日开始公示，公示期满之日为何日？',
    '名单要公式几天？如果11月6号开始公式，最迟好久结束',
  ])('%s → 11月10日', (q) => {
    expect(ask(q).answer).toContain('2023年11月10日结束')
  })
})

describe('spoken arithmetic', () => {
  it.each(['这个培养要搞好久嘛', '培养期一共多长时间，到哪个月结束'])('%s → 12 months to 2024年9月', (q) => {
    const a = ask(q).answer
    expect(a).toContain('12个月')
    expect(a).toContain('2024年9月')
  })
  it.each([
    ['孩子到桂师跑了4趟了，一个周期至少几次？还差几次嘛', '至少还要6次'],
    ['该生已赴广西科技大学参加培养5次。按最低要求尚需几次？', '至少还要5次'],
  ])('%s → the visits left', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it.each([
    ['今天10月21号，学校报名表啥时候节止？还剩几天', '还有3天'],
    ['现在是10月19日了。学校推荐还有几天截止？', '还有5天'],
  ])('%s → days from the day said to the deadline', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it('物理公式怎么推导 keeps 公式', () => {
    expect(ask('物理公式怎么推导').answer).not.toContain('公示期')
  })
})

describe('the last day of a 月底 step', () => {
  it.each(['中期评价2月底前完成，具体最晚是几号', '中期汇报2月底截止，那年2月有没有29号？'])('%s → 2月29日', (q) => {
    expect(ask(q).answer).toContain('2024年2月29日')
  })
  it('年度评价9月底 → 9月30日', () => {
    expect(ask('年度评价要求9月底前，那最后一天是哪天').answer).toContain('2024年9月30日')
  })
})

describe('two cities’ contacts, one asked in a remark', () => {
  it.each(['南宁的联系人是谁？桂林的也告诉我下', '柳州哪个老师负责？电话多少？南宁的也发一下哈'])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('5828180')
    expect(a).toMatch(/2819313|2628531/)
  })
})

describe('which university a city’s students go to: not set by the plan', () => {
  it.each(['柳州的学生是去哪个大学培养？可以自己挑学校吗', '我家在南宁，娃会不会分到科大去哦'])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('2809218')
    expect(a).toContain('没有规定')
  })
})

describe('mentors and their teams', () => {
  it('导师是不是随便哪个教授都能当 → the mentor kinds, no place', () => {
    const a = ask('导师是不是随便哪个教授都能当').answer
    expect(a).toContain('院士')
    expect(a).not.toContain('不在本计划的实施高校之内')
  })
  it('导师什么级别？团队成员有啥要求 → both', () => {
    const a = ask('导师一般是什么级别的？团队里的成员有啥要求').answer
    expect(a).toContain('长江学者')
    expect(a).toContain('博士学位')
  })
  it.each(['导师想拉一个硕士毕业的讲师进团队，这样可以吗', '某导师拟吸收一名硕士、讲师进入团队。请问是否符合要求？'])(
    '%s → 不符合',
    (q) => {
      expect(ask(q).answer).toContain('不符合')
    },
  )
})

describe('赶上报名 asks to apply', () => {
  it('城中区高三学生，数学竞赛全国二等奖，现在还赶得上报名吗 → ineligible', () => {
    const r = ask('城中区高三学生，数学竞赛全国二等奖，还能赶上报名吗')
    expect(r.eligibility?.verdict).toBe('ineligible')
  })
})

import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** Arithmetic over the plan's numbers and dates (issue 9, wider understanding). */
describe('arithmetic over the plan', () => {
  it('compares two cities without the word 名额', () => {
    expect(ask('南宁比桂林多几个').answer).toContain('南宁市比桂林市多15名')
  })
  it('counts the visits still needed', () => {
    expect(ask('已经去了3次大学了，还要去几次').answer).toContain('至少还要7次')
  })
  it('gives the days or months between two steps', () => {
    expect(ask('学校推荐截止到市级审核截止相差几天').answer).toContain('相差3天')
    expect(ask('中期评价到年度评价中间隔了几个月').answer).toContain('相差7个月')
  })
  it('counts the end of a 5-working-day notice from a given start on the holiday calendar', () => {
    expect(ask('公示5个工作日，要是10月30号开始公示，哪天结束').answer).toContain('到2023年11月3日结束')
    // 2023-10-01..06 are the National Day holidays; Saturday 10-07 and Sunday 10-08 are 调休 working days.
    expect(ask('如果9月30号开始公示，几号结束').answer).toContain('到2023年10月11日结束')
  })
  it('finds what follows a step asked as 之后是什么', () => {
    expect(ask('导师遴选之后是什么').answer).toContain('之后还要公示')
  })
})

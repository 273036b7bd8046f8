import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** Today's real date: the 2023 cohort's period is over, every dated answer carries the year note. */
const LATE = new Date('2026-12-02T10:00:00+08:00')
const within = (a: string) => expect([...a].length).toBeLessThanOrEqual(400)
/** Each group: one of its alternatives must be in the answer. */
const hasEach = (a: string, groups: string[][]) => {
  for (const g of groups) expect(g.some((w) => a.includes(w)), `${g.join('|')} in ${a}`).toBe(true)
}

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

import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('what a selected student does, and how the result is learnt', () => {
  it.each(['孩子进去以后主要参加什么活动', '入选后一般干什么', '录取了以后要参加哪些活动'])(
    '%s → 五（三） first, then 五（三）3',
    (q) => {
      const r = ask(q)
      expect(r.sources[0]?.section).toBe('五（三）')
      expect(r.answer).toContain('双校共学')
      expect(r.answer).toContain('科学营')
    },
  )
  it('leaves the next step after a named step to the selection chain', () => {
    expect(ask('公示结束后干什么').answer).toContain('见面会')
    expect(ask('入选后下一步是什么').answer).toContain('见面会')
  })
  it.each(['怎么知道孩子有没有选上', '结果在哪看', '去哪查名单', '选没选上怎么查'])('%s → 九（二）4', (q) => {
    const r = ask(q)
    expect(r.sources[0]?.section).toBe('九（二）4')
    expect(r.answer).toContain('云服务平台')
    expect(r.answer).toContain('5个工作日')
  })
  it('says the plan names no personal notice, with the office', () => {
    const r = ask('录取结果会通知我们吗')
    expect(r.answer).toContain('云服务平台')
    expect(r.answer).toContain('0771-2809218')
  })
})

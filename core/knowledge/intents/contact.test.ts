import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('contact', () => {
  it.each([
    ['南宁的联系电话', '戴溦', '0771-5828180'],
    ['柳州找谁咨询', '覃佩娟', '0772-2628531'],
    ['桂林联系人是谁', '张逢芳', '0773-2819313'],
    ['管理办公室电话多少', '覃毅峰', '0771-2809218'],
    ['临桂区的学生有问题打什么电话', '张逢芳', '0773-2819313'],
  ])('%s → %s %s', (q, person, phone) => {
    const r = ask(q)
    expect(r.intent).toBe('contact')
    expect(r.answer).toContain(person)
    expect(r.answer).toContain(phone)
    expect(r.sources.some((s) => s.section === '十一')).toBe(true)
  })
  it('gives the office and every city for a general question', () => {
    const r = ask('有问题找谁')
    for (const phone of ['0771-2809218', '0771-5828180', '0772-2628531', '0773-2819313'])
      expect(r.answer).toContain(phone)
  })
})

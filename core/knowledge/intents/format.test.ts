import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('the form or medium of a document', () => {
  it.each(['申请表交纸质版还是电子版', '报名材料要原件还是复印件', '申请表交几份', '申请表要贴照片吗'])(
    '%s: not set, the office, and the 《申请表》 fact',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('not_in_document')
      expect(r.answer).toContain('0771-2809218')
      expect(r.answer).toContain('附件2')
      expect(r.answer).toContain('2023年10月24日')
    },
  )
  it("gives the school's signature and stamp where the plan requires them", () => {
    expect(ask('申请表需要学校盖章吗').answer).toContain('公章')
  })
})

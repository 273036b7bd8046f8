import { describe, expect, it } from 'vitest'
import { program, ask } from '../../../test/helpers/qa'
import { MAX_ANSWER_CHARS } from '../answer'

describe('narrow facts, next steps, where to begin and money the plan leaves open', () => {
  it('prefers the fact whose answer says the detail asked (开放, 档案, 组织), and names both evaluations', () => {
    expect(ask('大学会不会向学员开放实验室').answer).toContain('开放实验室')
    expect(ask('中学要帮学生填档案吗').answer).toContain('培养档案')
    const both = ask('学员的评价方式是怎样的').answer
    expect(both).toContain('中期评价')
    expect(both).toContain('年度评价')
  })

  it('adds the runner-up fact when it alone says a specific word of the question (毕业)', () => {
    const a = ask('学员毕业以后中学还跟踪吗').answer
    expect(a).toMatch(/追踪|跟踪/)
    expect(a).toContain('毕业升学')
  })

  it('answers "审核通过后是不是就入选了" with the steps still to come, not a yes', () => {
    const a = ask('自治区审核过了是不是就算选上了')
    expect(a.intent).toBe('process')
    expect(a.answer).toMatch(/^不是，这一步过后还不算入选/)
    expect(a.answer).toContain('遴选候选人')
    expect(a.answer).toContain('导师遴选')
    expect(a.answer).toContain('5个工作日')
    expect([...a.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
    expect(ask('导师遴选结束了然后呢').answer).toContain('公示')
  })

  it('answers where to begin with applying through the school, not the phone list first', () => {
    for (const q of ['第一步要找谁', '想报名最先找哪里']) {
      const a = ask(q)
      expect(a.intent, q).toBe('process')
      expect(a.answer.startsWith('报名通过学生所在的中学'), q).toBe(true)
      expect(a.answer, q).toContain('2023年10月24日')
    }
  })

  it('says the plan is silent on who pays for materials, travel or meals, with no unrelated fact', () => {
    for (const q of ['实验耗材要家长出钱吗', '阅读书目的书要自己买吗', '交通费自己出吗']) {
      const a = ask(q)
      expect(a.intent, q).toBe('not_in_document')
      expect(a.answer, q).toContain(program.contacts[0]?.phone ?? '0771-2809218')
      expect(a.facts.length, q).toBe(1)
    }
  })
})

describe('an event asked about indirectly', () => {
  it('gives the dated step after one outside the selection', () => {
    expect(ask('中期汇报之后呢').answer).toContain('中期评价之后是年度评价（2024年9月底前）')
    expect(ask('见面会以后是什么').answer).toContain('之后是确定研究方向和选题')
  })
  it('keeps what a step involves with that step', () => {
    expect(ask('市科协收到申请表后审核的重点是啥').answer).toContain('完整性和规范性')
  })
  it('says both the day and the place of "that meeting" are not given, in one answer', () => {
    for (const q of ['那个见面会在哪里开，几号', '见面会是哪天在哪开']) {
      const r = ask(q)
      expect(r.answer.startsWith('师生见面会安排在2023年11月'), q).toBe(true)
      expect(r.answer).toContain('具体日期和具体地点')
    }
  })
})

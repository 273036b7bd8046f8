import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'

describe('who reviews after a step is the next step, not the step named', () => {
  it('"审核完之后还要谁审" lists the reviews that follow', () => {
    const a = ask('学校审核完之后还要谁审？')
    hasEach(a.answer, [['市级审核'], ['自治区级审核'], ['导师遴选']])
    expect(a.answer).not.toMatch(/^报名通过学生所在的中学/)
  })
})

describe('a priority condition settles nothing by itself', () => {
  it('"优先推荐是不是就等于直接录取" says no and names the steps after', () => {
    const a = ask('优先推荐是不是就等于直接录取了？')
    hasEach(a.answer, [['不是', '不等于'], ['导师遴选']])
  })
})

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

describe('an understanding said with 我理解…对吗 is checked', () => {
  it('a restriction (只负责) the article does not make is wrong', () => {
    hasEach(ask('管办的职责，我理解的是只负责审核申报材料，对吗？').answer, [['不正确'], ['制定实施方案']])
  })
  it('a unit swapped (自然日 for 工作日) is wrong, the number kept', () => {
    hasEach(ask('公示期为5个工作日，我理解为5个自然日即可，对吗？').answer, [['不正确'], ['5个工作日']])
    expect(ask('我理解公示期是5个工作日，对吗？').answer).toMatch(/^正确/)
  })
  it('both conditions said to be needed is wrong; either is right', () => {
    hasEach(ask('我理解的是学生需要同时满足相应学科年级前15%和综合成绩前20%两个条件，对吗？').answer, [
      ['不正确'],
      ['满足其一'],
    ])
  })
  it('a task given to another party (聘书由高校颁发) is wrong', () => {
    hasEach(ask('我理解导师聘书是由各参与高校自行颁发的，对吗？').answer, [['不正确'], ['管理办公室颁发聘书']])
  })
})

describe('a point left open about two subjects at once', () => {
  it('"两个方向一起报" is the open topic with the office’s number', () => {
    hasEach(ask('数学跟物理可以两个方向一起报吗？还是只能选一个').answer, [['没有规定'], ['2809218']])
  })
})

describe('who acts after a step is the next step', () => {
  it('"进了候选人之后，是谁来挑人" is the mentors’ selection organised by the cities', () => {
    hasEach(ask('进了候选人之后，是谁来挑人啊？大学老师直接挑吗').answer, [['导师遴选'], ['市科协']])
  })
})

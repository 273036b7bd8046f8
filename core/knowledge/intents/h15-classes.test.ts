import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('two quota comparisons in one message: each ask keeps its own cities', () => {
  it.each([
    ['柳州比南宁少几个名额？南宁桂林加起来跟柳州比哪个多', ['柳州市比南宁市少15名', '南宁市和桂林市合计45名']],
    ['南宁比桂林多几个人？柳州和桂林合计与南宁比呢', ['南宁市比桂林市多15名', '两者相同']],
    ['桂林的名额比南宁少多少？桂林柳州加一起跟南宁比，哪个多', ['桂林市比南宁市少15名', '两者相同']],
  ])('%s', (q, expected) => {
    const a = ask(q).answer
    for (const e of expected) expect(a).toContain(e)
  })
})

describe('days between two deadlines the message names', () => {
  it.each([
    '班主任说10月24号前表格交到市科协，市科协27号前再报上去，这两个日子相差几天？报给谁',
    '学校截止是10月24日，市里是27日，两者之间隔了几天',
    '学校把申请表交给市科协的截止日和市科协报给管理办公室的截止日之间差几天？',
  ])('%s → 3天', (q) => {
    expect(ask(q).answer).toContain('相差3天')
  })
})

describe('whether both rank conditions must be met: either suffices', () => {
  it.each([
    '单科排名跟综合排名是不是都得满足？',
    '学科前15%和综合前20%两个要同时满足吗',
    '数学前10%但总分前35%，两个都要达到才行吗',
  ])('%s → the rule', (q) => {
    const a = ask(q).answer
    expect(a).toContain('15%')
    expect(a).toContain('满足其一')
  })
  it('a described student asking to apply gets the verdict and the 15% line', () => {
    const a = ask('化学年级前13%，总分前40%，只满足其中一项就能报吧').answer
    expect(a).toContain('15%')
    expect(a).toContain('符合')
  })
})

describe('taking part again after the year: the plan’s rule', () => {
  it.each([
    '培养一年结束了，明年还想接着参加，还给报不',
    '一年搞完了娃想再来一年，行不行',
    '这期结束后继续做下一期的还收不？',
  ])('%s → 优先', (q) => {
    expect(ask(q).answer).toContain('优先')
  })
})

describe('who follows students up after the year', () => {
  it.each(['孩子培养完了以后升大学还有人管吗', '往届学生的追踪是哪个单位负责', '学完这一年后中学还管不管'])(
    '%s → each party',
    (q) => {
      const a = ask(q).answer
      expect(a).toContain('参与中学')
      expect(a).toContain('管理办公室')
    },
  )
})

describe('是否仍可申报 asks to apply', () => {
  it.each([
    ['柳州市某校高三学生黄某，物理年级前5%，高一时获全国物理竞赛二等奖，是否仍可申报？', 'ineligible'],
    ['桂林市一名高二学生，综合成绩年级前10%，还可以申请本年度计划吗', 'eligible'],
    ['南宁市某中学高三学生，获发明专利授权，仍可参加遴选吗？', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })
})

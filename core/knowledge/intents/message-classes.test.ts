import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('asks as WeChat writes them: spaces end sentences, conditions stay with their ask', () => {
  it('three asks separated by spaces are each answered', () => {
    const r = ask('娃在临桂读高二 想问几个事 培养从啥时候开始 最少要去大学几次 每次去完要做啥')
    expect(r.answer).toContain('2023年10月')
    expect(r.answer).toContain('不少于10次')
    expect(r.answer).toContain('成长日志')
  })
  it('a condition before an ask is read with it (若…，导师是否…)', () => {
    const r = ask('培养周期有几个月？周期结束后，学生如果报下一年度，导师会不会照顾？')
    expect(r.answer).toContain('12个月')
    expect(r.answer).toContain('优先考虑')
    expect(r.answer).not.toContain('院士')
  })
  it('a comparison before an ask is read with it (与…相比，留给…几天)', () => {
    const r = ask('市科协最晚哪天交管办？跟学校推荐截止比起来，市里审核有几天？')
    expect(r.answer).toContain('10月27日')
    expect(r.answer).toContain('相差3天')
  })
  it('a sentence that only explains why the ask is made is not the question', () => {
    const r = ask('请问承办单位是哪两家？我们学校要在通知里写清楚。')
    expect(r.answer).toMatch(/承办单位是广西青少年科技中心和广西科技馆/)
  })
})

describe('arithmetic over the plan’s numbers', () => {
  it.each([
    ['柳州占总名额的百分之几', '柳州市15名，占三市合计60名的25%'],
    ['南宁名额是不是占了一半', '正好一半'],
    ['柳州桂林加起来多少名？跟南宁比哪个多？', '与南宁市的30名相比，两者相同'],
    ['柳州市的学生全部录满，每人按最低次数到校，一共至少多少人次', '至少共150人次'],
    ['公示5个工作日，要是周四开始公示，没有节假日的话哪天结束', '到下周三结束'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

describe('the point asked, not a neighbouring one', () => {
  it('a document’s number with its year is the basis, not another year', () => {
    const r = ask('方案依据的那个通知文号是2022年多少号')
    expect(r.answer).toContain('科协办发青字〔2022〕37号')
    expect(r.answer).not.toContain('2022年度的方案')
  })
  it('作为参与高校 → the universities’ duties, with the asker’s university as context', () => {
    const r = ask('我在广西师范大学工作 学校作为参与高校要承担什么任务')
    expect(r.answer).toMatch(/^参与高校负责推荐导师人选/)
  })
  it('a school’s 推荐名单 is due to the city, not the published list', () => {
    const r = ask('我们学校的推荐名单最晚哪天交到市科协')
    expect(r.answer).toMatch(/^学校推荐的截止时间/)
    expect(r.answer).not.toContain('公示公布')
  })
  it('能报销吗 is about money, not about applying', () => {
    expect(ask('孩子在武鸣 去大学的路费能报销吗').intent).toBe('not_in_document')
  })
  it.each(['各高校之间的学科分工是怎样的', '生物专业由哪所大学负责'])('%s → open', (q) => {
    expect(ask(q).answer).toContain('三所高校各自负责哪些学科')
  })
  it('名额没录满能否调剂 → open', () => {
    expect(ask('要是我们市人数不够名额，剩下的名额能调剂给别的市吗').answer).toContain('名额能否在城市之间调剂')
  })
})

import { describe, expect, it } from 'vitest'
import { ask, judge } from '../../../test/helpers/qa'

const ON_TOPIC = [['英才', '培养计划', '计划相关', '项目相关']]
const SILENT = [['2809218'], ['未', '没有', '并无', '不涉及', '暂无', '没提', '没说', '无明确', '不清楚']]

describe('other exams and unrelated drafting, in a school or bureau voice', () => {
  it.each([
    '学考合格性考试啥时候报名啊',
    '请问2024年普通高中学业水平选择性考试的报名工作如何安排？',
    '今年中考体育考哪几项',
    '请问我市中考体育的测试项目及评分办法是什么？',
    '广西今年历史类本科线多少分',
    '请问我区去年高考特殊类型招生控制线是多少？',
    '帮忙起草一份德育处年度工作总结',
    '请代拟一份高一年级组期末工作总结。',
  ])('%s → the redirect naming the program, no plan dates', (q) => {
    const r = ask(q)
    expect(r.intent, r.answer).toBe('out_of_scope')
    expect(judge(r.answer, ON_TOPIC)).toBe(true)
    expect(r.answer).not.toMatch(/2023年|2024年/)
  })
  it('still answers the program’s own selection and plan topics', () => {
    expect(ask('英才计划遴选要笔试吗').intent).toBe('not_in_document')
    expect(ask('参加这个计划中考能加分吗').intent).toBe('not_in_document')
    expect(ask('学校推荐截止是哪天').answer).toContain('2023年10月24日')
    expect(ask('年度评价要交哪些材料').answer).toContain('成长日志')
    expect(ask('年度总结什么时候交').intent).not.toBe('out_of_scope')
    expect(ask('课题报告怎么撰写').intent).not.toBe('out_of_scope')
  })
})

describe('first meeting with the mentor, a step asked for time and organisation, school duties', () => {
  it.each(['入选以后什么时候和导师第一次见面', '请问学生入选后何时与导师见面？', '选上了多久能见到导师啊'])(
    '%s → the 11月 见面会',
    (q) => {
      const r = ask(q)
      expect(judge(r.answer, [['11月', '十一月'], ['见面会']]), r.answer).toBe(true)
      expect(r.answer, 'being selected is no lateness').not.toContain('逾期')
    },
  )
  it.each([
    ['中期评价什么时候搞，怎么组织', [['2月'], ['汇报']]],
    ['请问年度评价的时间节点和组织方式是怎样的？', [['9月'], ['课题报告', '成长日志']]],
  ])('%s → the step’s date and how it runs', (q, all) => {
    const r = ask(q)
    expect(judge(r.answer, all), r.answer).toBe(true)
    expect(r.answer).not.toContain('师生见面会')
  })
  it.each(['我们学校要负责啥呀', '孩子学校要干些啥，是不是就报个名', '请问参与中学在本计划中主要承担哪些工作？'])(
    '%s → the duties of schools (八（四）)',
    (q) =>
      expect(
        judge(ask(q).answer, [
          ['宣传', '发动'],
          ['学科教师', '指定专门'],
        ]),
        ask(q).answer,
      ).toBe(true),
  )
})

describe('points the plan leaves open, asked precisely', () => {
  it.each(['中学指导老师要中级职称吗', '请问担任中学指导教师有无职称方面的要求？', '指导教师必须是高级教师吗'])(
    '%s → not specified, with the office',
    (q) => {
      const r = ask(q)
      expect(judge(r.answer, SILENT, ['须具备中级', '需具备中级', '应具备中级']), r.answer).toBe(true)
    },
  )
  it('still says the title the plan does set for a mentor’s team', () => {
    expect(ask('导师团队的成员要副高职称吗').answer).toContain('副高以上职称')
  })
  it.each(['一个导师带多少学生', '请问每位导师指导几名学生？', '一个老师会带一大帮学生吗'])(
    '%s → not specified, with the office',
    (q) => {
      const r = ask(q)
      expect(judge(r.answer, SILENT, ['一对一', '每位导师带']), r.answer).toBe(true)
    },
  )
})

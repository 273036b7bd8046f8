import { describe, expect, it } from 'vitest'
import { commandText } from '../command-text'
import { routeOf } from '.'

const commandOf = (text: string) => routeOf(commandText(text), {} as never).command.name

describe('which command a message goes to', () => {
  it.each([
    ['写成长日志', 'growth_log'],
    ['提交成长日志', 'growth_log'],
    ['交一下成长日志～', 'growth_log'],
    ['帮我记录一下活动📝', 'growth_log'],
    ['我想写篇日志', 'growth_log'],
    ['帮我写成长日志', 'growth_log'],
    ['记录今天的活动', 'growth_log'],
    ['我的进度', 'my_progress'],
    ['在吗在吗 我想看看我现在完成得怎么样了', 'my_progress'],
    ['那我现在去了几次了啊😅', 'my_progress'],
    ['我现在几次了', 'my_progress'],
    ['孩子的进度', 'child_progress'],
    ['我娃进度咋样 到校够次数了没', 'child_progress'],
    ['老师您好 我是孩子妈妈 想问下孩子的进度', 'child_progress'],
    ['学生进度', 'students_progress'],
    ['我们学校学生完成得怎么样', 'students_progress'],
    ['本周摘要', 'weekly_digest'],
    ['这周学生情况', 'weekly_digest'],
    ['广播 南宁 周六开会', 'broadcast'],
    ['本群设置 南宁 家长', 'label_group'],
    ['转人工 能请假吗', 'handoff'],
    ['待处理', 'open_tickets'],
    ['回复 3 可以', 'answer_ticket'],
    ['客服待发', 'kf_held'],
    ['绑定 AB12CD34', 'bind'],
    ['帮助', 'help'],
    ['我家孩子能报名吗', 'eligibility'],
  ])('%s → %s', (text, name) => {
    expect(commandOf(text)).toBe(name)
  })

  it.each([
    '成长日志要写多少字？',
    '每次活动后都要写成长日志吗',
    '学生需要去大学几次？',
    '孩子至少要参加几次活动才算完成？',
    '回复我一下好吗',
    '广播站在哪里',
    '南宁市选拔多少名学生？',
    '改进了实验方法',
  ])('%s stays a question about the program', (text) => {
    expect(commandOf(text)).toBe('question')
  })
})

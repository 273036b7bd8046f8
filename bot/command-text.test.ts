import { describe, expect, it } from 'vitest'
import { commandText } from './command-text'

describe('commandText', () => {
  it.each([
    ['写成长日志', '写成长日志'],
    ['写成长日志吧😊', '写成长日志'],
    ['老师好，我想写成长日志！', '我想写成长日志'],
    ['请帮我看看我的进度呀~', '帮我看看我的进度'],
    ['确认！！', '确认'],
    ['确认 👍', '确认'],
    ['取消吧', '取消'],
    ['回复　３　可以', '回复 3 可以'],
    ['[微笑]我的进度', '我的进度'],
  ])('%j → %j', (input, output) => {
    expect(commandText(input)).toBe(output)
  })

  it('keeps a question word at the end: questions are not commands', () => {
    expect(commandText('南宁市选拔多少名学生？')).toBe('南宁市选拔多少名学生?')
  })
})

import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, maskName, maskPersonalData, maskPhones } from './logger'

describe('masking', () => {
  it('masks mobile numbers inside text and leaves other numbers', () => {
    expect(maskPhones('家长电话13812345678，备用 +86 15907711234')).toBe('家长电话138****5678，备用 +86 159****1234')
    expect(maskPhones('办公室 0771-2809218，名额30')).toBe('办公室 0771-2809218，名额30')
    expect(maskPhones('身份证450102200801011234')).toBe('身份证450102********1234')
  })

  it('masks names to their first character', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳小明')).toBe('欧***')
    expect(maskName('')).toBe('')
  })

  it('masks personal keys at any depth', () => {
    expect(
      maskPersonalData({
        student: { name: '李四', phone: '13912345678', grade: '高一' },
        list: [{ displayName: '王五' }],
      }),
    ).toEqual({ student: { name: '李*', phone: '139****5678', grade: '高一' }, list: [{ displayName: '王*' }] })
  })
})

describe('createLogger', () => {
  it('writes no name or phone of a person', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger('info', sink)
    logger.info({ person: { name: '赵小红', mobile: '18677712345' } }, '绑定了 13600001111')
    const out = lines.join('')
    expect(out).not.toMatch(/赵小红|18677712345|13600001111/)
    expect(out).toContain('赵**')
    expect(out).toContain('136****1111')
  })
})

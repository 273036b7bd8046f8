import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

describe('createLogger', () => {
  it('writes no name, phone, e-mail or ID number of a person', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger('info', sink)
    logger.info(
      { person: { name: '赵小红', mobile: '18677712345', email: 'zxh@qq.com' }, path: '/x/+86 138-1234-5678' },
      '绑定了 13600001111，我叫钱小明，身份证 450102200801011234',
    )
    const out = lines.join('')
    expect(out).not.toMatch(/赵小红|18677712345|zxh@|13600001111|钱小明|1234-5678|200801011234/)
    expect(out).toContain('赵**')
    expect(out).toContain('136****1111')
    expect(out).toContain('我叫钱**')
  })
})

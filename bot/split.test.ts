import { describe, expect, it } from 'vitest'
import { splitReply, utf8Bytes } from './split'

describe('splitReply', () => {
  it('leaves a short reply whole', () => {
    expect(splitReply('你好', 10)).toEqual(['你好'])
  })

  it('cuts at line ends, keeps the order and loses no character', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第${i + 1}行：校园活动 ${i}/10 次。`)
    const text = lines.join('\n')
    const parts = splitReply(text, 100)
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(100)
    expect(parts.join('\n')).toBe(text)
    for (const p of parts) expect(p.startsWith('第')).toBe(true)
  })

  it('counts bytes when told, never splitting a character', () => {
    const text = '广西'.repeat(1000)
    const parts = splitReply(text, 2048, utf8Bytes)
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(2048)
    expect(parts.join('')).toBe(text)
  })

  it('cuts at a sentence end when there is no line break', () => {
    const text = `${'甲'.repeat(60)}。${'乙'.repeat(60)}。`
    expect(splitReply(text, 80)).toEqual([`${'甲'.repeat(60)}。`, `${'乙'.repeat(60)}。`])
  })
})

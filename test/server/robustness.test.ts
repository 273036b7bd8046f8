import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { random } from '../../scripts/probe'
import { postJson, startTestServer, type TestServer } from '../helpers/server'

const PIECES = [
  '南宁',
  '柳州',
  '桂林',
  '阳朔',
  '横县',
  '玉林',
  '高一',
  '高三',
  '初二',
  '年级前',
  '第',
  '名',
  '%',
  '百分之',
  '十五',
  '二十',
  '0',
  '7',
  '100',
  '150',
  '能报吗',
  '名额',
  '截止',
  '几号',
  '电话',
  '导师',
  '专利',
  '授权',
  '竞赛',
  '一等奖',
  '自治区',
  '全国',
  '？',
  '，',
  '。',
  '！',
  '…',
  ' ',
  '\n',
  '😀',
  '🎓',
  'ABC',
  'x²',
  '<script>',
  '"',
  "'",
  '\\',
  '{}',
  '[]',
  '%s',
  '${x}',
  '\u200b',
  '\u2005',
  'ｑｕｏｔａ',
  '０７７１',
  '--',
  '　',
]

function messyQuestion(next: () => number): string {
  const n = 1 + Math.floor(next() * 12)
  let q = ''
  for (let i = 0; i < n; i++) q += PIECES[Math.floor(next() * PIECES.length)]
  return q
}

describe('messy questions', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('always get a readable Chinese answer within 400 characters, never an error', async () => {
    const next = random(20231024)
    for (let i = 0; i < 150; i++) {
      const question = messyQuestion(next)
      const r = await postJson(server.base, '/api/v1/qa', { question })
      if (question.trim() === '' || [...question.trim()].length === 0) {
        expect(r.status, JSON.stringify(question)).toBe(400)
        continue
      }
      expect(r.status, JSON.stringify(question)).toBe(200)
      const answer: string = r.body.answer
      expect(answer.length, JSON.stringify(question)).toBeGreaterThan(0)
      expect([...answer].length, JSON.stringify(question)).toBeLessThanOrEqual(400)
      expect(answer, JSON.stringify(question)).not.toMatch(/undefined|NaN|null|\[object|Error/)
      expect(answer, JSON.stringify(question)).toMatch(/[\u4e00-\u9fff]/)
    }
  }, 60_000)

  it('eligibility answers every well-typed profile, however odd its words', async () => {
    const next = random(5)
    for (let i = 0; i < 60; i++) {
      // Within the schema's lengths (city ≤ 100, grade ≤ 20 characters); longer ones are a 400, tested elsewhere.
      const profile = {
        city: messyQuestion(next).slice(0, 100),
        grade: messyQuestion(next).slice(0, 20),
        subjectRankPercent: 1 + Math.floor(next() * 99),
      }
      const r = await postJson(server.base, '/api/v1/eligibility', profile)
      expect(r.status, JSON.stringify(profile)).toBe(200)
      expect(['eligible', 'ineligible', 'unknown']).toContain(r.body.verdict)
      for (const c of r.body.checks) expect(c.message).not.toMatch(/undefined|NaN/)
    }
  }, 60_000)
})

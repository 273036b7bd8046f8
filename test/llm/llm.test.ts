import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLlm, type Llm, type RephraseInput } from '../../core/llm/llm'
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fakes/openai-server'
import { FACTS } from './facts'

const TIMEOUT_MS = 400

/** The deterministic answer carries a student's name and mobile, which must never reach the model. */
const input: RephraseInput = {
  question: '学校最晚什么时候交申请表？我的电话是13912345678',
  facts: FACTS.slice(0, 2),
  fallback: {
    answer: '王小明同学（13800001111）：学校须在2023年10月24日前把申请表交到当地市级科协。',
    sources: [{ section: '九（二）1', title: '学校推荐' }],
  },
}

const json = (value: unknown) => JSON.stringify(value)

let fake: FakeOpenAiServer
let llm: Llm

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  llm = createLlm({ apiKey: 'test-key', baseUrl: fake.baseUrl, model: 'fake-model', timeoutMs: TIMEOUT_MS })
})

afterAll(async () => {
  await fake.close()
})

beforeEach(() => {
  fake.requests.length = 0
})

describe('createLlm().rephrase against a local OpenAI-compatible server', () => {
  it('uses a good answer and cites the facts it rests on', async () => {
    fake.reply({ content: json({ answer: '学校要在2023年10月24日前把申请表交给市科协。', sources: ['九(二)1'] }) })
    const result = await llm.rephrase(input)
    expect(result).toEqual({
      answer: '学校要在2023年10月24日前把申请表交给市科协。',
      sources: [{ section: '九（二）1', title: '学校推荐' }],
      usedLlm: true,
    })
  })

  it('sends only the question and the retrieved facts, without personal data', async () => {
    fake.reply({ content: json({ answer: '学校要在10月24日前提交。', sources: ['九（二）1'] }) })
    await llm.rephrase(input)
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request!.path).toBe('/v1/chat/completions')
    expect(request!.headers.authorization).toBe('Bearer test-key')
    const body = request!.body as {
      model: string
      response_format: unknown
      messages: { role: string; content: string }[]
    }
    expect(body.model).toBe('fake-model')
    expect(body.response_format).toEqual({ type: 'json_object' })
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user'])
    const user = body.messages[1]!.content
    expect(user).toContain('学校最晚什么时候交申请表？')
    for (const fact of input.facts) {
      expect(user).toContain(fact.section)
      expect(user).toContain(fact.text)
    }
    // Neither the student's own mobile in the question nor anything of the fallback answer leaves.
    expect(request!.rawBody).not.toContain('13912345678')
    expect(request!.rawBody).not.toContain('王小明')
    expect(request!.rawBody).not.toContain('13800001111')
    expect(user).toContain('139****5678')
  })

  it.each([
    [
      'an invented date',
      { content: json({ answer: '学校要在2023年10月30日前提交。', sources: ['九（二）1'] }) },
      'invented date 2023年10月30日',
    ],
    [
      'an invented number',
      { content: json({ answer: '南宁市选拔35名学生。', sources: ['三（一）'] }) },
      'invented number 35',
    ],
    [
      'an unknown source',
      { content: json({ answer: '学校要在10月24日前提交。', sources: ['九（二）3'] }) },
      'source not among the facts: 九（二）3',
    ],
    ['a 500', { status: 500, message: 'boom' }, 'http 500'],
    ['malformed JSON content', { content: '{"answer": "学校要在10月24日前提交。", "sources": [' }, 'malformed JSON'],
    [
      'JSON of the wrong shape',
      { content: json({ reply: '学校要在10月24日前提交。' }) },
      'schema: answer Invalid input: expected string, received undefined',
    ],
    [
      'an over-long answer',
      { content: json({ answer: '好'.repeat(401), sources: [] }) },
      'schema: answer Too big: expected string to have <=400 characters',
    ],
    ['an empty message', { content: '' }, 'empty response'],
  ])('keeps the deterministic answer on %s', async (_, reply, reason) => {
    fake.reply(reply)
    const result = await llm.rephrase(input)
    expect(result).toEqual({ answer: input.fallback.answer, sources: input.fallback.sources, usedLlm: false, reason })
    // maxRetries 0: one request, even after an error.
    expect(fake.requests).toHaveLength(1)
  })

  it('keeps the deterministic answer when the HTTP body is not JSON at all', async () => {
    fake.reply({ rawBody: '<html>bad gateway</html>' })
    const result = await llm.rephrase(input)
    expect(result.usedLlm).toBe(false)
    expect(result.answer).toBe(input.fallback.answer)
    expect(result.reason).toMatch(/^error: /)
  })

  it('gives up at the timeout and returns about then', async () => {
    fake.reply({ content: json({ answer: '学校要在10月24日前提交。', sources: ['九（二）1'] }), delayMs: 3000 })
    const started = Date.now()
    const result = await llm.rephrase(input)
    const elapsed = Date.now() - started
    expect(result).toEqual({
      answer: input.fallback.answer,
      sources: input.fallback.sources,
      usedLlm: false,
      reason: 'timeout',
    })
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20)
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 400)
  })

  it('does not call the model when there are no facts to rephrase', async () => {
    const result = await llm.rephrase({ ...input, facts: [] })
    expect(result).toMatchObject({ usedLlm: false, reason: 'no facts to rephrase' })
    expect(fake.requests).toHaveLength(0)
  })

  it('falls back when nothing listens at the base URL', async () => {
    const closed = await startFakeOpenAiServer()
    const baseUrl = closed.baseUrl
    await closed.close()
    const offline = createLlm({ apiKey: 'k', baseUrl, model: 'm', timeoutMs: TIMEOUT_MS })
    const result = await offline.rephrase(input)
    expect(result.usedLlm).toBe(false)
    expect(result.reason).toMatch(/^connection error/)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { forgetPlanArticles } from '../../core/knowledge/ask-question'
import { parsePlanText } from '../../core/knowledge/plan-text'
import { savePlanArticles } from '../../core/knowledge/plan-articles'
import { createLlm } from '../../core/llm'
import { QuestionReview } from '../../entities/question-review.entity'
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fakes/openai-server'
import { eventually, postJson, startTestServer, type TestServer } from '../helpers/server'

describe('POST /api/v1/qa with the plan text loaded', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    forgetPlanArticles()
    await server.close()
  })

  it('quotes the article an answer rests on, in sources, not in the answer', async () => {
    const before = await postJson(server.base, '/api/v1/qa', { question: '柳州市能选几个学生？' })
    expect(before.body.sources.every((s: { quote?: string }) => s.quote === undefined)).toBe(true)

    // An article text of our own for 四（二）1, numbered as the plan numbers it.
    const text = '四、学生\n（二）学生遴选\n1.遴选对象：示例城市的高一学生，柳州市名额示例文字。\n'
    await savePlanArticles(server.dataSource, 2023, parsePlanText(text))
    forgetPlanArticles()
    const after = await postJson(server.base, '/api/v1/qa', { question: '柳州市能选几个学生？' })
    expect(after.status).toBe(200)
    const source = after.body.sources.find((s: { section: string }) => s.section === '四（二）1')
    expect(source.quote).toContain('柳州市名额示例文字')
    expect(after.body.answer).not.toContain('示例文字')
  })

  it('records a low-confidence question for the office, with phone numbers masked', async () => {
    const repo = server.dataSource.getRepository(QuestionReview)
    const before = await repo.count()
    await postJson(server.base, '/api/v1/qa', { question: '英才计划那个东西怎么弄？回我13812345678' })
    // Recorded off the request path: the answer does not wait for the database.
    await eventually(async () => (await repo.count()) === before + 1)
    const rows = await repo.find({ order: { id: 'DESC' }, take: 1 })
    expect(rows[0]?.question).toContain('138****5678')
    expect(rows[0]?.confidence).toBeLessThan(0.5)
    expect(rows[0]?.createdAt.toISOString()).toBe('2023-10-20T02:00:00.000Z')
    await postJson(server.base, '/api/v1/qa', { question: '英才计划那个东西怎么弄？回我13812345678' })
    await new Promise((r) => setTimeout(r, 50))
    expect(await repo.count(), 'the same question on the same day is recorded once').toBe(before + 1)
  })

  it('does not record a confident answer', async () => {
    const repo = server.dataSource.getRepository(QuestionReview)
    const before = await repo.count()
    await postJson(server.base, '/api/v1/qa', { question: '管理办公室的电话是多少' })
    await new Promise((r) => setTimeout(r, 50))
    expect(await repo.count()).toBe(before)
  })
})

describe('POST /api/v1/qa with an LLM configured', () => {
  let fake: FakeOpenAiServer
  let server: TestServer
  beforeAll(async () => {
    fake = await startFakeOpenAiServer()
    server = await startTestServer({
      llm: createLlm({ apiKey: 'test', baseUrl: fake.baseUrl, model: 'fake', timeoutMs: 500 }),
    })
  })
  afterEach(() => {
    fake.requests.length = 0
  })
  afterAll(async () => {
    await server.close()
    await fake.close()
  })

  it('uses the model when its answer keeps to the facts, and sends it nothing personal', async () => {
    fake.reply({ content: JSON.stringify({ answer: '柳州市的名额是15名。', sources: ['四（二）1'] }) })
    const r = await postJson(server.base, '/api/v1/qa', { question: '柳州有几个名额？我的号是13812345678' })
    expect(r.status).toBe(200)
    expect(r.body.answer).toBe('柳州市的名额是15名。')
    expect(fake.requests).toHaveLength(1)
    const sent = fake.requests[0]?.rawBody ?? ''
    expect(sent).not.toContain('13812345678')
  })

  it('falls back to the deterministic answer when the model invents a date', async () => {
    fake.reply({ content: JSON.stringify({ answer: '柳州市的名额是15名，11月3日前报名。', sources: ['四（二）1'] }) })
    const r = await postJson(server.base, '/api/v1/qa', { question: '柳州有几个名额？' })
    expect(r.status).toBe(200)
    expect(r.body.answer).not.toContain('11月3日')
    expect(r.body.answer).toContain('15')
  })

  it('falls back when the model fails or is slow', async () => {
    fake.reply({ status: 500 })
    const failed = await postJson(server.base, '/api/v1/qa', { question: '柳州有几个名额？' })
    expect(failed.status).toBe(200)
    expect(failed.body.answer).toContain('15')
    fake.reply({ content: JSON.stringify({ answer: '15名', sources: [] }), delayMs: 2000 })
    const started = Date.now()
    const slow = await postJson(server.base, '/api/v1/qa', { question: '柳州有几个名额？' })
    expect(slow.status).toBe(200)
    expect(slow.body.answer).toContain('15')
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('asks the model nothing for a question outside the program', async () => {
    fake.reply({ content: JSON.stringify({ answer: '明天晴', sources: [] }) })
    const r = await postJson(server.base, '/api/v1/qa', { question: '南宁明天会下雨吗' })
    expect(r.body.intent).toBe('out_of_scope')
    expect(fake.requests).toHaveLength(0)
  })
})

it('the plan-text fixture of the tests is the project’s own, not the real plan', () => {
  const fixture = readFileSync(join(__dirname, '../fixtures/plan-sample.txt'), 'utf8')
  expect(fixture).not.toContain('八桂')
})

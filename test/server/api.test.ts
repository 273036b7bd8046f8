import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getJson, postJson, startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('GET /healthz', () => {
  it('answers 200 ok once the database is migrated', async () => {
    expect(await getJson(server.base, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } })
  })
})

describe('GET /api/v1/milestones', () => {
  it('lists every dated step of the 2023 plan in date order', async () => {
    const { status, body } = await getJson(server.base, '/api/v1/milestones?cohort=2023')
    expect(status).toBe(200)
    const dues = body.map((m: { due: string }) => m.due)
    expect(dues).toEqual([...dues].sort())
    const byKey = Object.fromEntries(body.map((m: { key: string; due: string }) => [m.key, m.due]))
    expect(byKey).toMatchObject({
      school_submission: '2023-10-24',
      city_review: '2023-10-27',
      meet_and_greet: '2023-11-30',
      research_direction: '2023-12-31',
      midterm_evaluation: '2024-02-29',
      annual_evaluation: '2024-09-30',
    })
    expect(body[0]).toMatchObject({
      key: 'school_submission',
      section: '九（二）1',
      audience: expect.arrayContaining(['school']),
    })
    const meet = body.find((m: { key: string }) => m.key === 'meet_and_greet')
    expect(`${meet.title}${meet.note ?? ''}`).toContain('11月')
  })

  it('uses the latest cohort when none is named', async () => {
    const latest = await getJson(server.base, '/api/v1/milestones')
    const named = await getJson(server.base, '/api/v1/milestones?cohort=2023')
    expect(latest).toEqual(named)
  })

  it('refuses a cohort that is not a year with 400, and an unknown year with 404', async () => {
    const bad = await getJson(server.base, '/api/v1/milestones?cohort=abc')
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation')
    expect(bad.body.error.message).toMatch(/^cohort: /)
    const unknown = await getJson(server.base, '/api/v1/milestones?cohort=2019')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('not_found')
  })
})

describe('unknown routes', () => {
  it('answer 404 in the error shape', async () => {
    const r = await getJson(server.base, '/api/v1/nothing-here')
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/v1/nothing-here') } })
  })

  it('answer a method a route lacks with 405 in the error shape, naming the allowed ones', async () => {
    const r = await getJson(server.base, '/api/v1/qa')
    expect(r.status).toBe(405)
    expect(r.body).toEqual({ error: { code: 'method_not_allowed', message: expect.stringContaining('POST') } })
    const del = await fetch(`${server.base}/healthz`, { method: 'DELETE' })
    expect(del.status).toBe(405)
    expect(((await del.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed')
  })
})

describe('POST /api/v1/qa', () => {
  it('answers a question with its sources', async () => {
    const r = await postJson(server.base, '/api/v1/qa', { question: '南宁市一共选多少个学生', cohort: 2023 })
    expect(r.status).toBe(200)
    expect(r.body.answer).toContain('30')
    expect(r.body.intent).toBeTypeOf('string')
    expect(r.body.sources.map((s: { section: string }) => s.section)).toContain('四（二）1')
  })

  it.each([
    [{}, 'question: 必填'],
    [{ question: '' }, 'question: 不能为空'],
    [{ question: '   ' }, 'question: 不能为空'],
    [{ question: 42 }, 'question: 须为文字'],
    [{ question: '问'.repeat(501) }, 'question: 最多 500 个字'],
    [{ question: '名额', cohort: 'next' }, 'cohort: 须为年份，例如 2023'],
  ])('refuses %j with 400 validation', async (body, message) => {
    const r = await postJson(server.base, '/api/v1/qa', body)
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ error: { code: 'validation', message } })
  })

  it('refuses a body that is not JSON, or not an object', async () => {
    const notJson = await postJson(server.base, '/api/v1/qa', '{question:')
    expect(notJson.status).toBe(400)
    expect(notJson.body.error.code).toBe('invalid_json')
    const array = await postJson(server.base, '/api/v1/qa', [1, 2])
    expect(array.status).toBe(400)
    expect(array.body.error.code).toBe('validation')
    const empty = await postJson(server.base, '/api/v1/qa', '')
    expect(empty.status).toBe(400)
  })

  it('refuses another content type with 415 and a huge body with 413', async () => {
    const text = await postJson(server.base, '/api/v1/qa', 'question=hi', { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    expect(text.body.error.code).toBe('unsupported_media_type')
    const huge = await postJson(server.base, '/api/v1/qa', { question: 'x'.repeat(40_000) })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('too_large')
  })

  it('answers an unknown cohort with 404', async () => {
    const r = await postJson(server.base, '/api/v1/qa', { question: '名额多少', cohort: 2031 })
    expect(r.status).toBe(404)
  })
})

describe('POST /api/v1/eligibility', () => {
  it('checks a profile', async () => {
    const r = await postJson(server.base, '/api/v1/eligibility', {
      city: '南宁市',
      grade: '高一',
      subjectRankPercent: 10,
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ verdict: 'eligible', priority: false, missing: [] })
    expect(r.body.checks.length).toBeGreaterThan(0)
  })

  it('says what is missing', async () => {
    const r = await postJson(server.base, '/api/v1/eligibility', { grade: '高一' })
    expect(r.status).toBe(200)
    expect(r.body.verdict).toBe('unknown')
    expect(r.body.missing).toContain('city')
  })

  it.each([
    [{ subjectRankPercent: 'ten' }, /^subjectRankPercent: /],
    [{ subjectRankPercent: -3 }, /^subjectRankPercent: /],
    [{ awards: [{ category: 'chess', level: 'national', stage: 'senior' }] }, /^awards\.0\.category: /],
    [{ patents: [{ type: 'invention', granted: 'yes' }] }, /^patents\.0\.granted: /],
    [{ city: '' }, /^city: /],
    [{ grade: 'x'.repeat(30) }, /^grade: /],
  ])('refuses %j with 400', async (body, message) => {
    const r = await postJson(server.base, '/api/v1/eligibility', body)
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('validation')
    expect(r.body.error.message).toMatch(message)
    // zod's own messages in Chinese (its zh-CN locale), never its English defaults.
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(r.body.error.message).not.toMatch(/Invalid|expected|received/i)
  })
})

describe('request log', () => {
  it('logs each request without its body', async () => {
    await postJson(server.base, '/api/v1/qa', { question: '我叫王小明，电话13812345678，南宁名额多少' })
    const lines = server.logLines.join('')
    expect(lines).toContain('"path":"/api/v1/qa"')
    expect(lines).not.toContain('13812345678')
    expect(lines).not.toContain('王小明')
  })
})

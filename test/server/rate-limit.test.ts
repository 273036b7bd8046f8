import { afterAll, beforeAll, expect, it } from 'vitest'
import { postJson, startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ qaRateLimitPerMinute: 3 })
})
afterAll(async () => {
  await server.close()
})

it('limits each client to its quota per minute, with 429 and Retry-After', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 4; i++) statuses.push((await postJson(server.base, '/api/v1/qa', { question: '名额' })).status)
  expect(statuses).toEqual([200, 200, 200, 429])
  const limited = await postJson(server.base, '/api/v1/eligibility', { grade: '高一' })
  expect(limited.status).toBe(429)
  expect(limited.body.error.code).toBe('rate_limited')
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
})

it('counts each forwarded client on its own behind a trusted proxy', async () => {
  const proxied = await startTestServer({ qaRateLimitPerMinute: 2, trustProxy: true })
  try {
    const ask = (ip: string) =>
      postJson(proxied.base, '/api/v1/qa', { question: '名额' }, { 'x-forwarded-for': ip }).then((r) => r.status)
    expect([await ask('203.0.113.5'), await ask('203.0.113.5'), await ask('203.0.113.5')]).toEqual([200, 200, 429])
    expect(await ask('198.51.100.7')).toBe(200)
  } finally {
    await proxied.close()
  }
})

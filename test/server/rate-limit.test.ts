import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseRateLimitStore } from '../../server/middlewares/rate-limit'
import { testDataSource, testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, postJson, startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ qaRateLimitPerMinute: 3 })
})
afterAll(async () => {
  await server.close()
})

it('limits each client to its quota per minute, with 429 and Retry-After, loopback included', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 4; i++) statuses.push((await postJson(server.base, '/api/v1/qa', { question: '名额' })).status)
  expect(statuses).toEqual([200, 200, 200, 429])
  const limited = await postJson(server.base, '/api/v1/eligibility', { grade: '高一' })
  expect(limited.status).toBe(429)
  expect(limited.body.error.code).toBe('rate_limited')
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
})

describe('behind reverse proxies', () => {
  const ask = (s: TestServer, forwardedFor: string) =>
    postJson(s.base, '/api/v1/qa', { question: '名额' }, { 'x-forwarded-for': forwardedFor }).then((r) => r.status)

  it('with TRUST_PROXY=1 believes only the address the proxy added, not what the client wrote before it', async () => {
    const proxied = await startTestServer({ qaRateLimitPerMinute: 2, trustProxy: 1 })
    try {
      // The proxy appends the address it saw; whatever the client put to the left is its own invention.
      expect([
        await ask(proxied, '10.0.0.1, 203.0.113.5'),
        await ask(proxied, '10.0.0.2, 203.0.113.5'),
        await ask(proxied, '10.0.0.3, 203.0.113.5'),
      ]).toEqual([200, 200, 429])
      expect(await ask(proxied, '203.0.113.5, 198.51.100.7')).toBe(200)
    } finally {
      await proxied.close()
    }
  })

  it('with TRUST_PROXY=2 takes the address two hops from the right', async () => {
    const proxied = await startTestServer({ qaRateLimitPerMinute: 1, trustProxy: 2 })
    try {
      expect(await ask(proxied, '1.1.1.1, 203.0.113.9, 10.0.0.2')).toBe(200)
      expect(await ask(proxied, '2.2.2.2, 203.0.113.9, 10.0.0.3')).toBe(429)
      expect(await ask(proxied, '2.2.2.2, 203.0.113.10, 10.0.0.3')).toBe(200)
    } finally {
      await proxied.close()
    }
  })

  it('with TRUST_PROXY=0 ignores X-Forwarded-For altogether', async () => {
    const direct = await startTestServer({ qaRateLimitPerMinute: 1 })
    try {
      expect(await ask(direct, '203.0.113.1')).toBe(200)
      expect(await ask(direct, '203.0.113.2')).toBe(429)
    } finally {
      await direct.close()
    }
  })
})

describe.each(testDbKinds())('limits shared between instances through the database (%s)', (kind) => {
  it('counts a client across two instances on one database', async () => {
    const db = await freshDatabaseUrl(kind)
    const a = await startTestServer({ url: db.url, qaRateLimitPerMinute: 3, trustProxy: 1 })
    const b = await startTestServer({ url: db.url, qaRateLimitPerMinute: 3, trustProxy: 1 })
    try {
      const ask = (s: TestServer) =>
        postJson(s.base, '/api/v1/qa', { question: '名额' }, { 'x-forwarded-for': '203.0.113.77' }).then(
          (r) => r.status,
        )
      expect([await ask(a), await ask(b), await ask(a), await ask(b)]).toEqual([200, 200, 200, 429])
      expect(await ask(a)).toBe(429)
    } finally {
      await a.close()
      await b.close()
      await db.drop()
    }
  })
})

describe.each(testDbKinds())('the database store under concurrent hits (%s)', (kind) => {
  it('gives every hit of a burst its own count, loses none, and a second instance goes on from there', async () => {
    const db = await testDataSource(kind)
    try {
      const a = databaseRateLimitStore(db.dataSource, { timeoutMs: 5_000 })
      const b = databaseRateLimitStore(db.dataSource, { timeoutMs: 5_000 })
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).hit('qa|203.0.113.8', 1_000)),
      )
      expect([...burst].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
      expect(await a.hit('qa|203.0.113.8', 1_000)).toBe(61)
      expect(await b.hit('qa|203.0.113.9', 1_000)).toBe(1)
      const rows: { hits: number | string }[] = await db.dataSource.query(
        kind === 'sqlite'
          ? 'SELECT "hits" FROM "rate_limit_window" WHERE "bucket" = ?'
          : 'SELECT `hits` FROM `rate_limit_window` WHERE `bucket` = ?',
        ['qa|203.0.113.8'],
      )
      expect(rows.map((r) => Number(r.hits))).toEqual([61])
    } finally {
      await db.close()
    }
  })
})

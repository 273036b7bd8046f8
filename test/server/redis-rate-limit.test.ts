import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { createClient } from 'redis'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../core/logger'
import { memoryRateLimitStore, type RateLimitStore } from '../../server/middlewares/rate-limit'
import { redisRateLimitStore } from '../../server/middlewares/redis-rate-limit'
import { startTcpProxy } from '../fakes/tcp-proxy'
import { eventually, postJson, startTestServer, type TestServer } from '../helpers/server'

const REDIS = { host: '127.0.0.1', port: 6379 }

/** Whether a Redis answers on 127.0.0.1:6379; the suite is skipped without one. */
async function redisAnswers(): Promise<boolean> {
  const probe = createClient({
    url: `redis://${REDIS.host}:${REDIS.port}`,
    socket: { connectTimeout: 500, reconnectStrategy: false },
  })
  probe.on('error', () => undefined)
  try {
    await probe.connect()
    await probe.ping()
    probe.destroy()
    return true
  } catch {
    return false
  }
}

let available = false
const prefix = `assistant-test:${randomUUID()}:`
const direct = createClient({ url: `redis://${REDIS.host}:${REDIS.port}` })

/** A store with a fallback that records what it counted, so a test sees where each hit went. */
function countingFallback(): RateLimitStore & { hits: string[] } {
  const memory = memoryRateLimitStore()
  const hits: string[] = []
  return {
    hits,
    hit(bucket, windowStart) {
      hits.push(bucket)
      return memory.hit(bucket, windowStart)
    },
  }
}

async function ready(store: { hit: RateLimitStore['hit'] }, fallback: { hits: string[] }) {
  // Connecting happens in the background: wait until a probe hit is counted by Redis, not the fallback.
  await eventually(async () => {
    const before = fallback.hits.length
    await store.hit(`${prefix}probe`, 0)
    return fallback.hits.length === before
  })
}

describe('rate limits shared through Redis (REDIS_URL)', () => {
  beforeAll(async () => {
    available = await redisAnswers()
    if (!available) return
    direct.on('error', () => undefined)
    await direct.connect()
  })
  // Skipped, and said so in the report, where no Redis answers on 127.0.0.1:6379.
  beforeEach((ctx) => {
    if (!available) ctx.skip('no Redis on 127.0.0.1:6379')
  })
  afterAll(async () => {
    if (!direct.isOpen) return
    const keys = await direct.keys(`${prefix}*`)
    if (keys.length > 0) await direct.del(keys)
    direct.destroy()
  })

  it('gives every hit of a burst from two instances its own count, with the window expiring', async () => {
    const fa = countingFallback()
    const fb = countingFallback()
    const a = redisRateLimitStore(`redis://${REDIS.host}:${REDIS.port}`, { fallback: fa, prefix })
    const b = redisRateLimitStore(`redis://${REDIS.host}:${REDIS.port}`, { fallback: fb, prefix })
    try {
      await ready(a, fa)
      await ready(b, fb)
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).hit('qa|203.0.113.8', 1_000)),
      )
      expect([...burst].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
      expect(await b.hit('qa|203.0.113.9', 1_000)).toBe(1)
      const ttl = await direct.pTTL(`${prefix}qa|203.0.113.8|1000`)
      expect(ttl).toBeGreaterThan(60_000)
      expect(ttl).toBeLessThanOrEqual(120_000)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('counts a client across two instances that share no database', async () => {
    const stores = [countingFallback(), countingFallback()].map((fallback) => ({
      fallback,
      store: redisRateLimitStore(`redis://${REDIS.host}:${REDIS.port}`, { fallback, prefix }),
    }))
    for (const { store, fallback } of stores) await ready(store, fallback)
    // Each instance on its own SQLite file: only Redis can carry the count from one to the other.
    const [a, b] = (await Promise.all(
      stores.map(({ store }) => startTestServer({ qaRateLimitPerMinute: 3, trustProxy: 1, rateLimits: store })),
    )) as [TestServer, TestServer]
    try {
      const ask = (s: TestServer) =>
        postJson(s.base, '/api/v1/qa', { question: '名额' }, { 'x-forwarded-for': '203.0.113.78' }).then(
          (r) => r.status,
        )
      expect([await ask(a), await ask(b), await ask(a), await ask(b)]).toEqual([200, 200, 200, 429])
      expect(await ask(a)).toBe(429)
      expect(stores.flatMap(({ fallback }) => fallback.hits).filter((h) => !h.startsWith(prefix))).toEqual([])
    } finally {
      await a.close()
      await b.close()
      for (const { store } of stores) await store.close()
    }
  })

  it('answers without a 5xx while Redis is away, counting in the fallback, and goes back to Redis', async () => {
    const proxy = await startTcpProxy(REDIS)
    const fallback = countingFallback()
    const lines: string[] = []
    const logger = createLogger('info', new Writable({ write: (c, _e, done) => done(void lines.push(String(c))) }))
    const store = redisRateLimitStore(`redis://127.0.0.1:${proxy.port}`, { fallback, logger, prefix, pauseMs: 200 })
    await ready(store, fallback)
    const server = await startTestServer({ qaRateLimitPerMinute: 1_000, trustProxy: 1, rateLimits: store })
    const ask = () =>
      postJson(server.base, '/api/v1/qa', { question: '名额' }, { 'x-forwarded-for': '203.0.113.79' }).then(
        (r) => r.status,
      )
    try {
      expect(await ask()).toBe(200)
      expect(
        await direct.get(`${prefix}qa|203.0.113.79|${Math.floor(Date.parse('2023-10-20T02:00:00Z') / 1000)}`),
      ).toBe('1')
      await proxy.cut()
      const during = await Promise.all(Array.from({ length: 20 }, ask))
      expect(during).toEqual(Array.from({ length: 20 }, () => 200))
      expect(fallback.hits.filter((h) => h === 'qa|203.0.113.79').length).toBeGreaterThan(0)
      expect(lines.some((l) => l.includes('Redis does not answer'))).toBe(true)
      await proxy.restore()
      await eventually(async () => {
        const before = fallback.hits.length
        expect(await ask()).toBe(200)
        return fallback.hits.length === before
      }, 10_000)
    } finally {
      await server.close()
      await store.close()
      await proxy.close()
    }
  })
})

import { rmSync, truncateSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startTcpProxy } from '../fakes/tcp-proxy'
import { mysqlTestDataSource, testDbKinds } from '../helpers/db'
import {
  eventually,
  freshDatabaseUrl,
  getJson,
  postJson,
  startTestServer,
  type TestServer,
  tempSqliteUrl,
} from '../helpers/server'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function health(base: string) {
  const res = await fetch(`${base}/healthz`)
  const body = (await res.json()) as { status: string; failed?: string; error: { code: string; message: string } }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body }
}

/** A question answered while the database is away: 200, and fast. */
async function expectAnswered(base: string) {
  const started = Date.now()
  const r = await postJson(base, '/api/v1/qa', { question: `南宁市选多少个学生？${Math.random()}` })
  expect(r.status).toBe(200)
  expect(r.body.answer).toContain('30')
  expect(Date.now() - started).toBeLessThan(1500)
}

describe('GET /healthz on SQLite tells the truth about the file', () => {
  it('is 503, naming the file, once the database file is deleted; questions are still answered', async () => {
    const url = tempSqliteUrl('deleted')
    server = await startTestServer({ url })
    expect((await health(server.base)).status).toBe(200)
    const file = url.slice('sqlite:'.length)
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    const h = await health(server.base)
    expect(h.status).toBe(503)
    expect(h.retryAfter).toBe('5')
    expect(h.body).toMatchObject({ status: 'unavailable', failed: 'file', error: { code: 'database_unavailable' } })
    expect(h.body.error.message).toMatch(/数据库/)
    await expectAnswered(server.base)
  })

  it('is 503 once the database file is truncated', async () => {
    const url = tempSqliteUrl('truncated')
    server = await startTestServer({ url })
    expect((await health(server.base)).status).toBe(200)
    truncateSync(url.slice('sqlite:'.length), 0)
    const h = await health(server.base)
    expect(h.status).toBe(503)
    expect(h.body.failed).toBe('file')
  })
})

describe.skipIf(!process.env.TEST_MYSQL_URL)('a MariaDB outage', () => {
  it('is 503 with Retry-After on /healthz and the database routes, questions still answered, and recovers by itself', async () => {
    const db = await mysqlTestDataSource({ migrate: false })
    await db.dataSource.destroy()
    const real = new URL(db.url)
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 3306) })
    const viaProxy = new URL(db.url)
    viaProxy.port = String(proxy.port)
    try {
      server = await startTestServer({ url: viaProxy.toString() })
      expect((await health(server.base)).status).toBe(200)
      expect((await getJson(server.base, '/api/v1/milestones?cohort=2023')).status).toBe(200)

      await proxy.cut()
      const started = Date.now()
      const h = await health(server.base)
      expect(h.status).toBe(503)
      expect(h.retryAfter).toBe('5')
      expect(h.body.error.code).toBe('database_unavailable')
      const res = await fetch(`${server.base}/api/v1/milestones?cohort=2023`)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBeTruthy()
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/暂时不可用/) } })
      expect(Date.now() - started).toBeLessThan(6000)
      await expectAnswered(server.base)
      expect(server.logLines.join('')).not.toContain('"level":50')

      await proxy.restore()
      const s = server
      await eventually(async () => (await health(s.base)).status === 200, 15_000)
      expect((await getJson(server.base, '/api/v1/milestones?cohort=2023')).status).toBe(200)
    } finally {
      await server?.close()
      server = undefined
      await proxy.close()
      await db.close()
    }
  }, 60_000)
})

describe('GET /healthz asked many times at once', () => {
  it.each(testDbKinds())('stays 200 on %s (the probes share one write)', async (kind) => {
    const db = await freshDatabaseUrl(kind)
    try {
      server = await startTestServer({ url: db.url })
      const base = server.base
      const statuses = await Promise.all(Array.from({ length: 40 }, () => health(base).then((h) => h.status)))
      expect(statuses).toEqual(Array(40).fill(200))
    } finally {
      await server?.close()
      server = undefined
      await db.drop()
    }
  })
})

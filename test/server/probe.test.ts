import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../../scripts/probe'
import { testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, startTestServer, type TestServer } from '../helpers/server'

/** The probe of `npm run probe`: the full 15,000 on SQLite, a share of them on MariaDB (the same generator). */
const COUNT = { sqlite: 15_000, mysql: 3_000 }

describe.each(testDbKinds())('malformed requests (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, qaRateLimitPerMinute: 1_000_000 })
  })
  afterAll(async () => {
    await server.close()
    await drop()
  })

  it('never get a 5xx, and the service logs no error', async () => {
    const report = await probe({ host: '127.0.0.1', port: server.running.port }, COUNT[kind])
    expect(report.failures).toEqual([])
    expect(report.requests).toBe(COUNT[kind])
    expect(Object.keys(report.statuses).every((s) => Number(s) < 500)).toBe(true)
    expect(report.statuses[400]).toBeGreaterThan(0)
    expect(server.logLines.join('')).not.toContain('"level":50')
  }, 180_000)
})

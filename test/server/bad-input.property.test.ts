import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, postJson, startTestServer, type TestServer } from '../helpers/server'

/**
 * Every route the OpenAPI document lists gets thousands of malformed requests — bodies of every
 * JSON shape, broken JSON, wrong media types, hostile ids in the path, odd query strings, tokens
 * forged or absent — as each kind of caller. Whatever is sent: never a 5xx, every 4xx in the
 * error shape with a Chinese message, and a request refused writes nothing.
 *
 * Tables a refused request may legitimately touch are left out of the "nothing written" count:
 * rate-limit windows count requests by design, failed invite codes are audited (to throttle
 * guessing), the health probe writes and reads, platform tokens and the session key are caches.
 */
const MAY_CHANGE_ON_REFUSAL = new Set([
  'rate_limit_window',
  'audit_log',
  'health_probe',
  'api_token',
  'service_secret',
  'migrations',
  'typeorm_metadata',
])
const RUNS = { sqlite: 150, mysql: 40 }

type Operation = { method: string; path: string; security: boolean; rawBody?: string }

const hostileSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e309',
    '99999999999999999999',
    'NaN',
    '%00',
    '..%2F..%2Fetc',
    '%E4%B8%AD',
    'null',
    'undefined',
    '1;DROP TABLE person',
    "1' OR '1'='1",
  ),
  fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || 'x'),
  fc.integer().map(String),
)

const body = fc.oneof(
  fc.anything({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    '"\\ud800"',
    '{"code": "\u0000"}',
    '{"__proto__": {"admin": true}}',
    'true',
    '0',
    '""',
  ),
  fc.string({ maxLength: 200 }),
  fc
    .dictionary(
      fc.constantFrom('code', 'handle', 'question', 'id', 'name', 'date', 'text', 'content', 'page'),
      fc.anything({ maxDepth: 2 }),
    )
    .map((o) => JSON.stringify(o)),
)

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '',
)

const query = fc.dictionary(
  fc.constantFrom('cohort', 'page', 'limit', 'since', 'q', 'status', 'city'),
  fc.string({ maxLength: 30 }),
  { maxKeys: 3 },
)

describe.each(testDbKinds())('malformed input to every documented route (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  let operations: Operation[] = []
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, demo: true, qaRateLimitPerMinute: 1_000_000 })
    for (const handle of ['demo-staff', 'demo-student', 'demo-parent', 'demo-teacher', 'demo-mentor']) {
      tokens[handle] = (await postJson(server.base, '/api/v1/auth/dev-login', { handle })).body.token
    }
    const doc = (await (await fetch(`${server.base}/openapi.json`)).json()) as { paths: unknown }
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, op] of Object.entries(item)) {
        const raw = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content
        operations.push({
          method: method.toUpperCase(),
          path,
          security: !Array.isArray(op.security),
          rawBody: raw && !raw['application/json'] ? Object.keys(raw)[0] : undefined,
        })
      }
    }
    operations = operations.filter((o) => o.path !== '/healthz')
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  async function counts(): Promise<Record<string, number>> {
    const tables = await server.dataSource.query(
      kind === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
    )
    const result: Record<string, number> = {}
    for (const { name } of tables as Array<{ name: string }>) {
      if (MAY_CHANGE_ON_REFUSAL.has(name)) continue
      const [row] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${server.dataSource.driver.escape(name)}`)
      result[name] = Number(row.n)
    }
    return result
  }

  it('lists the routes it will probe', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8)
    expect(operations.some((o) => o.security)).toBe(true)
  })

  it('never answers 5xx, answers every 4xx in the error shape, and a refused request writes nothing', async () => {
    let sent = 0
    for (const op of operations) {
      const before = await counts()
      let accepted = 0
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            segments: fc.array(hostileSegment, { minLength: 1, maxLength: 3 }),
            body,
            type: contentType,
            query,
            who: fc.constantFrom(
              'none',
              'forged',
              'demo-staff',
              'demo-student',
              'demo-parent',
              'demo-teacher',
              'demo-mentor',
            ),
          }),
          async (input) => {
            let i = 0
            const path = op.path.replace(/\{\w+\}/g, () => input.segments[i++ % input.segments.length] as string)
            const qs = new URLSearchParams(input.query).toString()
            const headers: Record<string, string> = {}
            if (input.type) headers['content-type'] = input.type
            if (input.who === 'forged')
              headers.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vLXN0YWZmIn0.'
            else if (input.who !== 'none') headers.authorization = `Bearer ${tokens[input.who]}`
            const res = await fetch(`${server.base}${path}${qs ? `?${qs}` : ''}`, {
              method: op.method,
              headers,
              body: op.method === 'GET' || op.method === 'DELETE' ? undefined : input.body,
            })
            sent++
            const text = await res.text()
            expect(res.status, `${op.method} ${path} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500)
            if (res.status < 400) {
              accepted++
              return
            }
            const parsed = JSON.parse(text)
            expect(parsed.error.code).toMatch(/^[a-z_]+$/)
            expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/)
            // CONTRACT §8: no token, 401 — before the body is even read (auth/* reads its body first: it signs people in).
            if (op.security && input.who === 'none' && !op.path.startsWith('/api/v1/auth/'))
              expect(res.status, `${op.method} ${path}`).toBe(401)
          },
        ),
        { numRuns: RUNS[kind], seed: 20231024 },
      )
      // Reads may succeed with a valid token and hostile query strings; any write must not.
      if (accepted === 0 || op.method === 'GET') expect(await counts(), `${op.method} ${op.path} wrote`).toEqual(before)
    }
    expect(sent).toBe(operations.length * RUNS[kind])
  }, 300_000)
})

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import type { DataSource } from 'typeorm'
import { type Clock, fixedClock } from '../../core/clock'
import type { WecomOAuth } from '../../core/auth/platform-login'
import { ensureBuiltInPrograms } from '../../core/cohorts/load-program'
import { seedDemo } from '../../core/cohorts/seed-demo'
import { openDatabase } from '../../core/db'
import type { Llm } from '../../core/llm'
import { createLogger } from '../../core/logger'
import { createApp } from '../../server/app'
import { listen, type RunningServer } from '../../server/http'
import type { RateLimitStore } from '../../server/middlewares/rate-limit'
import { type DbKind, mysqlTestDataSource } from './db'

/** A loopback port nobody listens on right now, for a child process to serve on. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** A temporary SQLite database URL in its own folder. */
export function tempSqliteUrl(name = 'test'): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'assistant-test-')), `${name}.sqlite`)}`
}

/** A fresh, empty database of the given kind for a server under test; `drop()` deletes it. */
export async function freshDatabaseUrl(kind: DbKind): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const url = tempSqliteUrl()
    return { url, drop: async () => rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true }) }
  }
  const db = await mysqlTestDataSource({ migrate: false })
  await db.dataSource.destroy()
  return { url: db.url, drop: () => db.close() }
}

/** Waits until `check` holds (polling every 20 ms), for what the service does off the request path. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The app served on a free loopback port, on a fresh migrated database with the built-in programs loaded. */
export interface TestServer {
  base: string
  dataSource: DataSource
  logLines: string[]
  running: RunningServer
  close(): Promise<void>
}

/** Starts the real app over real HTTP on 127.0.0.1 for a test. */
export async function startTestServer(
  options: {
    clock?: Clock
    qaRateLimitPerMinute?: number
    trustProxy?: number
    corsOrigins?: string[]
    llm?: Llm
    url?: string
    /** Seed the demo people of CONTRACT §5 and open `dev-login` (as `npm start` does on SQLite). */
    demo?: boolean
    wx?: { appId?: string; secret?: string; apiBase: string }
    wecomOAuth?: WecomOAuth
    /** Where the rate limits are counted (the database store by default). */
    rateLimits?: RateLimitStore
  } = {},
): Promise<TestServer> {
  const dataSource = await openDatabase(options.url ?? tempSqliteUrl())
  await ensureBuiltInPrograms(dataSource)
  const clock = options.clock ?? fixedClock('2023-10-20T10:00:00+08:00')
  if (options.demo) await seedDemo(dataSource, clock)
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  const logger = createLogger('info', sink)
  const app = createApp({
    dataSource,
    clock,
    logger,
    config: {
      qaRateLimitPerMinute: options.qaRateLimitPerMinute ?? 10_000,
      trustProxy: options.trustProxy ?? 0,
      corsOrigins: options.corsOrigins,
      devLogin: options.demo ?? false,
      wx: options.wx,
    },
    llm: options.llm,
    wecomOAuth: options.wecomOAuth,
    rateLimits: options.rateLimits,
  })
  const running = await listen(app, 0, '127.0.0.1')
  return {
    base: `http://127.0.0.1:${running.port}`,
    dataSource,
    logLines,
    running,
    async close() {
      await running.close(1000)
      if (dataSource.isInitialized) await dataSource.destroy()
    },
  }
}

/** POSTs a JSON body (or a raw string) and returns status and parsed body. */
export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

/** GETs a path (with optional headers, e.g. a bearer token) and returns status and parsed body. */
export async function getJson(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

import type { Database } from 'better-sqlite3'
import type { Context, Middleware } from 'koa'
import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import { RateLimitedError } from '../../core/errors'
import { noAnswerWithin, within } from '../../core/within'
import type { Logger } from '../../core/logger'
import { OUTBOX_BUCKET_PREFIX } from '../../core/delivery/shared-rate-limit'

/** Loopback addresses: the service's own components on the same host (chat, scripts, checks). */
export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.')
}

/**
 * The client's address behind exactly `hops` reverse proxies. Each proxy appends the address it
 * was called from to X-Forwarded-For, so the client is `hops` places from the right of the chain
 * `X-Forwarded-For + socket address`; everything further left was written by the client itself
 * and is not believed. With 0 hops the header is ignored.
 */
export function clientAddress(ctx: Pick<Context, 'get' | 'socket'>, hops: number): string {
  const socket = ctx.socket.remoteAddress ?? ''
  if (hops <= 0) return socket
  const forwarded = ctx
    .get('x-forwarded-for')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket
}

/** Counts hits per bucket and window; `hit` returns the count including this one. */
export interface RateLimitStore {
  hit(bucket: string, windowStart: number): Promise<number>
}

/** Counts kept in this process only, swept as windows expire: enough for one instance, and the fallback of the shared store. */
export function memoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = 0
  return {
    async hit(bucket, windowStart) {
      if (windowStart !== lastSweep) {
        for (const [key, w] of windows) if (w.start < windowStart) windows.delete(key)
        lastSweep = windowStart
      }
      let w = windows.get(bucket)
      if (!w || w.start !== windowStart) {
        w = { start: windowStart, count: 0 }
        windows.set(bucket, w)
      }
      return ++w.count
    },
  }
}

const SQLITE_HIT =
  'INSERT INTO "rate_limit_window" ("bucket", "windowStart", "hits") VALUES (?, ?, 1) ' +
  'ON CONFLICT ("bucket", "windowStart") DO UPDATE SET "hits" = "hits" + 1 RETURNING "hits"'
// LAST_INSERT_ID(expr) hands the new count back in the same round trip, whichever branch ran.
const MYSQL_HIT =
  'INSERT INTO `rate_limit_window` (`bucket`, `windowStart`, `hits`) VALUES (?, ?, LAST_INSERT_ID(1)) ' +
  'ON DUPLICATE KEY UPDATE `hits` = LAST_INSERT_ID(`hits` + 1)'

/**
 * SQLite's upserts, the hits that arrive in one turn of the event loop written in one transaction:
 * what a write costs is mostly its commit, and under load dozens of requests arrive together.
 * Each hit still gets its own count, from the database, before its request goes on; nothing is
 * counted in memory. The statement is prepared once on the driver's connection, without the query
 * runner TypeORM sets up around every ds.query.
 */
function sqliteHitBatcher(ds: DataSource): (bucket: string, windowStart: number) => Promise<number> {
  type Pending = { bucket: string; windowStart: number; resolve(count: number): void; reject(err: unknown): void }
  let queued: Pending[] = []
  let write: ((items: Pending[]) => number[]) | undefined
  const flush = () => {
    const items = queued
    queued = []
    try {
      if (!write) {
        const db = (ds.driver as unknown as { databaseConnection: Database }).databaseConnection
        const hit = db.prepare(SQLITE_HIT)
        write = db.transaction((all: Pending[]) =>
          all.map((p) => Number((hit.get(p.bucket, p.windowStart) as { hits: number } | undefined)?.hits)),
        )
      }
      const counts = write(items)
      for (const [i, p] of items.entries()) p.resolve(counts[i] as number)
    } catch (err) {
      for (const p of items) p.reject(err)
    }
  }
  return (bucket, windowStart) =>
    new Promise((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush)
      queued.push({ bucket, windowStart, resolve, reject })
    })
}

/**
 * Counts shared by every instance through the database (table rate_limit_window): one atomic
 * upsert per request. Answering must not depend on the database, so a failing or slow database
 * (over `timeoutMs`) makes the store count in memory for `pauseMs` before it tries again.
 */
export function databaseRateLimitStore(
  ds: DataSource,
  options: { logger?: Logger; timeoutMs?: number; pauseMs?: number } = {},
): RateLimitStore {
  const fallback = memoryRateLimitStore()
  const timeoutMs = options.timeoutMs ?? 250
  const pauseMs = options.pauseMs ?? 5_000
  const sqlite = ds.options.type === 'better-sqlite3'
  let pausedUntil = 0
  let lastSweep = 0

  const sqliteHits = sqlite ? sqliteHitBatcher(ds) : undefined
  async function upsert(bucket: string, windowStart: number): Promise<number> {
    const result: { insertId?: number } = await ds.query(MYSQL_HIT, [bucket, windowStart])
    return Number(result.insertId)
  }

  return {
    async hit(bucket, windowStart) {
      if (Date.now() < pausedUntil) return fallback.hit(bucket, windowStart)
      if (windowStart !== lastSweep) {
        lastSweep = windowStart
        ds.query(
          // The outbox dispatcher's buckets (core/delivery/shared-rate-limit.ts) keep longer windows and sweep themselves.
          sqlite
            ? 'DELETE FROM "rate_limit_window" WHERE "windowStart" < ? AND "bucket" NOT LIKE ?'
            : 'DELETE FROM `rate_limit_window` WHERE `windowStart` < ? AND `bucket` NOT LIKE ?',
          [windowStart, `${OUTBOX_BUCKET_PREFIX}%`],
        ).catch(() => undefined)
      }
      try {
        // SQLite answers on this thread or throws: only a server over the network can keep a request waiting.
        const count = sqliteHits
          ? await sqliteHits(bucket, windowStart)
          : await within(upsert(bucket, windowStart), timeoutMs, noAnswerWithin(timeoutMs))
        if (!Number.isFinite(count) || count < 1) throw new Error('the database returned no count')
        return count
      } catch (err) {
        pausedUntil = Date.now() + pauseMs
        options.logger?.warn({ err }, 'rate limits counted in memory for now: the database does not answer')
        return fallback.hit(bucket, windowStart)
      }
    },
  }
}

/**
 * A per-client fixed-window limiter: at most `limit` requests per client in each window, counted
 * in `store` (shared between instances when it is the database store). The client is the address
 * `trustProxy` hops back (clientAddress). Clients for which `exempt(ip)` holds are not counted.
 */
export function rateLimit(options: {
  limit: number
  windowMs?: number
  clock: Clock
  store?: RateLimitStore
  scope?: string
  trustProxy?: number
  exempt?: (ip: string) => boolean
}): Middleware {
  const windowMs = options.windowMs ?? 60_000
  const store = options.store ?? memoryRateLimitStore()
  const scope = options.scope ?? 'api'
  return async (ctx, next) => {
    const ip = clientAddress(ctx, options.trustProxy ?? 0)
    if (options.exempt?.(ip)) return next()
    const now = options.clock.now().getTime()
    const start = Math.floor(now / windowMs) * windowMs
    const count = await store.hit(`${scope}|${ip || 'unknown'}`.slice(0, 191), Math.floor(start / 1000))
    ctx.set('RateLimit-Limit', String(options.limit))
    ctx.set('RateLimit-Remaining', String(Math.max(0, options.limit - count)))
    if (count > options.limit) throw new RateLimitedError(Math.max(1, Math.ceil((start + windowMs - now) / 1000)))
    await next()
  }
}

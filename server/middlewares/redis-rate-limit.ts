import { createClient } from 'redis'
import type { Logger } from '../../core/logger'
import { noAnswerWithin, within } from '../../core/within'
import type { RateLimitStore } from './rate-limit'

/** A rate-limit store that can be closed at shutdown (its connection). */
export interface ClosableRateLimitStore extends RateLimitStore {
  close(): Promise<void>
}

/**
 * Counts shared by every instance through Redis (REDIS_URL): one key per bucket and window,
 * raised with INCR and given its expiry with PEXPIRE in one MULTI, so the count and the expiry
 * are set together and no key outlives its window by more than the expiry.
 *
 * When Redis does not answer (down, cut off, slower than `timeoutMs`) the hit is counted by
 * `fallback` — the database store, which every instance shares too — for `pauseMs` before Redis is
 * tried again, and a warning is logged once per outage: a person's question is never refused or
 * failed because the limiter's store went away. The client reconnects by itself; commands are not
 * queued while it is away (they fail at once and go to the fallback).
 */
export function redisRateLimitStore(
  url: string,
  options: {
    fallback: RateLimitStore
    logger?: Logger
    /** How long a window lives in Redis: at least the limiter's window (60 s); twice that by default. */
    expireMs?: number
    timeoutMs?: number
    pauseMs?: number
    /** Prefix of the keys, so several services can share one Redis. */
    prefix?: string
  },
): ClosableRateLimitStore {
  const expireMs = options.expireMs ?? 120_000
  const timeoutMs = options.timeoutMs ?? 250
  const pauseMs = options.pauseMs ?? 5_000
  const prefix = options.prefix ?? 'assistant:rate:'
  let pausedUntil = 0
  let warned = false
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Tries again forever, at most every 2 s: the service outlives Redis restarts.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  })
  // Without a listener an 'error' event would end the process; the hits already fall back.
  client.on('error', (err: unknown) => {
    if (warned) return
    warned = true
    options.logger?.warn({ err }, 'rate limits counted in the database for now: Redis does not answer')
  })
  client.on('ready', () => {
    if (warned) options.logger?.info('rate limits counted in Redis again')
    warned = false
    pausedUntil = 0
  })
  // Connecting goes on in the background; until it is ready the fallback counts.
  client.connect().catch(() => undefined)

  async function increment(key: string): Promise<number> {
    const [count] = await client.multi().incr(key).pExpire(key, expireMs).exec()
    return Number(count)
  }

  return {
    async hit(bucket, windowStart) {
      if (!client.isReady || Date.now() < pausedUntil) return options.fallback.hit(bucket, windowStart)
      try {
        const count = await within(increment(`${prefix}${bucket}|${windowStart}`), timeoutMs, noAnswerWithin(timeoutMs))
        if (!Number.isFinite(count) || count < 1) throw new Error('Redis returned no count')
        return count
      } catch (err) {
        pausedUntil = Date.now() + pauseMs
        if (!warned) {
          warned = true
          options.logger?.warn({ err }, 'rate limits counted in the database for now: Redis does not answer')
        }
        return options.fallback.hit(bucket, windowStart)
      }
    },
    async close() {
      // Nothing worth waiting for: a hit in flight has its own timeout and fallback.
      if (client.isOpen) client.destroy()
    },
  }
}

import type { Middleware } from 'koa'
import type { Clock } from '../../core/clock'
import { RateLimitedError } from '../../core/errors'

/** Loopback addresses: the service's own components on the same host (chat, scripts, checks). */
export function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.')
}

/**
 * A per-client fixed-window limiter kept in memory: at most `limit` requests per client in each
 * window. Enough for one instance; the windows are swept as they expire so memory stays bounded.
 * Clients for which `exempt(ip)` holds are not counted.
 */
export function rateLimit(options: {
  limit: number
  windowMs?: number
  clock: Clock
  exempt?: (ip: string) => boolean
}): Middleware {
  const windowMs = options.windowMs ?? 60_000
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = 0
  return async (ctx, next) => {
    if (options.exempt?.(ctx.ip)) return next()
    const now = options.clock.now().getTime()
    if (now - lastSweep > windowMs) {
      for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key)
      lastSweep = now
    }
    const key = ctx.ip || 'unknown'
    let w = windows.get(key)
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 }
      windows.set(key, w)
    }
    w.count++
    ctx.set('RateLimit-Limit', String(options.limit))
    ctx.set('RateLimit-Remaining', String(Math.max(0, options.limit - w.count)))
    if (w.count > options.limit) throw new RateLimitedError(Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)))
    await next()
  }
}

import type { Middleware } from 'koa'
import type { Logger } from '../../core/logger'
import { maskText } from '../../core/privacy/mask'

/**
 * One log line per request: method, path, status and duration. Bodies and query strings are not
 * logged (they may carry a minor's details). The path is the route's pattern when one matched
 * (`/api/v1/students/:id/progress`); otherwise the decoded path with personal data masked and
 * any run of Chinese characters (a name, perhaps) cut to its first, at most 200 characters.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const route = (ctx as { _matchedRoute?: unknown })._matchedRoute
      const path = typeof route === 'string' ? route : loggablePath(ctx.path)
      logger.info({ method: ctx.method, path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request')
    }
  }
}

/** A request path fit for a log: decoded, personal data masked, Chinese runs cut, bounded. */
export function loggablePath(raw: string): string {
  let decoded = raw
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    // A malformed escape stays as it was sent; it is masked all the same.
  }
  return maskText(decoded)
    .replace(/([\u3400-\u9fff])[\u3400-\u9fff*]+/gu, '$1*')
    .slice(0, 200)
}

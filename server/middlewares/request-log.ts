import type { Middleware } from 'koa'
import type { Logger } from '../../core/logger'

/**
 * One log line per request: method, path, status and duration. Bodies and query strings are not
 * logged (they may carry a minor's details); the logger masks phone numbers in what remains.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      logger.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request')
    }
  }
}

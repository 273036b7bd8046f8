import type { Context, Middleware } from 'koa'
import { AppError, ClientClosedError, RateLimitedError, ServiceUnavailableError } from '../../core/errors'
import { isDatabaseUnavailable } from '../../core/db'
import type { Logger } from '../../core/logger'

/** The error shape every API caller sees (CONTRACT §2): `{"error": {"code", "message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

/** Whether the request's connection is gone: the client closed it mid-request. */
function clientGone(ctx: Context, err: unknown): boolean {
  if (err instanceof ClientClosedError) return true
  const code = (err as { code?: unknown }).code
  return (code === 'ECONNRESET' || (err as Error).message === 'aborted') && (ctx.req.destroyed || ctx.req.aborted)
}

/** Statuses set without a body (no route, a method no route has) get the contract's shape too. */
function describeStatus(ctx: Context): void {
  if (ctx.body !== undefined && ctx.body !== null) return
  let status = ctx.status
  // An unknown method (PROPFIND, TRACE): 405 where the path exists (Allow names its methods), else 404.
  if (status === 501) status = ctx.response.get('Allow') ? 405 : 404
  if (status === 404) ctx.body = errorBody('not_found', `没有这个接口：${ctx.method} ${ctx.path}`)
  else if (status === 405)
    ctx.body = errorBody('method_not_allowed', `${ctx.path} 不支持 ${ctx.method}，可用：${ctx.response.get('Allow')}`)
  if (ctx.body !== undefined) ctx.status = status
}

/**
 * Turns whatever a route throws into the contract's error shape: AppErrors keep their status and
 * code; a database out of reach is 503 with Retry-After; a client that hung up is logged at info;
 * anything else is logged and answered 500 without its message or stack.
 */
export function errors(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      describeStatus(ctx)
    } catch (err) {
      if (clientGone(ctx, err)) {
        logger.info({ method: ctx.method, path: ctx.path }, 'client closed the connection before the request was read')
        ctx.status = 499
        return
      }
      const known = isDatabaseUnavailable(err) && !(err instanceof AppError) ? new ServiceUnavailableError() : err
      if (known instanceof AppError) {
        ctx.status = known.status
        ctx.body = errorBody(known.code, known.message)
        // Errors that list their particulars (a roster's bad rows) carry them alongside the message.
        const details = (known as { details?: unknown }).details
        if (Array.isArray(details)) ctx.body = { error: { ...ctx.body.error, details } }
        if (known instanceof RateLimitedError || known instanceof ServiceUnavailableError)
          ctx.set('Retry-After', String(known.retryAfterSeconds))
        if (known instanceof ServiceUnavailableError) logger.warn({ err, path: ctx.path }, 'database unavailable')
        return
      }
      const status = (err as { status?: number; expose?: boolean }).status
      if (typeof status === 'number' && status >= 400 && status < 500) {
        ctx.status = status
        ctx.body = errorBody('bad_request', '请求无法处理，请检查请求格式')
        return
      }
      logger.error({ err, path: ctx.path }, 'unhandled error')
      ctx.status = 500
      ctx.body = errorBody('internal', '服务暂时出了点问题，请稍后再试')
    }
  }
}

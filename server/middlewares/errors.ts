import type { Middleware } from 'koa'
import { AppError, RateLimitedError } from '../../core/errors'
import type { Logger } from '../../core/logger'

/** The error shape every API caller sees (CONTRACT §2): `{"error": {"code", "message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

/**
 * Turns whatever a route throws into the contract's error shape: AppErrors keep their status and
 * code; anything else is logged and answered 500 without its message or stack.
 */
export function errors(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      // Statuses set without a body (no route, a method the route lacks) get the contract's shape too.
      if (ctx.body === undefined || ctx.body === null) {
        const status = ctx.status
        if (status === 404) ctx.body = errorBody('not_found', `没有这个接口：${ctx.method} ${ctx.path}`)
        else if (status === 405)
          ctx.body = errorBody(
            'method_not_allowed',
            `${ctx.path} 不支持 ${ctx.method}，可用：${ctx.response.get('Allow')}`,
          )
        else if (status === 501) ctx.body = errorBody('not_implemented', `不支持的请求方法：${ctx.method}`)
        if (ctx.body !== undefined) ctx.status = status
      }
    } catch (err) {
      if (err instanceof AppError) {
        ctx.status = err.status
        ctx.body = errorBody(err.code, err.message)
        if (err instanceof RateLimitedError) ctx.set('Retry-After', String(err.retryAfterSeconds))
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

import type { Context, Middleware } from 'koa'
import type { z } from 'zod'
import { ValidationError } from '../../core/errors'
import { describeIssue } from '../../core/validation'

/** Where validate() leaves the typed input for the handler. */
export interface Validated<T> {
  input: T
}

/** Parses `schema` against the part of the request named by `from`; the first issue becomes a 400 with code `validation` and a Chinese message (core/validation.ts). */
export function validate<S extends z.ZodType>(schema: S, from: 'body' | 'query' = 'body'): Middleware {
  return async (ctx: Context, next) => {
    const raw = from === 'body' ? (ctx.request as { body?: unknown }).body : ctx.query
    const parsed = schema.safeParse(raw ?? (from === 'body' ? undefined : {}))
    if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, raw))
    ;(ctx.state as Validated<z.infer<S>>).input = parsed.data
    await next()
  }
}

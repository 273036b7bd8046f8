import type { Context, Middleware } from 'koa'
import type { z } from 'zod'
import { ValidationError } from '../../core/errors'

/** Where validate() leaves the typed input for the handler. */
export interface Validated<T> {
  input: T
}

/** One readable line for the first problem zod found: `question: required`, `cohort: must be a whole number`. */
export function describeIssue(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid input'
  const path = issue.path.join('.') || 'body'
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `${path}: required`
  return `${path}: ${issue.message}`
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Parses `schema` against the part of the request named by `from`; the first issue becomes a 400 with code `validation`. */
export function validate<S extends z.ZodType>(schema: S, from: 'body' | 'query' = 'body'): Middleware {
  return async (ctx: Context, next) => {
    const raw = from === 'body' ? (ctx.request as { body?: unknown }).body : ctx.query
    const parsed = schema.safeParse(raw ?? (from === 'body' ? undefined : {}))
    if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, raw))
    ;(ctx.state as Validated<z.infer<S>>).input = parsed.data
    await next()
  }
}

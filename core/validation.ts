import { z } from 'zod'

// Whatever zod says by itself (a wrong type, an unknown option) is said in Chinese: people read
// these messages, in the API's 400s and in the bot's replies. Set once, for every schema.
z.config(z.locales.zhCN())

/** The word for a value that is missing, in every validation message. */
export const REQUIRED = '必填'

/**
 * One readable Chinese line for the first problem zod found, led by the field's path:
 * `question: 必填`, `cohort: 须为年份，例如 2023`, `awards.0.category: 无效选项…`.
 */
export function describeIssue(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0]
  if (!issue) return '输入无效'
  const path = issue.path.join('.') || '请求体'
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `${path}: ${REQUIRED}`
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

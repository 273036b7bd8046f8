/**
 * The few error types core actions throw. Each has a stable `code`; the server maps them to
 * HTTP statuses (server/middlewares/errors.ts) and the bot to Chinese replies, so neither
 * channel ever shows a stack trace to a person.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Input that does not fit its schema (400). */
export class ValidationError extends AppError {
  constructor(message: string) {
    super('validation', message, 400)
  }
}

/** No credentials, or credentials that are not valid (401). */
export class UnauthorizedError extends AppError {
  constructor(message = '请先登录') {
    super('unauthorized', message, 401)
  }
}

/** The actor may not do this (403). */
export class ForbiddenError extends AppError {
  constructor(message = '没有权限') {
    super('forbidden', message, 403)
  }
}

/** Nothing there, or nothing the actor may know is there (404). */
export class NotFoundError extends AppError {
  constructor(message = '未找到') {
    super('not_found', message, 404)
  }
}

/** The request clashes with what is stored, e.g. a duplicate key (409). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', message, 409)
  }
}

/** Too many requests from one client (429). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`, 429)
  }
}

/** Something the service depends on (the database) does not answer for now (503); the caller may retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = '服务暂时不可用，请稍后再试',
    readonly retryAfterSeconds = 5,
  ) {
    super('unavailable', message, 503)
  }
}

/** The client went away before its request was read (a closed connection, not a failure of ours). */
export class ClientClosedError extends AppError {
  constructor() {
    super('client_closed', '客户端已断开连接', 499)
  }
}

/** Whether a database error is a unique key refusing a row (SQLite, MySQL/MariaDB): two writers raced for the same key. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null
  const code = e?.driverError?.code ?? e?.code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

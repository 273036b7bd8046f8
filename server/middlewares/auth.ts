import type { Context, Middleware } from 'koa'
import type { DataSource } from 'typeorm'
import { type Actor, actorOfPerson, resolveActor } from '../../core/actor'
import { isScriptToken, personOfScriptToken } from '../../core/auth/script-tokens'
import type { Account, Sessions } from '../../core/auth/session'
import type { Clock } from '../../core/clock'
import { AppError, UnauthorizedError } from '../../core/errors'
import type { Access } from '../routes/define'

/** Who is calling a signed-in route: the person (or nobody yet) and, for sessions, the account signed in. */
export interface AuthState {
  actor: Actor
  /** The channel account of a session; absent for script tokens, which act as a person directly. */
  account?: Account
}

/** A signed-in account not yet bound to a person, on a route that needs one (403 `not_bound`). */
export class NotBoundError extends AppError {
  constructor() {
    super('not_bound', '请先用学校或项目办发给你的邀请码绑定身份（POST /api/v1/auth/bind）', 403)
  }
}

/**
 * Reads `Authorization: Bearer <token>` — a session token of ours or a script token — and
 * resolves who is behind it on every request, so a binding made or removed takes effect at once.
 */
export class Authenticator {
  constructor(private readonly deps: { dataSource: DataSource; clock: Clock; sessions: Sessions }) {}

  /** @throws UnauthorizedError (401) without a valid token; NotBoundError (403) when `access` is `person` and the account is unbound. */
  async authenticate(ctx: Context, access: Exclude<Access, 'public'>): Promise<AuthState> {
    const known = (ctx.state as { auth?: AuthState }).auth
    if (known) {
      if (access === 'person' && known.actor.personId === undefined) throw new NotBoundError()
      return known
    }
    const header = ctx.get('authorization')
    const match = /^Bearer ([\x21-\x7e]{1,2048})$/i.exec(header.trim())
    if (!match?.[1]) throw new UnauthorizedError(header ? '登录凭证格式不对，请重新登录' : '请先登录')
    const token = match[1]
    let state: AuthState
    if (isScriptToken(token)) {
      const personId = await personOfScriptToken(this.deps, token)
      state = { actor: await actorOfPerson(this.deps.dataSource, personId) }
    } else {
      const account = await this.deps.sessions.verify(token)
      state = { actor: await resolveActor(this.deps.dataSource, account.channel, account.externalId), account }
    }
    if (access === 'person' && state.actor.personId === undefined) throw new NotBoundError()
    return state
  }
}

/** The routes under /api/v1/ anyone may call (CONTRACT §8): questions, eligibility, deadlines and signing in. */
export function isPublicApiPath(path: string): boolean {
  return (
    !path.startsWith('/api/v1/') ||
    path === '/api/v1/qa' ||
    path === '/api/v1/eligibility' ||
    path === '/api/v1/milestones' ||
    path.startsWith('/api/v1/auth/')
  )
}

/**
 * Checks the bearer token of every request to a non-public /api/v1/ route before its body is read,
 * so a caller without a valid token learns nothing (401) and costs no parsing. The route then finds
 * the caller in `ctx.state.auth`.
 */
export function requireSignIn(authenticator: Authenticator, isRoute: (path: string) => boolean): Middleware {
  return async (ctx, next) => {
    // A path no route has stays a 404 for everyone; OPTIONS is the browser's preflight.
    if (ctx.method === 'OPTIONS' || isPublicApiPath(ctx.path) || !isRoute(ctx.path)) return next()
    ;(ctx.state as { auth?: AuthState }).auth = await authenticator.authenticate(ctx, 'signed-in')
    return next()
  }
}

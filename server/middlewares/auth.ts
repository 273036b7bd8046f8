import type { Context } from 'koa'
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

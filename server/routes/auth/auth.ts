import type { DataSource } from 'typeorm'
import { resolveActor } from '../../../core/actor'
import { miniProgramOpenId, SignInNotConfiguredError, type WecomOAuth } from '../../../core/auth/platform-login'
import type { Account, Sessions } from '../../../core/auth/session'
import type { Clock } from '../../../core/clock'
import type { Config } from '../../../core/config'
import { AppError, ConflictError, NotFoundError, RateLimitedError, UnauthorizedError } from '../../../core/errors'
import { bindIdentity } from '../../../core/people/bind-identity'
import type { Api } from '../define'
import { bindAnswer, bindBody, devLoginBody, loginBody, sessionAnswer } from './schema'

/** What the sign-in routes need. */
export interface AuthRouteDeps {
  dataSource: DataSource
  clock: Clock
  sessions: Sessions
  config: Pick<Config, 'devLogin' | 'wx'>
  wecomOAuth?: WecomOAuth
}

/**
 * Sign-in (CONTRACT §8): the mini-program's `wx.login` code, WeCom OAuth for staff, the demo
 * handles while demo people exist, and binding a signed-in account to a person with an invite code.
 */
export function authRoutes(api: Api, deps: AuthRouteDeps): void {
  const signIn = async (account: Account) => {
    const actor = await resolveActor(deps.dataSource, account.channel, account.externalId)
    return { token: await deps.sessions.issue(account), bound: actor.personId !== undefined }
  }

  api.route(
    {
      method: 'post',
      path: '/api/v1/auth/wx-login',
      tag: 'auth',
      summary: '小程序登录：wx.login 的 code 换取本服务的会话令牌',
      access: 'public',
      body: loginBody,
      response: sessionAnswer,
    },
    async ({ body }) =>
      signIn({ channel: 'miniprogram', externalId: await miniProgramOpenId(deps.config.wx, body.code) }),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/auth/wecom-login',
      tag: 'auth',
      summary: '工作人员登录：企业微信网页授权的 code 换取会话令牌',
      access: 'public',
      body: loginBody,
      response: sessionAnswer,
    },
    async ({ body }) => {
      if (!deps.wecomOAuth) throw new SignInNotConfiguredError('企业微信')
      return signIn({ channel: 'wecom', externalId: await deps.wecomOAuth.userIdOf(body.code) })
    },
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/auth/dev-login',
      tag: 'auth',
      summary: '演示登录（仅在有演示人员、非生产环境时存在）',
      access: 'public',
      body: devLoginBody,
      response: sessionAnswer,
    },
    async ({ body, ctx }) => {
      if (!deps.config.devLogin) throw new NotFoundError(`没有这个接口：${ctx.method} ${ctx.path}`)
      const account: Account = { channel: 'terminal', externalId: body.handle }
      const actor = await resolveActor(deps.dataSource, account.channel, account.externalId)
      if (actor.personId === undefined) throw new NotFoundError(`没有演示身份 ${body.handle}`)
      return { token: await deps.sessions.issue(account), bound: true }
    },
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/auth/bind',
      tag: 'auth',
      summary: '用邀请码把已登录的微信/企业微信账号绑定到本人',
      access: 'signed-in',
      body: bindBody,
      response: bindAnswer,
    },
    async ({ body, auth }) => {
      if (!auth.account) throw new UnauthorizedError('脚本令牌不能绑定身份')
      const outcome = await bindIdentity(deps, { ...auth.account, code: body.code })
      switch (outcome.kind) {
        case 'bound':
          return { bound: true, id: String(outcome.personId), role: outcome.role }
        case 'already_bound':
          throw new ConflictError('这个账号已经绑定过身份了')
        case 'used':
          throw new ConflictError('这个邀请码已经用过了，请联系学校或项目办重新发放')
        case 'expired':
          throw new AppError('invite_expired', '这个邀请码已过期，请联系学校或项目办重新发放', 400)
        case 'invalid':
          throw new AppError('invite_invalid', '邀请码不对，请核对后再试', 400)
        case 'rate_limited':
          throw new RateLimitedError(outcome.retryAfterMinutes * 60)
      }
    },
  )
}

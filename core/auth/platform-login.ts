import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import { accessTokens } from '../delivery/access-token'
import { callPlatform } from '../delivery/senders/http'
import { AppError, ServiceUnavailableError, UnauthorizedError } from '../errors'

/** The platform did not answer or answered with a fault of its own (503 with Retry-After): the person may try again. */
export class PlatformUnavailableError extends ServiceUnavailableError {
  constructor(message = '微信服务暂时不可用，请稍后再试') {
    super(message, 10)
  }
}

/** A sign-in the platform itself is not configured for here (404: the route does not exist on this instance). */
export class SignInNotConfiguredError extends AppError {
  constructor(what: string) {
    super('not_found', `本服务未配置${what}登录`, 404)
  }
}

const TIMEOUT_MS = 5_000

/**
 * The mini-program user behind a `wx.login` code: `code2Session` at WX_API_BASE. Only the
 * openid leaves this function; the session_key never reaches the client (PLATFORM.md).
 * @throws UnauthorizedError for a code WeChat refuses (40029, 40226), PlatformUnavailableError when WeChat is busy or away.
 */
export async function miniProgramOpenId(
  wx: { appId?: string; secret?: string; apiBase: string },
  code: string,
): Promise<string> {
  if (!wx.appId || !wx.secret) throw new SignInNotConfiguredError('小程序')
  const query = new URLSearchParams({
    appid: wx.appId,
    secret: wx.secret,
    js_code: code,
    grant_type: 'authorization_code',
  })
  const got = await callPlatform(`${wx.apiBase.replace(/\/+$/, '')}/sns/jscode2session?${query}`, undefined, TIMEOUT_MS)
  if ('failed' in got) throw new PlatformUnavailableError()
  const { errcode = 0, openid } = got.answer as { errcode?: number; openid?: unknown }
  if (errcode === 40029 || errcode === 40163) throw new UnauthorizedError('登录码无效或已使用，请重新打开小程序')
  if (errcode === 40226) throw new UnauthorizedError('该微信账号已被限制登录')
  if (errcode === 45011) throw new PlatformUnavailableError('登录过于频繁，请一分钟后再试')
  if (errcode !== 0 || typeof openid !== 'string' || openid === '') throw new PlatformUnavailableError()
  return openid
}

/** WeCom OAuth for staff: the corp member behind an OAuth `code` (`auth/getuserinfo`). */
export interface WecomOAuth {
  /** @throws UnauthorizedError for a bad code or a non-member, PlatformUnavailableError when WeCom is away. */
  userIdOf(code: string): Promise<string>
}

/** WeCom OAuth with the app's access token (shared with the app sender through `api_token`). */
export function wecomOAuth(
  deps: { dataSource: DataSource; clock: Clock },
  wecom: { corpId?: string; agentId?: string; secret?: string; apiBase: string },
): WecomOAuth | undefined {
  if (!wecom.corpId || !wecom.secret || !wecom.agentId) return undefined
  const base = wecom.apiBase.replace(/\/+$/, '')
  const tokenUrl = `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(wecom.corpId)}&corpsecret=${encodeURIComponent(wecom.secret)}`
  const tokens = accessTokens(deps, `wecom:${wecom.corpId}:${wecom.agentId}`, tokenUrl, TIMEOUT_MS)
  return {
    async userIdOf(code) {
      for (let attempt = 0; attempt < 2; attempt++) {
        let token: string
        try {
          token = await tokens.get()
        } catch {
          throw new PlatformUnavailableError('企业微信暂时不可用，请稍后再试')
        }
        const url = `${base}/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(token)}&code=${encodeURIComponent(code)}`
        const got = await callPlatform(url, undefined, TIMEOUT_MS)
        if ('failed' in got) throw new PlatformUnavailableError('企业微信暂时不可用，请稍后再试')
        const { errcode = 0, userid } = got.answer as { errcode?: number; userid?: unknown }
        if ([40014, 42001, 41001].includes(errcode)) {
          await tokens.invalidate(token)
          continue
        }
        if (errcode === 0 && typeof userid === 'string' && userid !== '') return userid
        if (errcode === 0) throw new UnauthorizedError('只有本单位企业微信成员可以登录工作台')
        if (errcode === 40029 || errcode === 50001) throw new UnauthorizedError('登录码无效或已过期，请重新登录')
        throw new PlatformUnavailableError('企业微信暂时不可用，请稍后再试')
      }
      throw new PlatformUnavailableError('企业微信暂时不可用，请稍后再试')
    },
  }
}

import type { DataSource } from 'typeorm'
import { ApiToken } from '../../entities/api-token.entity'
import type { Clock } from '../clock'
import { callPlatform } from './senders/http'

/** Renew a token this long before WeCom says it expires, so none is used in its last minutes. */
const MARGIN_MS = 5 * 60_000

/** A platform access token, cached in memory and in the database (shared by instances). */
export interface AccessTokens {
  /** A token valid now: the cached one, or a fresh one fetched and stored. @throws Error when the platform refuses. */
  get(): Promise<string>
  /** Forgets the token the platform refused (only that one: another instance may have stored a newer). */
  invalidate(refused?: string): Promise<void>
}

/**
 * Access tokens for one app: read from `api_token` under `name`, fetched from `tokenUrl`
 * (WeCom `gettoken`, WeChat `cgi-bin/token`) when missing or near expiry, and stored for the
 * other instances. Concurrent callers of one instance share one fetch.
 */
export function accessTokens(
  deps: { dataSource: DataSource; clock: Clock },
  name: string,
  tokenUrl: string,
  timeoutMs = 10_000,
): AccessTokens {
  const repo = deps.dataSource.getRepository(ApiToken)
  let cached: { token: string; expiresAt: number } | undefined
  let fetching: Promise<string> | undefined

  async function fetchToken(): Promise<string> {
    const now = deps.clock.now().getTime()
    const stored = await repo.findOneBy({ name })
    if (stored && stored.expiresAt.getTime() - MARGIN_MS > now) {
      cached = { token: stored.token, expiresAt: stored.expiresAt.getTime() }
      return stored.token
    }
    const got = await callPlatform(tokenUrl, undefined, timeoutMs)
    if ('failed' in got) throw new Error(`token: ${got.failed.ok ? '' : got.failed.reason}`)
    const { answer } = got
    if ((answer.errcode ?? 0) !== 0 || typeof answer.access_token !== 'string') {
      throw new Error(`token: errcode ${answer.errcode}: ${String(answer.errmsg ?? '')}`)
    }
    const expiresAt = new Date(now + Number(answer.expires_in ?? 7200) * 1000)
    await repo.upsert({ name, token: answer.access_token, expiresAt }, ['name'])
    cached = { token: answer.access_token, expiresAt: expiresAt.getTime() }
    return answer.access_token
  }

  return {
    async get() {
      if (cached && cached.expiresAt - MARGIN_MS > deps.clock.now().getTime()) return cached.token
      fetching ??= fetchToken().finally(() => {
        fetching = undefined
      })
      return fetching
    },
    async invalidate(refused) {
      const token = refused ?? cached?.token
      cached = undefined
      if (token) await repo.delete({ name, token })
    },
  }
}

import { randomBytes } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import type { DataSource } from 'typeorm'
import { IDENTITY_CHANNELS, type IdentityChannel } from '../../entities/identity-binding.entity'
import { ServiceSecret } from '../../entities/service-secret.entity'
import type { Clock } from '../clock'
import { UnauthorizedError } from '../errors'

/** How long a session token is good for: a week, then the mini-program signs in again (silently, with wx.login). */
export const SESSION_TTL_SECONDS = 7 * 24 * 3600

/** The account a session speaks for: a channel and the id that channel knows the person by. */
export interface Account {
  channel: IdentityChannel
  externalId: string
}

/** Issues and checks the service's own session tokens (HS256 JWT). */
export interface Sessions {
  issue(account: Account): Promise<string>
  /** @throws UnauthorizedError for a token that is malformed, forged, expired or from another service. */
  verify(token: string): Promise<Account>
}

const ISSUER = 'bagui-yingcai'
const SECRET_NAME = 'session-hs256'

/**
 * Sessions signed with `secret` (SESSION_SECRET) or, when none is configured, with a key the
 * service made on its first start and keeps in `service_secret`, so every instance accepts the
 * tokens of every other and a restart signs no one out.
 */
export async function createSessions(
  deps: { dataSource: DataSource; clock: Clock },
  secret?: string,
): Promise<Sessions> {
  const key = new TextEncoder().encode(secret ?? (await sharedSecret(deps.dataSource, deps.clock)))
  const seconds = () => Math.floor(deps.clock.now().getTime() / 1000)
  return {
    async issue(account) {
      const now = seconds()
      return new SignJWT({ ch: account.channel })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(account.externalId)
        .setIssuer(ISSUER)
        .setIssuedAt(now)
        .setExpirationTime(now + SESSION_TTL_SECONDS)
        .sign(key)
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: deps.clock.now(),
        })
        const channel = payload.ch
        if (typeof payload.sub !== 'string' || !IDENTITY_CHANNELS.includes(channel as IdentityChannel)) {
          throw new UnauthorizedError('登录凭证无效，请重新登录')
        }
        return { channel: channel as IdentityChannel, externalId: payload.sub }
      } catch (err) {
        if (err instanceof UnauthorizedError) throw err
        if (err instanceof joseErrors.JWTExpired) throw new UnauthorizedError('登录已过期，请重新登录')
        throw new UnauthorizedError('登录凭证无效，请重新登录')
      }
    },
  }
}

/** The signing key kept in the database: the first instance to start makes it; the others read the same one. */
async function sharedSecret(ds: DataSource, clock: Clock): Promise<string> {
  const repo = ds.getRepository(ServiceSecret)
  const existing = await repo.findOneBy({ name: SECRET_NAME })
  if (existing) return existing.value
  await repo
    .createQueryBuilder()
    .insert()
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), createdAt: clock.now() })
    .orIgnore()
    .execute()
  const stored = await repo.findOneByOrFail({ name: SECRET_NAME })
  return stored.value
}

/**
 * Sessions made on first use: the app is built synchronously, and the shared key is read from the
 * database only when the first token is issued or checked.
 */
export function lazySessions(deps: { dataSource: DataSource; clock: Clock }, secret?: string): Sessions {
  let made: Promise<Sessions> | undefined
  const sessions = () => {
    made ??= createSessions(deps, secret).catch((err: unknown) => {
      made = undefined
      throw err
    })
    return made
  }
  return {
    issue: async (account) => (await sessions()).issue(account),
    verify: async (token) => (await sessions()).verify(token),
  }
}

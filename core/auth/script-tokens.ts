import { createHash, randomBytes } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { ScriptToken } from '../../entities/script-token.entity'
import type { Clock } from '../clock'
import { UnauthorizedError } from '../errors'

/** Every script token starts with this, so a leaked one is recognisable (and told from a session token). */
export const SCRIPT_TOKEN_PREFIX = 'bgyc_'

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Whether a bearer token is a script token (rather than a session). */
export function isScriptToken(token: string): boolean {
  return token.startsWith(SCRIPT_TOKEN_PREFIX)
}

/** Creates a token acting as `personId`; the token is returned once and only its hash is stored. */
export async function createScriptToken(
  deps: { dataSource: DataSource; clock: Clock },
  input: { personId: number; label: string; days?: number },
): Promise<{ id: number; token: string; expiresAt: Date | null }> {
  const token = SCRIPT_TOKEN_PREFIX + randomBytes(24).toString('base64url')
  const now = deps.clock.now()
  const expiresAt = input.days ? new Date(now.getTime() + input.days * 86_400_000) : null
  const saved = await deps.dataSource.getRepository(ScriptToken).save({
    personId: input.personId,
    label: input.label.slice(0, 64),
    tokenHash: hashOf(token),
    createdAt: now,
    expiresAt,
    revokedAt: null,
  })
  return { id: saved.id, token, expiresAt }
}

/** The person a script token acts as. @throws UnauthorizedError for an unknown, revoked or expired token. */
export async function personOfScriptToken(
  deps: { dataSource: DataSource; clock: Clock },
  token: string,
): Promise<number> {
  const row = await deps.dataSource.getRepository(ScriptToken).findOneBy({ tokenHash: hashOf(token) })
  if (!row || row.revokedAt) throw new UnauthorizedError('令牌无效或已被撤销')
  if (row.expiresAt && row.expiresAt <= deps.clock.now()) throw new UnauthorizedError('令牌已过期')
  return row.personId
}

/** Revokes a token by id; true when it was live. */
export async function revokeScriptToken(deps: { dataSource: DataSource; clock: Clock }, id: number): Promise<boolean> {
  const result = await deps.dataSource
    .getRepository(ScriptToken)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: deps.clock.now() })
    .where('id = :id AND revokedAt IS NULL', { id })
    .execute()
  return (result.affected ?? 0) > 0
}

/** Every token, newest first, without the secret (which is not kept). */
export function listScriptTokens(ds: DataSource): Promise<ScriptToken[]> {
  return ds.getRepository(ScriptToken).find({ order: { id: 'DESC' } })
}

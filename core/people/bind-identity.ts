import { type DataSource, IsNull } from 'typeorm'
import { AuditLog } from '../../entities/audit-log.entity'
import { IdentityBinding, type IdentityChannel } from '../../entities/identity-binding.entity'
import { InviteCode } from '../../entities/invite-code.entity'
import type { Role } from '../../entities/person-role.entity'
import { NOBODY } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'

/** Failed attempts one account may make in BIND_WINDOW_MS before it must wait. */
export const BIND_ATTEMPTS = 5
/** The window of BIND_ATTEMPTS. */
export const BIND_WINDOW_MS = 15 * 60_000

/** What a binding attempt came to. */
export type BindOutcome =
  | { kind: 'bound'; personId: number; role: Role }
  | { kind: 'already_bound' }
  | { kind: 'invalid' }
  | { kind: 'expired' }
  | { kind: 'used' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }

const FAILED = 'identity.bind_failed'

/**
 * Redeems a one-time invite code for a channel account (a WeChat contact, a WeCom userid, a
 * terminal handle): the account is then that person's. A code works once and until it
 * expires; an account makes at most BIND_ATTEMPTS failed attempts per window, counted in the
 * audit log so every instance of the service counts the same. One transaction.
 */
export async function bindIdentity(
  deps: { dataSource: DataSource; clock: Clock },
  input: { channel: IdentityChannel; externalId: string; code: string },
): Promise<BindOutcome> {
  const now = deps.clock.now()
  const target = `${input.channel}:${input.externalId}`
  return deps.dataSource.transaction(async (m) => {
    if (await m.existsBy(IdentityBinding, { channel: input.channel, externalId: input.externalId })) {
      return { kind: 'already_bound' }
    }
    const since = new Date(now.getTime() - BIND_WINDOW_MS)
    const failures = await m
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .where('a.action = :action AND a.target = :target AND a.at > :since', { action: FAILED, target, since })
      .orderBy('a.at', 'ASC')
      .getMany()
    if (failures.length >= BIND_ATTEMPTS) {
      const oldest = failures[0] as AuditLog
      const wait = Math.ceil((oldest.at.getTime() + BIND_WINDOW_MS - now.getTime()) / 60_000)
      return { kind: 'rate_limited', retryAfterMinutes: Math.max(1, wait) }
    }
    const code = input.code.trim().toUpperCase()
    const invite = await m.findOneBy(InviteCode, { code })
    const refusal: BindOutcome | undefined = !invite
      ? { kind: 'invalid' }
      : invite.usedAt
        ? { kind: 'used' }
        : invite.expiresAt <= now
          ? { kind: 'expired' }
          : undefined
    if (refusal || !invite) {
      await audit(m, NOBODY, FAILED, target, { reason: refusal?.kind ?? 'invalid' }, now)
      return refusal ?? { kind: 'invalid' }
    }
    const claimed = await m.update(InviteCode, { id: invite.id, usedAt: IsNull() }, { usedAt: now })
    if (!claimed.affected) return { kind: 'used' }
    await m.insert(IdentityBinding, {
      personId: invite.personId,
      channel: input.channel,
      externalId: input.externalId,
      boundAt: now,
    })
    await audit(m, { personId: invite.personId, roles: [] }, 'identity.bind', target, { role: invite.role }, now)
    return { kind: 'bound', personId: invite.personId, role: invite.role }
  })
}

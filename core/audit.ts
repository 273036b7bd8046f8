import type { EntityManager } from 'typeorm'
import { AuditLog } from '../entities/audit-log.entity'
import type { Actor } from './actor'
import { maskPersonalData } from './privacy/mask'

/**
 * Records a staff action (or another change worth tracing) in the audit log, inside the
 * caller's transaction so the trail and the change land together. Personal data in `detail`
 * is masked.
 */
export async function audit(
  m: EntityManager,
  actor: Actor,
  action: string,
  target: string | null,
  detail: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await m.insert(AuditLog, {
    actorId: actor.personId ?? null,
    action,
    target,
    detail: JSON.stringify(maskPersonalData(detail)),
    at,
  })
}

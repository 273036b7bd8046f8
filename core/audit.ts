import { type DataSource, type EntityManager, In } from 'typeorm'
import { AuditLog } from '../entities/audit-log.entity'
import { Person } from '../entities/person.entity'
import type { Actor } from './actor'
import { requireAccess } from './policies'
import { maskName, maskPersonalData, maskText } from './privacy/mask'

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

/** One entry of the audit log as the office reads it: detail parsed and masked again (older entries too). */
export interface AuditEntry {
  id: number
  actorId: number | null
  actorName: string | null
  action: string
  target: string | null
  detail: unknown
  at: Date
}

/** A page of the audit log. */
export interface AuditPage {
  total: number
  page: number
  pageSize: number
  entries: AuditEntry[]
}

/**
 * The audit log, newest first, filtered by actor, action (exact, or a prefix ending in `.`:
 * `roster.`) and time (`from` inclusive, `to` exclusive), a page at a time. Names and phone numbers
 * in the detail are masked; the actor's name is masked too.
 * @throws ForbiddenError unless the actor is office staff.
 */
export async function listAuditLog(
  ds: DataSource,
  actor: Actor,
  filter: { actorId?: number; action?: string; from?: Date; to?: Date; page: number; pageSize: number },
): Promise<AuditPage> {
  requireAccess(actor, 'audit.read')
  const qb = ds.getRepository(AuditLog).createQueryBuilder('a')
  if (filter.actorId !== undefined) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId })
  if (filter.action?.endsWith('.')) {
    qb.andWhere('a.action LIKE :prefix', { prefix: `${filter.action.replace(/[%\\]/g, '')}%` })
  } else if (filter.action) qb.andWhere('a.action = :action', { action: filter.action })
  if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from })
  if (filter.to) qb.andWhere('a.at < :to', { to: filter.to })
  const [rows, total] = await qb
    .orderBy('a.at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getManyAndCount()
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))]
  const names = new Map(
    (actorIds.length ? await ds.getRepository(Person).findBy({ id: In(actorIds) }) : []).map((p) => [
      p.id,
      p.displayName,
    ]),
  )
  return {
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    entries: rows.map((r) => ({
      id: r.id,
      actorId: r.actorId,
      actorName: r.actorId === null ? null : maskName(names.get(r.actorId) ?? ''),
      action: r.action,
      target: r.target === null ? null : maskText(r.target),
      detail: parseDetail(r.detail),
      at: r.at,
    })),
  }
}

function parseDetail(raw: unknown): unknown {
  if (raw == null) return null
  try {
    return maskPersonalData(JSON.parse(String(raw)))
  } catch {
    return maskText(String(raw))
  }
}

import { type DataSource, In } from 'typeorm'
import { Announcement } from '../../entities/announcement.entity'
import { Group } from '../../entities/group.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import type { Actor } from '../actor'
import { NotFoundError } from '../errors'
import { requireAccess } from '../policies'

/** How far a broadcast's deliveries have come: per group, and counted for the people. */
export interface BroadcastStatus {
  announcement: { id: number; title: string; createdAt: Date }
  groups: Array<{ name: string; status: string; error: string | null }>
  people: { sent: number; pending: number; failed: number; unreached: number }
}

/** An outbox status as staff read it: sent, pending (waiting or being sent) or failed (dead). */
function readable(status: string): 'sent' | 'pending' | 'failed' {
  if (status === 'sent') return 'sent'
  if (status === 'dead') return 'failed'
  return 'pending'
}

/**
 * The delivery of the latest broadcasts (`广播状态`): for each, every group's state with the
 * reason of a failure, and the people's counts (sent, pending, failed, unreached).
 * @throws ForbiddenError unless the actor is office staff.
 */
export async function broadcastStatus(
  ds: DataSource,
  actor: Actor,
  cohortId: number,
  limit = 3,
): Promise<BroadcastStatus[]> {
  requireAccess(actor, 'broadcast.send')
  const announcements = await ds
    .getRepository(Announcement)
    .find({ where: { cohortId }, order: { id: 'DESC' }, take: limit })
  const result: BroadcastStatus[] = []
  for (const a of announcements) result.push(await deliveryOf(ds, a))
  return result
}

/**
 * The delivery report of one broadcast (`GET /api/v1/broadcasts/:id/status`).
 * @throws ForbiddenError unless the actor is office staff; NotFoundError for an unknown id.
 */
export async function broadcastStatusOf(
  ds: DataSource,
  actor: Actor,
  announcementId: number,
): Promise<BroadcastStatus> {
  requireAccess(actor, 'broadcast.send')
  const announcement = await ds.getRepository(Announcement).findOneBy({ id: announcementId })
  if (!announcement) throw new NotFoundError('没有这条广播')
  return deliveryOf(ds, announcement)
}

/** Every group's state and the people's counts of one announcement, from its outbox rows. */
async function deliveryOf(ds: DataSource, a: Announcement): Promise<BroadcastStatus> {
  const rows = await ds
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .select([
      'o.channel AS channel',
      'o.status AS status',
      'o.idempotencyKey AS idempotencyKey',
      'o.lastError AS lastError',
    ])
    .where('o.idempotencyKey LIKE :prefix', { prefix: `announcement:${a.id}:%` })
    .getRawMany<{ channel: string; status: string; idempotencyKey: string; lastError: string | null }>()
  const groupIds = rows
    .map((r) => /:group:(\d+)$/.exec(r.idempotencyKey)?.[1])
    .filter((id): id is string => Boolean(id))
    .map(Number)
  const names = new Map(
    (groupIds.length ? await ds.getRepository(Group).findBy({ id: In(groupIds) }) : []).map((g) => [
      g.id,
      g.name || g.externalId,
    ]),
  )
  const people = { sent: 0, pending: 0, failed: 0, unreached: 0 }
  const groups: BroadcastStatus['groups'] = []
  for (const r of rows) {
    const group = /:group:(\d+)$/.exec(r.idempotencyKey)?.[1]
    if (group) {
      groups.push({ name: names.get(Number(group)) ?? `群 ${group}`, status: readable(r.status), error: r.lastError })
    } else if (r.channel === 'unreached') {
      people.unreached++
    } else {
      people[readable(r.status)]++
    }
  }
  return { announcement: { id: a.id, title: a.title, createdAt: a.createdAt }, groups, people }
}

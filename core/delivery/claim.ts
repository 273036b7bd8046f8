import { Brackets, type DataSource, type EntityManager, In } from 'typeorm'
import { OutboxMessage } from '../../entities/outbox-message.entity'

/** How a claim is made: which channels this instance sends, and how long a claim lasts unrenewed. */
export interface ClaimOptions {
  channels: string[]
  /** After this long a `sending` row's claim counts as a crashed instance's and may be taken over. */
  leaseMs: number
}

/** The rows a claim may take: due and pending, or sending under an expired lease, on these channels. */
function due(m: EntityManager, now: Date, options: ClaimOptions) {
  const expired = new Date(now.getTime() - options.leaseMs)
  return m
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .select('o.id', 'id')
    .where('o.channel IN (:...channels)', { channels: options.channels })
    .andWhere(
      new Brackets((q) =>
        q
          .where('(o.status = :pending AND o.nextAttemptAt <= :now)', { pending: 'pending', now })
          .orWhere('(o.status = :sending AND o.lockedAt < :expired)', { sending: 'sending', expired }),
      ),
    )
    .orderBy('o.nextAttemptAt', 'ASC')
    .addOrderBy('o.id', 'ASC')
}

/**
 * Claims up to `limit` due outbox rows for `instance` (status sending, lockedBy, lockedAt = now)
 * and returns them, oldest due first. Two instances never claim the same row: on MySQL/MariaDB
 * the rows are chosen with `SELECT … FOR UPDATE SKIP LOCKED` inside a transaction, so a second
 * claimer skips them instead of waiting; on SQLite the transaction is the one writer (see
 * createDataSource). The update is also guarded by the row's state, so a row another claim
 * took in between is not taken twice. Rows of a crashed instance (sending, lease expired) are
 * claimed again like due ones.
 */
export async function claimDue(
  ds: DataSource,
  instance: string,
  now: Date,
  limit: number,
  options: ClaimOptions,
): Promise<OutboxMessage[]> {
  if (limit <= 0 || options.channels.length === 0) return []
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb'
  const ids = await ds.transaction(async (m) => {
    let select = due(m, now, options).limit(limit)
    if (mysql) select = select.setLock('pessimistic_write').setOnLocked('skip_locked')
    const chosen = (await select.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
    if (chosen.length === 0) return []
    const expired = new Date(now.getTime() - options.leaseMs)
    await m
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'sending', lockedBy: instance, lockedAt: now })
      .where({ id: In(chosen) })
      .andWhere(
        new Brackets((q) =>
          q
            .where('(status = :pending AND nextAttemptAt <= :now)', { pending: 'pending', now })
            .orWhere('(status = :sending AND lockedAt < :expired)', { sending: 'sending', expired }),
        ),
      )
      .execute()
    return chosen
  })
  if (ids.length === 0) return []
  const rows = await ds.getRepository(OutboxMessage).findBy({ id: In(ids), lockedBy: instance, status: 'sending' })
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id)
}

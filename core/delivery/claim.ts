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
 * took in between is not taken twice. Under contention a claim may return fewer rows than are due
 * (SKIP LOCKED passes over rows another claim is looking at); the next claim gets them. Rows of a crashed instance (sending, lease expired) are
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
  const ids = await withDeadlockRetry(() => chooseAndLock(ds, mysql, instance, now, limit, options))
  if (ids.length === 0) return []
  const rows = await ds.getRepository(OutboxMessage).findBy({ id: In(ids), lockedBy: instance, status: 'sending' })
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id)
}

/** Runs a claim again when InnoDB chose it as a deadlock victim (claims racing on the same index range). */
async function withDeadlockRetry<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work()
    } catch (err) {
      const code = (err as { driverError?: { code?: string } }).driverError?.code
      if (code !== 'ER_LOCK_DEADLOCK' || i >= tries) throw err
    }
  }
}

/** The claim's transaction: chooses the due rows and marks them this instance's; returns their ids. */
function chooseAndLock(
  ds: DataSource,
  mysql: boolean,
  instance: string,
  now: Date,
  limit: number,
  options: ClaimOptions,
): Promise<number[]> {
  return ds.transaction(async (m) => {
    let select = due(m, now, options).limit(limit)
    if (mysql) select = select.setLock('pessimistic_write').setOnLocked('skip_locked')
    const chosen = (await select.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
    if (chosen.length === 0) return []
    const update = m
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'sending', lockedBy: instance, lockedAt: now })
      .where({ id: In(chosen) })
    // On MySQL the chosen rows are locked by this transaction already: guarding again would lock index ranges
    // and make concurrent claims deadlock. SQLite has no row locks: the guard keeps the update honest.
    if (!mysql) {
      const expired = new Date(now.getTime() - options.leaseMs)
      update.andWhere(
        new Brackets((q) =>
          q
            .where('(status = :pending AND nextAttemptAt <= :now)', { pending: 'pending', now })
            .orWhere('(status = :sending AND lockedAt < :expired)', { sending: 'sending', expired }),
        ),
      )
    }
    await update.execute()
    return chosen
  })
}

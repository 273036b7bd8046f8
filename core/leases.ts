import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { ChannelLease } from '../entities/channel-lease.entity'

/** This process's id as a lease holder: host, pid and a random part, so a restarted process is a new holder. */
export function instanceId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`
}

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`. Succeeds when nobody holds
 * it, when the holder already holds it, or when the other holder's lease has expired (it died
 * or lost the database). One atomic statement each way, so two instances never both succeed.
 */
export async function acquireLease(
  ds: DataSource,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs)
  const repo = ds.getRepository(ChannelLease)
  const taken = await repo
    .createQueryBuilder()
    .update(ChannelLease)
    .set({ holder, expiresAt })
    .where('name = :name AND (holder = :holder OR expiresAt < :now)', { name, holder, now })
    .execute()
  if (taken.affected) return true
  try {
    await repo.insert({ name, holder, expiresAt })
    return true
  } catch {
    // The row exists and is someone else's live lease (or another instance inserted it just now).
    return false
  }
}

/** Gives the lease up at once, if `holder` holds it, so another instance need not wait for it to expire. */
export async function releaseLease(ds: DataSource, name: string, holder: string): Promise<void> {
  await ds.getRepository(ChannelLease).delete({ name, holder })
}

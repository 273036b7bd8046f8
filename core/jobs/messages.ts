import { type DataSource, In } from 'typeorm'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { addressesOf } from '../people/addresses'
import { beijingDate } from '../time'

/** Whom a scheduled message is for (CONTRACT §9's `role`). */
export type RecipientRole = 'student' | 'parent' | 'teacher' | 'mentor' | 'staff'

/** A message a job wants sent to a person, before it is addressed. */
export interface PlannedMessage {
  job: string
  personId: number
  role: RecipientRole
  /** What it is about, part of the idempotency key: a milestone, an activity and stage, a week. */
  subject: string
  /** The Beijing day the key is counted on (a reminder for the same subject on another day is another message). */
  day: string
  text: string
}

/** A planned message with where and when it goes (CONTRACT §9). */
export interface QueuedMessage extends PlannedMessage {
  /** The demo handle for demo people, else person:<id>. */
  to: string
  channel: string
  recipient: string
  sendAt: Date
  key: string
}

/** Quiet hours for students and parents, Beijing time: nothing between 22:00 and 07:00. */
const QUIET_FROM = 22
const QUIET_UNTIL = 7

/** When a message planned at `at` may go to someone of `role`: at once, or at 07:00 Beijing after quiet hours. */
export function sendTimeFor(role: RecipientRole, at: Date): Date {
  if (role !== 'student' && role !== 'parent') return at
  const hour = new Date(at.getTime() + 8 * 3_600_000).getUTCHours()
  if (hour >= QUIET_UNTIL && hour < QUIET_FROM) return at
  const day = beijingDate(at)
  const morning = new Date(`${day}T0${QUIET_UNTIL}:00:00+08:00`)
  return hour >= QUIET_FROM ? new Date(morning.getTime() + 86_400_000) : morning
}

/**
 * Addresses planned messages: each person's preferred account (or channel `unreached`, so the
 * office sees who no channel reaches), the send time after quiet hours, and the idempotency
 * key (job, subject, person, day).
 */
export async function addressMessages(ds: DataSource, planned: PlannedMessage[], at: Date): Promise<QueuedMessage[]> {
  const addresses = await addressesOf(ds, [...new Set(planned.map((p) => p.personId))])
  return planned.map((p) => {
    const address = addresses.get(p.personId)
    return {
      ...p,
      to: address?.handle ?? `person:${p.personId}`,
      channel: address?.channel ?? 'unreached',
      recipient: address?.recipient ?? `person:${p.personId}`,
      sendAt: sendTimeFor(p.role, at),
      key: `${p.job}:${p.subject}:${p.personId}:${p.day}`.slice(0, 191),
    }
  })
}

/** Writes messages to the outbox; a key already there is skipped, so a re-run or a second instance adds nothing. Returns how many were new. */
export async function queueMessages(ds: DataSource, messages: QueuedMessage[], now: Date): Promise<number> {
  let added = 0
  const repo = ds.getRepository(OutboxMessage)
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500)
    const known = await repo.count({ where: { idempotencyKey: In(batch.map((m) => m.key)) } })
    const rows = batch.map((m) => ({
      channel: m.channel,
      recipient: m.recipient,
      payload: JSON.stringify({ text: m.text, job: m.job }),
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: m.sendAt,
      idempotencyKey: m.key,
      lockedBy: null,
      lockedAt: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }))
    await ds.createQueryBuilder().insert().into(OutboxMessage).values(rows).orIgnore().execute()
    // Informative only: another instance queueing the same keys at this moment may make it high.
    added += rows.length - known
  }
  return added
}

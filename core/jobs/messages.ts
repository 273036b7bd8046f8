import type { DataSource, QueryRunner } from 'typeorm'
import { datetimeParameter } from '../data-source'
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

const OUTBOX_COLUMNS = [
  'channel',
  'recipient',
  'payload',
  'status',
  'attempts',
  'nextAttemptAt',
  'idempotencyKey',
  'lockedBy',
  'lockedAt',
  'lastError',
  'createdAt',
  'sentAt',
]

/**
 * Writes messages to the outbox; a key already there is skipped (INSERT … IGNORE on the unique
 * key), so a re-run or a second instance adds nothing. One statement per 500 messages, written
 * directly: a cohort's reminders are hundreds of thousands of rows. Returns how many were new.
 */
export async function queueMessages(ds: DataSource, messages: QueuedMessage[], now: Date): Promise<number> {
  const q = (name: string) => ds.driver.escape(name)
  const verb = ds.options.type === 'better-sqlite3' ? 'INSERT OR IGNORE' : 'INSERT IGNORE'
  const head = `${verb} INTO ${q('outbox_message')} (${OUTBOX_COLUMNS.map(q).join(', ')}) VALUES `
  const row = `(${OUTBOX_COLUMNS.map(() => '?').join(', ')})`
  const created = datetimeParameter(ds, now)
  let added = 0
  // One transaction per thousand messages: each index page is written once, not once a row.
  for (let start = 0; start < messages.length; start += 1000) {
    const slice = messages.slice(start, start + 1000)
    added += await ds.transaction(async (m) => {
      let inserted = 0
      for (let i = 0; i < slice.length; i += 500) {
        const batch = slice.slice(i, i + 500)
        const parameters = batch.flatMap((msg) => [
          msg.channel,
          msg.recipient,
          JSON.stringify({ text: msg.text, job: msg.job }),
          'pending',
          0,
          datetimeParameter(ds, msg.sendAt),
          msg.key,
          null,
          null,
          null,
          created,
          null,
        ])
        const result = await (m.queryRunner as QueryRunner).query(
          head + batch.map(() => row).join(', '),
          parameters,
          true,
        )
        inserted += Number(result.affected ?? 0)
      }
      return inserted
    })
  }
  return added
}

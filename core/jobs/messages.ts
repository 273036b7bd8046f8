import type { DataSource, QueryRunner } from 'typeorm'
import { datetimeParameter } from '../data-source'
import { outboxTextHash } from '../delivery/outbox-payload'
import { CHANNEL_PREFERENCE, addressesOf } from '../people/addresses'
import { beijingDate } from '../time'
import { dialectOf } from './sql'

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

/**
 * A set of messages as one SELECT, computed by the database for the whole cohort: one row per
 * message with the columns personId, role, subject, day and text (see PlannedMessage).
 */
export interface MessageQuery {
  sql: string
  parameters: unknown[]
  /**
   * The texts the query may give, so queueQuery stores each once in outbox_text before it
   * writes the rows (a cohort's reminders are a million rows and a few dozen texts): the texts
   * themselves, or a cheap SELECT of one column `text` listing them (more than are used is
   * fine), or none (`[]`) when an earlier source of the same job listed them. A text not listed
   * is not lost: its rows carry it in their own payload.
   */
  texts?: string[] | { sql: string; parameters: unknown[] }
}

/** The rank of a binding's channel in CHANNEL_PREFERENCE, as SQL. */
const channelRank = (binding: string) =>
  `CASE ${binding}.channel ${CHANNEL_PREFERENCE.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${CHANNEL_PREFERENCE.length} END`

/**
 * A job's query `t` joined to each person's preferred binding `b`, as addressMessages() chooses
 * it: no binding of the person ranks before it (by channel, then age). A join rather than a
 * subquery per row, so the databases read `t` as it comes instead of copying it to a
 * temporary table first.
 */
const ADDRESSED_FROM = (query: MessageQuery) => `FROM (${query.sql}) t
  LEFT JOIN identity_binding b ON b.personId = t.personId AND NOT EXISTS (
    SELECT 1 FROM identity_binding b2 WHERE b2.personId = b.personId
      AND (${channelRank('b2')} < ${channelRank('b')} OR (b2.channel = b.channel AND b2.id < b.id)))`

/** The address and key columns of an addressed query, as queueQuery writes them. */
function addressColumns(ds: DataSource, job: string) {
  const d = dialectOf(ds)
  return {
    channel: "COALESCE(b.channel, 'unreached')",
    recipient: `COALESCE(b.externalId, ${d.concat("'person:'", 't.personId')})`,
    key: `SUBSTR(${d.concat(d.literal(`${job}:`), 't.subject', "':'", 't.personId', "':'", 't.day')}, 1, 191)`,
  }
}

/**
 * Writes a query's messages to the outbox in one INSERT … SELECT: the database composes,
 * addresses and writes every row (the send time after quiet hours, the idempotency key), and
 * skips a key already there (INSERT … IGNORE on the unique key), so a re-run or a second
 * instance adds nothing. The query's texts are stored first, once each (storeTexts), and a row
 * whose text is stored refers to it (textId, found by the text's SHA-256) with only the job in
 * its payload: what MariaDB sorts and writes is a few dozen bytes a message instead of half a
 * kilobyte, so a cohort's outbox fits the buffer pool. Nothing crosses into the process but the
 * count of new rows. Rows are written in key order, so the unique index grows at its end
 * instead of at random pages. MySQL/MariaDB read committed rows without locking them, so
 * students writing logs meanwhile do not wait for it.
 */
export async function queueQuery(ds: DataSource, job: string, query: MessageQuery, now: Date): Promise<number> {
  const d = dialectOf(ds)
  const c = addressColumns(ds, job)
  const ownText = `JSON_OBJECT('text', t.text, 'job', ${d.literal(job)})`
  const shared = query.texts !== undefined
  const sql = `${d.sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO outbox_message
      (channel, recipient, payload, textId, status, attempts, nextAttemptAt, idempotencyKey, lockedBy, lockedAt, lastError, createdAt, sentAt)
    SELECT ${c.channel}, ${c.recipient},
      ${shared ? `CASE WHEN x.id IS NULL THEN ${ownText} ELSE ${d.literal(JSON.stringify({ job }))} END, x.id` : `${ownText}, NULL`},
      'pending', 0, CASE WHEN t.role IN ('student', 'parent') THEN ? ELSE ? END, ${c.key}, NULL, NULL, NULL, ?, NULL
    ${ADDRESSED_FROM(query)}
    ${shared ? 'LEFT JOIN outbox_text x ON x.hash = SHA2(t.text, 256)' : ''}
    ORDER BY 8`
  const parameters = [
    datetimeParameter(ds, sendTimeFor('student', now)),
    datetimeParameter(ds, now),
    datetimeParameter(ds, now),
    ...query.parameters,
  ]
  const write = async (runner: QueryRunner) => {
    if (query.texts) await storeTexts(ds, runner, query.texts)
    return Number((await runner.query(sql, parameters, true)).affected ?? 0)
  }
  if (d.sqlite) return ds.transaction((m) => write(m.queryRunner as QueryRunner))
  return ds.transaction('READ COMMITTED', (m) => write(m.queryRunner as QueryRunner))
}

/** How many texts one INSERT of storeTexts writes. */
const TEXT_BATCH = 200

/** Adds the texts outbox_text lacks: given ones with their hash computed here, listed ones by one INSERT … SELECT. */
async function storeTexts(ds: DataSource, runner: QueryRunner, texts: NonNullable<MessageQuery['texts']>) {
  const verb = dialectOf(ds).sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'
  if (!Array.isArray(texts)) {
    await runner.query(`${verb} INTO outbox_text (hash, text) SELECT SHA2(u.text, 256), u.text FROM (${texts.sql}) u`, [
      ...texts.parameters,
    ])
    return
  }
  const distinct = [...new Set(texts)]
  for (let i = 0; i < distinct.length; i += TEXT_BATCH) {
    const batch = distinct.slice(i, i + TEXT_BATCH)
    await runner.query(
      `${verb} INTO outbox_text (hash, text) VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
      batch.flatMap((text) => [outboxTextHash(text), text]),
    )
  }
}

/** How many rows a preview hands over at once. */
const PREVIEW_PAGE = 1000

/**
 * A query's messages addressed, as queueQuery would write them, handed over a page at a time
 * while the database streams them (a cohort's messages never sit in memory at once), in a
 * stable order. Writes nothing. `handle` must not use the database (SQLite's one connection is
 * busy streaming).
 */
export async function previewQuery(
  ds: DataSource,
  job: string,
  query: MessageQuery,
  at: Date,
  handle: (page: QueuedMessage[]) => Promise<void>,
): Promise<void> {
  const c = addressColumns(ds, job)
  const sql = `SELECT t.personId, t.role, t.subject, t.day, t.text, ${c.channel} AS channel, ${c.recipient} AS recipient,
      ${c.key} AS idempotencyKey,
      (SELECT MAX(h.externalId) FROM identity_binding h WHERE h.personId = t.personId AND h.channel = 'terminal') AS handle
    ${ADDRESSED_FROM(query)}
    ORDER BY 8`
  let page: QueuedMessage[] = []
  const toMessage = (r: AddressedRow): QueuedMessage => {
    const personId = Number(r.personId)
    return {
      job,
      personId,
      role: r.role,
      subject: r.subject,
      day: r.day,
      text: r.text,
      to: r.handle ?? `person:${personId}`,
      channel: r.channel,
      recipient: r.recipient,
      sendAt: sendTimeFor(r.role, at),
      key: r.idempotencyKey,
    }
  }
  for await (const row of streamRows<AddressedRow>(ds, sql, query.parameters)) {
    page.push(toMessage(row))
    if (page.length < PREVIEW_PAGE) continue
    await handle(page)
    page = []
  }
  if (page.length) await handle(page)
}

/** A row of an addressed query, as the drivers return it. */
interface AddressedRow {
  personId: number | string
  role: RecipientRole
  subject: string
  day: string
  text: string
  channel: string
  recipient: string
  idempotencyKey: string
  handle: string | null
}

/** The rows of a SELECT as the database produces them: better-sqlite3's iterator, mysql2's stream. */
async function* streamRows<T>(ds: DataSource, sql: string, parameters: unknown[]): AsyncGenerator<T> {
  if (ds.options.type === 'better-sqlite3') {
    const db = (ds.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
    yield* db.prepare(sql).iterate(...parameters) as Iterable<T>
    return
  }
  const runner = ds.createQueryRunner()
  try {
    yield* (await runner.stream(sql, parameters)) as AsyncIterable<T>
  } finally {
    await runner.release()
  }
}

/** The part of better-sqlite3's connection the preview uses. */
interface SqliteConnection {
  prepare(sql: string): { iterate(...parameters: unknown[]): Iterable<unknown> }
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
 * Writes messages composed one by one (few, each its own text: the mentor digest's) to the
 * outbox, each row with its text in its payload; a key already there is skipped (INSERT …
 * IGNORE on the unique key), so a re-run or a second instance adds nothing. One statement per
 * 500 messages, one transaction. Returns how many were new.
 */
export async function queueMessages(ds: DataSource, messages: QueuedMessage[], now: Date): Promise<number> {
  const q = (name: string) => ds.driver.escape(name)
  const verb = ds.options.type === 'better-sqlite3' ? 'INSERT OR IGNORE' : 'INSERT IGNORE'
  const head = `${verb} INTO ${q('outbox_message')} (${OUTBOX_COLUMNS.map(q).join(', ')}) VALUES `
  const row = "(?, ?, ?, 'pending', 0, ?, ?, NULL, NULL, NULL, ?, NULL)"
  const created = datetimeParameter(ds, now)
  return ds.transaction(async (m) => {
    let inserted = 0
    for (let i = 0; i < messages.length; i += 500) {
      const batch = messages.slice(i, i + 500)
      const parameters = batch.flatMap((msg) => [
        msg.channel,
        msg.recipient,
        JSON.stringify({ text: msg.text, job: msg.job }),
        datetimeParameter(ds, msg.sendAt),
        msg.key,
        created,
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

import { expect } from 'vitest'
import type { DataSource } from 'typeorm'
import { OutboxAttempt } from '../../entities/outbox-attempt.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'

/** Writes pending outbox rows as the jobs and broadcasts do: one per message, due at `at`. */
export async function queueMessages(
  ds: DataSource,
  messages: Array<{ channel: string; recipient: string; text: string; key?: string; extra?: Record<string, unknown> }>,
  at: Date,
): Promise<void> {
  const rows = messages.map((m, i) => ({
    channel: m.channel,
    recipient: m.recipient,
    payload: JSON.stringify({ text: m.text, ...m.extra }),
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: at,
    idempotencyKey: m.key ?? `test:${at.getTime()}:${i}:${m.recipient}:${m.text.slice(0, 40)}`,
    lockedBy: null,
    lockedAt: null,
    lastError: null,
    createdAt: at,
    sentAt: null,
  }))
  for (let i = 0; i < rows.length; i += 200) await ds.getRepository(OutboxMessage).insert(rows.slice(i, i + 200))
}

/** Waits until no row of these channels is pending or sending (or the time is up). */
export async function drained(ds: DataSource, channels: string[], timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const open = await ds
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.channel IN (:...channels) AND o.status IN (:...open)', { channels, open: ['pending', 'sending'] })
      .getCount()
    if (open === 0) return
    if (Date.now() > until) throw new Error(`${open} messages still open after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Empties the outbox and its attempts between tests. */
export async function clearOutbox(ds: DataSource): Promise<void> {
  await ds.createQueryBuilder().delete().from(OutboxAttempt).execute()
  await ds.createQueryBuilder().delete().from(OutboxMessage).execute()
}

/**
 * Sixteen texts p0…p15 to one recipient, paced at 5 a second: in every second at most five
 * arrived, the whole took three seconds at least, and they arrived in the order written.
 */
export function expectPacedSixteen(receipts: Array<{ at: number; text: string }>): void {
  const times = receipts.map((r) => r.at)
  expect(times).toHaveLength(16)
  for (const t of times) expect(times.filter((u) => u >= t && u < t + 1_000).length).toBeLessThanOrEqual(5)
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3_000)
  expect(receipts.map((r) => r.text)).toEqual(Array.from({ length: 16 }, (_, i) => `p${i}`))
}

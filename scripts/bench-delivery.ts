/**
 * `outbox.dispatch` (CONTRACT §7): messages per second through the outbox dispatcher — claim,
 * send, record the attempt, mark sent — against a fake in-process sender that answers at once,
 * so the figure is the dispatcher's and the database's own cost. Messages go to many recipients
 * (each recipient's messages go in order), default concurrency. One line per database.
 */
import { type Print, onEachDatabase } from './bench-databases'
import pino from 'pino'
import { characters } from '../bot/split'
import { createClock } from '../core/clock'
import { openDatabase } from '../core/db'
import { startDispatcher } from '../core/delivery/dispatcher'
import type { Sender } from '../core/delivery/sender'
import { OutboxMessage } from '../entities/outbox-message.entity'

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 5_000)

async function dispatchAll(url: string): Promise<Record<string, number>> {
  const dataSource = await openDatabase(url)
  try {
    const now = new Date()
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({
      channel: 'bench',
      recipient: `person-${i % 500}`,
      payload: JSON.stringify({ text: `【八桂英才计划通知】第${i}条：请按时提交成长日志。` }),
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      idempotencyKey: `bench:${i}`,
      lockedBy: null,
      lockedAt: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }))
    for (let i = 0; i < rows.length; i += 500)
      await dataSource.getRepository(OutboxMessage).insert(rows.slice(i, i + 500))
    let sent = 0
    const sender: Sender = {
      limit: 2048,
      measure: characters,
      async send() {
        sent++
        return { ok: true }
      },
    }
    const started = process.hrtime.bigint()
    const dispatcher = startDispatcher(
      { dataSource, clock: createClock(), logger: pino({ level: 'silent' }) },
      { bench: sender },
      { pollMs: 10, concurrency: 16 },
    )
    while ((await dataSource.getRepository(OutboxMessage).countBy({ status: 'sent' })) < MESSAGES) {
      await new Promise((r) => setTimeout(r, 20))
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    await dispatcher.stop()
    return {
      messages: MESSAGES,
      sends: sent,
      per_s: Math.round(MESSAGES / seconds),
      seconds: Number(seconds.toFixed(2)),
    }
  } finally {
    await dataSource.destroy()
  }
}

/** outbox.dispatch on SQLite, and on MySQL/MariaDB when TEST_MYSQL_URL is set. */
export function outboxDispatch(print: Print): Promise<void> {
  return onEachDatabase('outbox.dispatch', print, dispatchAll)
}

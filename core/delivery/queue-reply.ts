import type { DataSource } from 'typeorm'
import { OutboxMessage } from '../../entities/outbox-message.entity'

/** One chat reply to queue: where it goes, what it says, and the key that makes it once-only. */
export interface QueuedReply {
  channel: string
  recipient: string
  text: string
  /** Unique per reply, e.g. wecom-app:<MsgId>:reply: the same message answered twice queues one row. */
  idempotencyKey: string
  /** More of the payload the channel's sender reads (e.g. the 微信客服 account). */
  extra?: Record<string, unknown>
}

/**
 * Queues the assistant's reply to a person in the outbox, due now, for the dispatcher to send
 * through the channel's sender. A row with the same key already there is left as it is.
 */
export async function queueReply(ds: DataSource, reply: QueuedReply, now: Date): Promise<void> {
  await ds
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({
      channel: reply.channel,
      recipient: reply.recipient,
      payload: JSON.stringify({ ...reply.extra, text: reply.text }),
      status: 'pending',
      attempts: 0,
      partsSent: 0,
      nextAttemptAt: now,
      idempotencyKey: reply.idempotencyKey.slice(0, 191),
      lockedBy: null,
      lockedAt: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    })
    .orIgnore()
    .execute()
}

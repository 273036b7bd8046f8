import { type DataSource, Like } from 'typeorm'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { WechatKfCustomer } from '../../entities/wechat-kf-customer.entity'
import type { Actor } from '../actor'
import type { Clock } from '../clock'
import { outboxPayload } from '../delivery/outbox-payload'
import { requireAccess } from '../policies'

/** The outbox channel (and identity channel) of WeChat users reached through 微信客服. */
export const KF_CHANNEL = 'wechat-kf'

/** `kf/send_msg` may send this many messages… */
export const KF_MAX_SENDS = 5
/** …within this long after the user's last message (PLATFORM.md). */
export const KF_WINDOW_MS = 48 * 3_600_000

/** How a row over the limit is marked (its lastError starts with it): kept, listed for the office, sent when the user writes again. */
export const KF_HELD_MARK = 'kf_window'

/**
 * Records that a WeChat user wrote to a 客服 account at `at` (the platform's send_time): their
 * 48-hour window opens again with 5 messages, and the replies held for them over the last
 * window are made due now (they go first, oldest first). A message older than the one recorded
 * changes nothing.
 */
export async function noteCustomerMessage(
  deps: { dataSource: DataSource; clock: Clock },
  input: { openKfId: string; externalUserId: string; at: Date },
): Promise<void> {
  const ds = deps.dataSource
  const repo = ds.getRepository(WechatKfCustomer)
  const where = { openKfId: input.openKfId, externalUserId: input.externalUserId }
  const moved = await repo
    .createQueryBuilder()
    .update()
    .set({ lastMessageAt: input.at, sentSince: 0 })
    .where('openKfId = :openKfId AND externalUserId = :externalUserId AND lastMessageAt < :at', {
      ...where,
      at: input.at,
    })
    .execute()
  if (!moved.affected) {
    try {
      await repo.insert({ ...where, lastMessageAt: input.at, sentSince: 0 })
    } catch {
      // The row exists with this message or a later one: the window is already as open as it gets.
      return
    }
  }
  await ds
    .getRepository(OutboxMessage)
    .createQueryBuilder()
    .update()
    .set({ nextAttemptAt: deps.clock.now() })
    .where('channel = :channel AND recipient = :recipient AND status = :pending AND lastError LIKE :held', {
      channel: KF_CHANNEL,
      recipient: input.externalUserId,
      pending: 'pending',
      held: `${KF_HELD_MARK}%`,
    })
    .execute()
}

/** What reserveKfSend decided: send through this 客服 account (the slot is taken), or hold the message and why. */
export type KfReservation = { ok: true; openKfId: string; customerId: number } | { ok: false; reason: string }

/**
 * Takes one of the 5 sends the user's window allows, atomically (two dispatchers never take
 * the last one both). `openKfId` is the account the reply belongs to; without it (a reminder),
 * the account the user last wrote to. `now` is wall-clock time, as the platform counts.
 */
export async function reserveKfSend(
  ds: DataSource,
  input: { externalUserId: string; openKfId?: string },
  now: Date,
): Promise<KfReservation> {
  const repo = ds.getRepository(WechatKfCustomer)
  const customer = await repo.findOne({
    where: { externalUserId: input.externalUserId, ...(input.openKfId ? { openKfId: input.openKfId } : {}) },
    order: { lastMessageAt: 'DESC' },
  })
  if (!customer) return { ok: false, reason: `${KF_HELD_MARK}: 该用户尚未通过微信客服发来消息` }
  const since = new Date(now.getTime() - KF_WINDOW_MS)
  const taken = await repo
    .createQueryBuilder()
    .update()
    .set({ sentSince: () => `${ds.driver.escape('sentSince')} + 1` })
    .where('id = :id AND sentSince < :max AND lastMessageAt > :since', { id: customer.id, max: KF_MAX_SENDS, since })
    .execute()
  if (taken.affected) return { ok: true, openKfId: customer.openKfId, customerId: customer.id }
  if (customer.lastMessageAt.getTime() <= since.getTime()) {
    return { ok: false, reason: `${KF_HELD_MARK}: 用户最后一条消息已超过 48 小时，待其再次发消息后发送` }
  }
  return { ok: false, reason: `${KF_HELD_MARK}: 48 小时内已发满 ${KF_MAX_SENDS} 条，待用户再次发消息后发送` }
}

/** Gives back a send reserveKfSend took when the platform did not take the message. */
export async function releaseKfSend(ds: DataSource, customerId: number): Promise<void> {
  await ds
    .getRepository(WechatKfCustomer)
    .createQueryBuilder()
    .update()
    .set({ sentSince: () => `${ds.driver.escape('sentSince')} - 1` })
    .where('id = :id AND sentSince > 0', { id: customerId })
    .execute()
}

/** A message held back by the 5-in-48h limit, as the office sees it. */
export interface HeldKfMessage {
  id: number
  recipient: string
  text: string
  reason: string
  createdAt: Date
}

/**
 * The messages to 微信客服 users held back by the 5-in-48h limit, oldest first (at most `limit`):
 * the office may reach these people another way. They stay in the outbox and go out by
 * themselves when the user writes again.
 * @throws ForbiddenError for anyone but office staff.
 */
export async function listHeldKfMessages(
  deps: { dataSource: DataSource },
  actor: Actor,
  limit = 50,
): Promise<{ messages: HeldKfMessage[]; total: number }> {
  requireAccess(actor, 'delivery.held')
  const [rows, total] = await deps.dataSource.getRepository(OutboxMessage).findAndCount({
    where: { channel: KF_CHANNEL, status: 'pending', lastError: Like(`${KF_HELD_MARK}%`) },
    order: { id: 'ASC' },
    take: limit,
  })
  const messages = rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    text: outboxPayload(r).text ?? r.payload,
    reason: r.lastError ?? '',
    createdAt: r.createdAt,
  }))
  return { messages, total }
}

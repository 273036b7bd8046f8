import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import { queueReply } from '../../core/delivery/queue-reply'
import { acquireLease, instanceId, releaseLease } from '../../core/leases'
import type { Logger } from '../../core/logger'
import { KF_CHANNEL, noteCustomerMessage } from '../../core/wechat-kf/customers'
import type { KfApi, KfMessage } from '../../core/wechat-kf/kf-api'
import { WechatKfCursor } from '../../entities/wechat-kf-cursor.entity'
import type { Engine } from '../engine'
import type { Inbound } from '../types'

/** kf/sync_msg's `origin` of a message the WeChat user wrote. */
const FROM_CUSTOMER = 3
/** The most pages one pull reads before it lets the next event go on (1000 messages a page). */
const MAX_PAGES = 100

/** What the 微信客服 channel needs from the service. */
export interface WechatKfDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  engine: Engine
}

/** The API, the lease timing (as the WeCom bot's), and whom to tell that replies are queued. */
export interface WechatKfOptions {
  api: KfApi
  /** How long a pull's lease lasts without renewal (default 30 s; at least 3 s on MariaDB); renewed after each page. */
  leaseMs?: number
  holder?: string
  /** Messages asked for per page (default 1000, the platform's most). */
  pageSize?: number
  /** Called after replies were queued: the dispatcher is woken instead of waiting for its poll. */
  onQueued?: () => void
}

/** A running 微信客服 channel. */
export interface WechatKf {
  /** A `kf_msg_or_event` arrived for the account: pull its new messages soon. Returns at once, never throws. */
  requestSync(openKfId: string, token?: string): void
  /** The same, resolved when this instance's part of the work is done (tests, scripts). */
  sync(openKfId: string, token?: string): Promise<void>
  /** Takes no new pulls and waits for those in hand. */
  stop(): Promise<void>
}

/**
 * WeChat users through 微信客服: a callback event makes the service pull the account's stream
 * with kf/sync_msg from the cursor kept in `wechat_kf_cursor` (so a restart or another instance
 * goes on from there), page after page until no more. One instance pulls an account at a time
 * (the lease `wechat-kf:<open_kfid>`); an event that arrives while another holds it is counted
 * in the cursor row, and the holder pulls again before it lets go. Each message a user wrote
 * opens their 48-hour window (noteCustomerMessage) and goes to the engine (channel wechat-kf,
 * sender = external_userid, de-duplicated by msgid); the replies are queued in the outbox as one
 * row for the kf/send_msg sender, which keeps the 5-in-48h limit. Logs never carry text or ids.
 */
export function startWechatKf(deps: WechatKfDeps, options: WechatKfOptions): WechatKf {
  const log = deps.logger.child({ channel: KF_CHANNEL })
  const ds = deps.dataSource
  const repo = ds.getRepository(WechatKfCursor)
  const holder = options.holder ?? instanceId()
  const ttlMs = options.leaseMs ?? 30_000
  const inHand = new Set<Promise<void>>()
  let stopped = false

  /** Counts an event for the account (creating its row) and keeps its token for sync_msg. */
  async function recordRequest(openKfId: string, token: string | undefined): Promise<void> {
    const now = deps.clock.now()
    const changes = { eventToken: token ?? null, updatedAt: now }
    const counted = await repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, requests: () => `${ds.driver.escape('requests')} + 1` })
      .where({ openKfId })
      .execute()
    if (counted.affected) return
    try {
      await repo.insert({ openKfId, cursor: null, requests: 1, ...changes })
    } catch {
      // Another instance created the row just now: count the event on it.
      await repo
        .createQueryBuilder()
        .update()
        .set({ ...changes, requests: () => `${ds.driver.escape('requests')} + 1` })
        .where({ openKfId })
        .execute()
    }
  }

  function inboundOf(m: KfMessage): Inbound {
    const base = { channel: KF_CHANNEL, senderId: m.external_userid ?? '', messageId: m.msgid } as const
    if (m.msgtype === 'text' && m.text) return { ...base, text: m.text.content, kind: 'text' }
    return { ...base, text: '', kind: 'other' }
  }

  async function handle(openKfId: string, m: KfMessage): Promise<void> {
    if (m.origin !== FROM_CUSTOMER || !m.external_userid || m.msgtype === 'event') return
    await noteCustomerMessage(deps, { openKfId, externalUserId: m.external_userid, at: new Date(m.send_time * 1000) })
    const replies = await deps.engine.handle(inboundOf(m))
    if (replies.length === 0) return
    await queueReply(
      ds,
      {
        channel: KF_CHANNEL,
        recipient: m.external_userid,
        text: replies.map((r) => r.text).join('\n\n'),
        idempotencyKey: `${KF_CHANNEL}:${m.msgid}:reply`,
        extra: { openKfId },
      },
      deps.clock.now(),
    )
    options.onQueued?.()
  }

  /** Pulls the account's stream from the stored cursor to its end, storing the cursor after each page. */
  async function pull(openKfId: string, lease: string): Promise<void> {
    for (let page = 0; page < MAX_PAGES && !stopped; page++) {
      const row = await repo.findOneBy({ openKfId })
      const got = await options.api.syncMsg({
        openKfId,
        cursor: row?.cursor ?? undefined,
        token: row?.eventToken ?? undefined,
        limit: options.pageSize,
      })
      if (!got.ok) {
        log.warn({ reason: got.reason }, 'wechat-kf sync_msg failed')
        return
      }
      if (got.skipped > 0) log.warn({ skipped: got.skipped }, 'wechat-kf messages of an unknown shape skipped')
      for (const m of got.messages) await handle(openKfId, m)
      await repo.update({ openKfId }, { cursor: got.nextCursor, updatedAt: deps.clock.now() })
      await acquireLease(ds, lease, holder, ttlMs, new Date())
      if (!got.hasMore) return
    }
  }

  async function sync(openKfId: string, token?: string): Promise<void> {
    await recordRequest(openKfId, token)
    const lease = `${KF_CHANNEL}:${openKfId}`
    let done = -1
    while (!stopped) {
      const wanted = (await repo.findOneBy({ openKfId }))?.requests ?? 0
      // Every event counted so far was pulled for, or the holder of the lease will see it when it lets go.
      if (wanted === done) return
      if (!(await acquireLease(ds, lease, holder, ttlMs, new Date()))) return
      try {
        done = wanted
        await pull(openKfId, lease)
      } finally {
        await releaseLease(ds, lease, holder)
      }
    }
  }

  return {
    sync,
    requestSync(openKfId, token) {
      if (stopped) return
      // After the HTTP answer is on its way (the event came through the callback).
      const work = new Promise((resolve) => setImmediate(resolve))
        .then(() => sync(openKfId, token))
        .catch((err: unknown) => {
          log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'wechat-kf sync failed')
        })
      inHand.add(work)
      void work.finally(() => inHand.delete(work))
    },
    async stop() {
      stopped = true
      await Promise.allSettled([...inHand])
    },
  }
}

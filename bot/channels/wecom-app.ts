import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import { queueReply } from '../../core/delivery/queue-reply'
import type { Logger } from '../../core/logger'
import type { Engine } from '../engine'
import type { Inbound } from '../types'
import type { WechatKf } from './wechat-kf'

/** What the WeCom app channel needs from the service. */
export interface WecomAppDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  engine: Engine
}

/** The 微信客服 channel the callback's kf events go to, and whom to tell that replies are queued. */
export interface WecomAppOptions {
  kf?: WechatKf
  /** Called after a reply was queued: the dispatcher is woken instead of waiting for its poll. */
  onQueued?: () => void
}

/** The WeCom app's callback messages, handled after the HTTP answer. */
export interface WecomApp {
  /** Takes a decrypted callback message's fields; returns at once and never throws. */
  receive(fields: Record<string, string>): void
  /** Takes no new messages and waits for those in hand. */
  stop(): Promise<void>
}

/** The engine's message for a WeCom app message: text, a voice message's transcript when WeCom gives one, or something else. */
export function inboundOfAppMessage(fields: Record<string, string>): Inbound | undefined {
  const sender = fields.FromUserName
  if (!sender) return undefined
  const base = {
    channel: 'wecom' as const,
    senderId: sender,
    // Messages carry MsgId; anything else is known by its sender and time (PLATFORM.md).
    messageId: fields.MsgId || `${sender}:${fields.CreateTime ?? ''}:${fields.MsgType ?? ''}`,
  }
  if (fields.MsgType === 'text') return { ...base, text: fields.Content ?? '', kind: 'text' }
  if (fields.MsgType === 'voice' && fields.Recognition) return { ...base, text: fields.Recognition, kind: 'voice' }
  return { ...base, text: '', kind: 'other' }
}

/**
 * The WeCom self-built app's messages (from /wecom/callback): a member's message goes to the
 * engine as channel `wecom` with their UserID (binding and dialogues as on the other channels;
 * the same MsgId is handled once, by the engine's processed_message), and the replies are
 * queued in the outbox as one row for the app's `message/send` sender. Pictures, files and
 * the like get the engine's note in Chinese that only text is understood. A member's messages
 * are handled in order. The `kf_msg_or_event` event makes the 微信客服 channel pull; other
 * events (entering the app, menus) are left alone.
 */
export function startWecomApp(deps: WecomAppDeps, options: WecomAppOptions = {}): WecomApp {
  const log = deps.logger.child({ channel: 'wecom-app' })
  const chats = new Map<string, Promise<void>>()
  let stopped = false

  function inOrder(key: string, work: () => Promise<void>): void {
    const next = (chats.get(key) ?? Promise.resolve()).then(work).catch((err: unknown) => {
      log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'wecom app message failed')
    })
    chats.set(key, next)
    void next.then(() => {
      if (chats.get(key) === next) chats.delete(key)
    })
  }

  return {
    receive(fields) {
      if (stopped) return
      if (fields.MsgType === 'event') {
        if (fields.Event === 'kf_msg_or_event' && fields.OpenKfId && options.kf) {
          options.kf.requestSync(fields.OpenKfId, fields.Token || undefined)
        } else {
          log.debug({ event: fields.Event?.slice(0, 40) }, 'wecom app event ignored')
        }
        return
      }
      const msg = inboundOfAppMessage(fields)
      if (!msg) return
      inOrder(msg.senderId, async () => {
        // After the HTTP answer is on its way: the engine's work may hold the event loop a while.
        await new Promise((resolve) => setImmediate(resolve))
        const replies = await deps.engine.handle(msg)
        if (replies.length === 0) return
        await queueReply(
          deps.dataSource,
          {
            channel: 'wecom',
            recipient: msg.senderId,
            text: replies.map((r) => r.text).join('\n\n'),
            idempotencyKey: `wecom-app:${msg.messageId}:reply`,
          },
          deps.clock.now(),
        )
        options.onQueued?.()
      })
    },
    async stop() {
      stopped = true
      await Promise.allSettled([...chats.values()])
    },
  }
}

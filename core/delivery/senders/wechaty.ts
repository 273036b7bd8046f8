import type { Wechaty } from 'wechaty'
import { characters } from '../../../bot/split'
import type { Sender } from '../sender'
import { reasonOf } from '../sender'

/** The longest text of one WeChat message (as bot/channels/wechaty.ts sends replies). */
export const WECHAT_SEND_LIMIT = 1500

/** How the wechaty senders pace themselves. */
export interface WechatySenderOptions {
  /** The least time between two room messages of the bot (default 3 s): broadcasts to many groups get accounts banned. */
  roomGapMs?: number
  /** The least time between two private messages (default 1 s). */
  contactGapMs?: number
}

/** Something wechaty can say text to. */
type Sayable = { say(text: string): Promise<unknown> }

/** A sender that finds its recipient by stable id and says the text to it, paced for the whole bot account. */
function sayingSender(
  bot: Wechaty,
  what: string,
  gapMs: number,
  find: (id: string) => Promise<Sayable | undefined>,
): Sender {
  return {
    limit: WECHAT_SEND_LIMIT,
    measure: characters,
    rate: { key: () => what, minGapMs: gapMs, oneInstance: true },
    ready: () => bot.isLoggedIn,
    async send(message) {
      try {
        const target = await find(message.recipient)
        if (!target) return { ok: false, kind: 'retry', reason: `${what} not found` }
        await target.say(message.text)
        return { ok: true }
      } catch (err) {
        return { ok: false, kind: 'retry', reason: reasonOf(err) }
      }
    },
  }
}

/**
 * Senders for WeChat through a running wechaty: `wechat` (a contact by its stable id) and
 * `wechat_room` (a room by its stable id, never by topic), each paced for the bot account as a
 * whole. Not ready while the bot is logged out. A contact or room the bot cannot find is
 * retried (the puppet may still be loading them) and dies after the dispatcher's attempts.
 */
export function wechatySenders(
  bot: Wechaty,
  options: WechatySenderOptions = {},
): { wechat: Sender; wechat_room: Sender } {
  return {
    wechat: sayingSender(bot, 'contact', options.contactGapMs ?? 1_000, (id) => bot.Contact.find({ id })),
    wechat_room: sayingSender(bot, 'room', options.roomGapMs ?? 3_000, (id) => bot.Room.find({ id })),
  }
}

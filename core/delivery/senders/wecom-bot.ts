import { utf8Bytes } from '../../../bot/split'
import type { Sender } from '../sender'
import { reasonOf } from '../sender'

/** The intelligent bot's markdown message: ≤ 20,480 bytes. */
export const WECOM_BOT_MARKDOWN_LIMIT = 20_480

/** What the sender needs of the running WeCom bot channel (bot/channels/wecom-bot.ts). */
export interface WecomBotPush {
  push(chatid: string, markdown: string): Promise<void>
  isHolder(): boolean
}

/**
 * Sends markdown on the WeCom intelligent bot's own initiative (`recipient` = a userid or a
 * group's chatid) through the one instance holding the bot's connection. Other instances are not
 * `ready`, so they never claim these rows; a row claimed just as the connection moved is
 * released for the holder, without counting an attempt.
 */
export function wecomBotSender(bot: WecomBotPush): Sender {
  return {
    limit: WECOM_BOT_MARKDOWN_LIMIT,
    measure: utf8Bytes,
    ready: () => bot.isHolder(),
    async send(message) {
      try {
        await bot.push(message.recipient, message.text)
        return { ok: true }
      } catch (err) {
        if (!bot.isHolder()) return { ok: false, kind: 'release', reason: 'not holding the bot connection' }
        return { ok: false, kind: 'retry', reason: reasonOf(err) }
      }
    },
  }
}

import qrcodeTerminal from 'qrcode-terminal'
import { type Message, type Wechaty, WechatyBuilder, type WechatyOptions as BuildOptions, types } from 'wechaty'
import type { Logger } from '../../core/logger'
import type { Engine } from '../engine'
import { characters, splitReply } from '../split'
import type { Inbound } from '../types'

/** The longest text we send in one WeChat message; longer replies go out as several, in order. */
export const WECHAT_TEXT_LIMIT = 1500

/** Messages older than this before the bot started are history a puppet replays, not questions. */
const STALE_MS = 60_000

/** How the WeChat channel is configured: a puppet by name (with its token) or an instance (tests). */
export interface WechatyOptions {
  puppet: string | Exclude<BuildOptions['puppet'], string | undefined>
  token?: string
  /** Where the login QR code is drawn (the terminal by default). */
  printQr?: (qrcode: string) => void
}

/** The running WeChat channel. */
export interface WechatyChannel {
  bot: Wechaty
  stop(): Promise<void>
}

/** What the engine is told a WeChat message is: text, or something it can only acknowledge. */
function kindOf(message: Message): Inbound['kind'] {
  const type = message.type()
  if (type === types.Message.Text) return 'text'
  return 'other'
}

/**
 * The WeChat channel through wechaty: private chats are answered; in a group only messages that
 * @mention the bot, and the reply @mentions the asker. The bot's own messages, messages from
 * before it started (a puppet's replay) and non-individual senders (official accounts) are
 * ignored; the engine drops duplicates by message id and keeps each person's dialogue apart,
 * also inside a group. Groups are known by their stable room id, never by topic. Login QR,
 * login, logout and errors are logged without personal data.
 */
export async function startWechaty(
  deps: { engine: Engine; logger: Logger },
  options: WechatyOptions,
): Promise<WechatyChannel> {
  const { engine, logger } = deps
  const bot = WechatyBuilder.build({
    name: 'bagui-yingcai',
    puppet: options.puppet as never,
    ...(options.token ? { puppetOptions: { token: options.token } } : {}),
  })
  const startedAt = Date.now()
  const printQr =
    options.printQr ??
    ((qrcode: string) => qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stderr.write(`${art}\n`)))

  bot.on('scan', (qrcode, status) => {
    logger.info({ status: types.ScanStatus[status] }, 'wechat: scan the QR code to log in')
    if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) printQr(qrcode)
  })
  bot.on('login', () => logger.info('wechat: logged in'))
  bot.on('logout', () => logger.warn('wechat: logged out'))
  bot.on('error', (err) => logger.error({ err: { message: String((err as Error)?.message ?? err) } }, 'wechat: error'))

  bot.on('message', async (message) => {
    try {
      await handle(message)
    } catch (err) {
      logger.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'wechat: message failed')
    }
  })

  async function handle(message: Message): Promise<void> {
    if (message.self()) return
    if (message.date().getTime() < startedAt - STALE_MS) return
    const talker = message.talker()
    if (talker.type() !== types.Contact.Individual && talker.type() !== types.Contact.Unknown) return
    const room = message.room()
    if (room && !(await message.mentionSelf())) return
    const text = room ? await message.mentionText() : message.text()
    const inbound: Inbound = {
      channel: 'wechat',
      senderId: talker.id,
      text,
      messageId: message.id,
      kind: kindOf(message),
      ...(room ? { chatId: room.id, chatName: await room.topic() } : {}),
    }
    const replies = await engine.handle(inbound)
    for (const reply of replies) {
      for (const part of splitReply(reply.text, WECHAT_TEXT_LIMIT, characters)) {
        if (room) await room.say(part, talker)
        else await talker.say(part)
      }
    }
  }

  await bot.start()
  return {
    bot,
    async stop() {
      await bot.stop()
    },
  }
}

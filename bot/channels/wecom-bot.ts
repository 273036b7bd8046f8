import { randomBytes } from 'node:crypto'
import {
  type BaseMessage,
  type EventMessage,
  type TemplateCard,
  type WsFrame,
  type Logger as SdkLogger,
  WSAuthFailureError,
  WSClient,
  generateReqId,
} from '@wecom/aibot-node-sdk'
import type { DataSource } from 'typeorm'
import { resolveActor } from '../../core/actor'
import type { Clock } from '../../core/clock'
import { acquireLease, instanceId, releaseLease } from '../../core/leases'
import type { Logger } from '../../core/logger'
import { helpText } from '../commands'
import type { Engine } from '../engine'
import { splitReply, utf8Bytes } from '../split'
import type { Inbound, Reply } from '../types'

/** WeCom's limit for one stream bubble's content and one markdown message, in UTF-8 bytes. */
export const WECOM_BOT_TEXT_LIMIT = 20_480

// What the channel itself says (the engine says everything else).
const SAY = {
  cardTitle: '请选择',
  chosen: (choice: string) => `你已选择：${choice}`,
  thinking: '正在处理，请稍候…',
  done: '已处理',
}

/** A button's key: the reply it stands for, so a click works on any instance, even after a restart. */
const CHOICE_KEY = 'choice:'
const DONE_KEY = 'done'

/** What the channel needs from the service. */
export interface WecomBotDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  engine: Engine
}

/** The bot's credentials and the lease timing; `holder` names this instance (default: instanceId()). */
export interface WecomBotOptions {
  botId: string
  secret: string
  wsUrl?: string
  /**
   * How long a lease lasts without renewal (default 30 s); renewed, and retried by non-holders,
   * every third of it. At least 3 s: MariaDB keeps the lease's expiry in whole seconds.
   */
  leaseMs?: number
  holder?: string
  /** After how long without the engine's answer the bubble opens with a "please wait" (default 1.5 s). */
  thinkingMs?: number
}

/** A running WeCom bot channel. */
export interface WecomBot {
  /** Disconnects, waits for the messages in hand, and gives the lease up. */
  stop(): Promise<void>
  /** Whether this instance holds the bot's lease (and so is, or is becoming, its one connection). */
  isHolder(): boolean
  /**
   * Sends markdown to a chat on the bot's own initiative (`chatid`: a userid for a single chat,
   * the group's chatid). Throws when this instance holds no connection or WeCom refuses it.
   */
  push(chatid: string, markdown: string): Promise<void>
}

type MessageFrame = WsFrame<BaseMessage & { voice?: { content?: string } }>
type EventFrame = WsFrame<EventMessage & { event: { eventtype: string; event_key?: string; task_id?: string } }>

/** A task_id WeCom accepts (letters, digits, `_-@`; unique per bot). */
function newTaskId(): string {
  return `choice_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`
}

/** A group message's text without the @mentions of the bot WeCom leaves around it. */
export function stripMentions(text: string): string {
  return text
    .replace(/^(?:\s*@[^\s\u2005]+[\s\u2005]*)+/, '')
    .replace(/(?:[\s\u2005]+@[^\s\u2005]+)+\s*$/, '')
    .trim()
}

/**
 * Bubbles for a list of replies: each bubble is the successive contents of one stream (the
 * replies accumulated, blank-line separated), each within WeCom's byte limit; a reply longer
 * than the limit is split in order (bot/split.ts) and goes on in further bubbles.
 */
export function streamBubbles(replies: Reply[], limit = WECOM_BOT_TEXT_LIMIT): string[][] {
  const pieces = replies.flatMap((r) => splitReply(r.text, limit, utf8Bytes))
  const bubbles: string[][] = []
  let current: string[] = []
  let content = ''
  for (const piece of pieces) {
    const joined = content ? `${content}\n\n${piece}` : piece
    if (content && utf8Bytes(joined) > limit) {
      bubbles.push(current)
      current = [piece]
      content = piece
      continue
    }
    content = joined
    current.push(content)
  }
  if (current.length > 0) bubbles.push(current)
  return bubbles
}

/** The 确认/取消 card for a reply's choices. */
function choiceCard(choices: string[], taskId: string): TemplateCard {
  return {
    card_type: 'button_interaction',
    main_title: { title: SAY.cardTitle },
    task_id: taskId,
    button_list: choices.slice(0, 6).map((text, i) => ({ text, key: `${CHOICE_KEY}${text}`, style: i === 0 ? 1 : 2 })),
  }
}

/** The card as it looks once clicked: what was chosen, and a button that does nothing. */
function chosenCard(choice: string, taskId: string): TemplateCard {
  return {
    card_type: 'button_interaction',
    main_title: { title: SAY.cardTitle, desc: SAY.chosen(choice) },
    sub_title_text: SAY.chosen(choice),
    task_id: taskId,
    button_list: [{ text: SAY.done, key: DONE_KEY, style: 2 }],
  }
}

/** The SDK's log lines, without the frame bodies it appends (they hold messages and userids). */
function sdkLogger(logger: Logger): SdkLogger {
  return {
    debug: () => {},
    info: (message) => logger.debug({ sdk: true }, message),
    warn: (message) => logger.warn({ sdk: true }, message),
    error: (message) => logger.error({ sdk: true }, message),
  }
}

/**
 * The WeCom intelligent-bot channel over the official SDK's long connection. Single chats and
 * group @mentions go to the engine (senderId = the WeCom userid, chatId = the group's chatid);
 * the replies to one message come back as one streamed bubble, with a button card when they
 * offer choices (确认/取消), whose click is handled as that text; enter_chat gets the person's
 * menu. Only one connection per bot may live, so the instance first takes the database lease
 * `wecom-bot:<botId>` and connects only while it holds it; an instance without it retries
 * every third of the lease. Lease times are wall-clock times, not the service clock: the lease
 * is shared between processes, whose pinned clocks (ASSISTANT_NOW) need not agree. Never throws
 * into the SDK; logs name events, never message text or userids.
 */
export function startWecomBot(deps: WecomBotDeps, options: WecomBotOptions): WecomBot {
  const log = deps.logger.child({ channel: 'wecom-bot' })
  const leaseName = `wecom-bot:${options.botId}`
  const holder = options.holder ?? instanceId()
  const ttlMs = options.leaseMs ?? 30_000
  const tickMs = Math.max(100, Math.floor(ttlMs / 3))
  const thinkingMs = options.thinkingMs ?? 1_500

  const client = new WSClient({
    botId: options.botId,
    secret: options.secret,
    wsUrl: options.wsUrl,
    maxReconnectAttempts: -1,
    logger: sdkLogger(log),
  })

  let holding = false
  let stopped = false
  let lastRenewal = 0
  /** After giving the lease up (replaced, or credentials refused): no new attempt before this time. */
  let quietUntil = 0
  let timer: NodeJS.Timeout | undefined
  let ticking: Promise<void> = Promise.resolve()
  /** Messages of one chat are handled one after another, so replies and dialogue state keep their order. */
  const chats = new Map<string, Promise<void>>()

  function inChatOrder(key: string, work: () => Promise<void>): void {
    const next = (chats.get(key) ?? Promise.resolve()).then(work).catch((err: unknown) => {
      log.error({ err }, 'wecom bot message failed')
    })
    chats.set(key, next)
    void next.then(() => {
      if (chats.get(key) === next) chats.delete(key)
    })
  }

  function connect(): void {
    log.info('wecom bot lease taken, connecting')
    client.connect()
  }

  /** Stops holding the connection; `closed` when the SDK has already closed it (replaced). */
  function disconnect(why: string, closed = false): void {
    if (!holding) return
    holding = false
    log[why === 'stopped' ? 'info' : 'warn']({ why }, 'wecom bot disconnecting')
    if (!closed) client.disconnect()
  }

  /** Leaves the connection to another instance: the lease is given up, and not sought again for `quietMs`. */
  function yieldLease(why: string, quietMs: number, closed = false): void {
    disconnect(why, closed)
    quietUntil = Date.now() + quietMs
    void releaseLease(deps.dataSource, leaseName, holder).catch((err: unknown) =>
      log.warn({ err }, 'wecom bot lease release failed'),
    )
  }

  async function tick(): Promise<void> {
    const now = Date.now()
    if (holding) {
      try {
        if (await acquireLease(deps.dataSource, leaseName, holder, ttlMs, new Date(now))) {
          lastRenewal = now
          return
        }
        disconnect('lease lost')
      } catch (err) {
        log.warn({ err }, 'wecom bot lease renewal failed')
        if (now - lastRenewal >= ttlMs) disconnect('lease expired')
      }
      return
    }
    if (now < quietUntil) return
    try {
      if (!(await acquireLease(deps.dataSource, leaseName, holder, ttlMs, new Date(now)))) return
    } catch (err) {
      log.warn({ err }, 'wecom bot lease check failed')
      return
    }
    if (stopped) {
      await releaseLease(deps.dataSource, leaseName, holder)
      return
    }
    holding = true
    lastRenewal = now
    connect()
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      ticking = tick().finally(schedule)
    }, tickMs)
    timer.unref()
  }

  /**
   * Sends replies as stream bubbles on the message's req_id (the first on `openStream` when a
   * "please wait" opened it); a card for the last choices goes with the final frame.
   */
  async function replyInStream(frame: WsFrame, replies: Reply[], openStream?: string): Promise<void> {
    const bubbles = streamBubbles(replies)
    if (openStream && bubbles.length === 0) bubbles.push([''])
    const choices = replies.findLast((r) => r.choices?.length)?.choices
    for (const [b, contents] of bubbles.entries()) {
      const streamId = (b === 0 && openStream) || generateReqId('stream')
      for (const [i, content] of contents.entries()) {
        const finish = i === contents.length - 1
        if (finish && choices && b === bubbles.length - 1) {
          const templateCard = choiceCard(choices, newTaskId())
          await client.replyStreamWithCard(frame, streamId, content, true, { templateCard })
        } else {
          await client.replyStream(frame, streamId, content, finish)
        }
      }
    }
  }

  /** Sends replies on the bot's own initiative (after a card click, which has no stream to reply on). */
  async function sendToChat(chatid: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      await sendMarkdown(chatid, reply.text)
      if (reply.choices?.length) {
        await client.sendMessage(chatid, {
          msgtype: 'template_card',
          template_card: choiceCard(reply.choices, newTaskId()),
        })
      }
    }
  }

  async function sendMarkdown(chatid: string, markdown: string): Promise<void> {
    for (const part of splitReply(markdown, WECOM_BOT_TEXT_LIMIT, utf8Bytes)) {
      await client.sendMessage(chatid, { msgtype: 'markdown', markdown: { content: part } })
    }
  }

  function inboundOf(body: BaseMessage, text: string, kind: Inbound['kind']): Inbound {
    const group = body.chattype === 'group' && body.chatid ? body.chatid : undefined
    return {
      channel: 'wecom',
      senderId: body.from.userid,
      chatId: group,
      text: group ? stripMentions(text) : text.trim(),
      messageId: body.msgid,
      kind,
    }
  }

  function onMessage(frame: MessageFrame, text: string, kind: Inbound['kind']): void {
    const body = frame.body
    if (!body?.from?.userid) return
    const msg = inboundOf(body, text, kind)
    log.debug({ msgtype: body.msgtype, chattype: body.chattype }, 'wecom bot message')
    inChatOrder(`${msg.chatId ?? ''}|${msg.senderId}`, async () => {
      let opened: string | undefined
      const thinking = setTimeout(() => {
        opened = generateReqId('stream')
        client.replyStream(frame, opened, SAY.thinking, false).catch((err: unknown) => {
          log.warn({ err }, 'wecom bot reply failed')
        })
      }, thinkingMs)
      const replies = await deps.engine.handle(msg)
      clearTimeout(thinking)
      if (replies.length === 0 && !opened) return
      await replyInStream(frame, replies, opened)
    })
  }

  client.on('message.text', (frame) => onMessage(frame, frame.body?.text?.content ?? '', 'text'))
  client.on('message.voice', (frame: MessageFrame) => onMessage(frame, frame.body?.voice?.content ?? '', 'voice'))
  for (const other of ['message.image', 'message.mixed', 'message.file', 'message.video'] as const) {
    client.on(other, (frame) => onMessage(frame, '', 'other'))
  }

  client.on('event.enter_chat', (frame) => {
    const userid = frame.body?.from?.userid
    if (!userid) return
    log.debug('wecom bot enter_chat')
    void (async () => {
      const actor = await resolveActor(deps.dataSource, 'wecom', userid)
      await client.replyWelcome(frame, { msgtype: 'text', text: { content: helpText(actor) } })
    })().catch((err: unknown) => log.warn({ err }, 'wecom bot welcome failed'))
  })

  client.on('event.template_card_event', (frame: EventFrame) => {
    const body = frame.body
    const key = body?.event?.event_key ?? ''
    const taskId = body?.event?.task_id
    if (!body?.from?.userid || !key.startsWith(CHOICE_KEY) || !taskId) return
    const choice = key.slice(CHOICE_KEY.length)
    const msg = inboundOf(body as unknown as BaseMessage, choice, 'text')
    log.debug('wecom bot card clicked')
    // The update must reach WeCom within 5 s of the click: it goes before the engine's work.
    const updated = client
      .updateTemplateCard(frame, chosenCard(choice, taskId), [msg.senderId])
      .catch((err: unknown) => log.warn({ err }, 'wecom bot card update failed'))
    inChatOrder(`${msg.chatId ?? ''}|${msg.senderId}`, async () => {
      const replies = await deps.engine.handle(msg)
      await updated
      if (replies.length > 0) await sendToChat(msg.chatId ?? msg.senderId, replies)
    })
  })

  // The SDK has already closed the socket and will not reconnect; we wait a lease length so
  // that a connection outside our lease (another deployment) is not knocked off at once.
  client.on('event.disconnected_event', () => yieldLease('replaced by another connection', ttlMs, true))
  client.on('authenticated', () => log.info('wecom bot connected'))
  client.on('disconnected', () => log.info('wecom bot disconnected'))
  client.on('error', (err) => {
    const auth = /Authentication failed/.test(err.message)
    log.error(
      { err: { message: err.message } },
      auth ? 'wecom bot authentication failed' : 'wecom bot connection error',
    )
    // The SDK gave up on these credentials: an instance configured right may hold the connection.
    if (err instanceof WSAuthFailureError) yieldLease('authentication keeps failing', 10 * ttlMs)
  })

  ticking = tick().finally(schedule)

  return {
    isHolder: () => holding,
    async push(chatid, markdown) {
      if (!holding || !client.isConnected) throw new Error('wecom bot: this instance holds no connection')
      await sendMarkdown(chatid, markdown)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await ticking
      await Promise.allSettled([...chats.values()])
      const held = holding
      disconnect('stopped')
      if (held) await releaseLease(deps.dataSource, leaseName, holder)
      log.info('wecom bot stopped')
    },
  }
}

import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

/**
 * A local stand-in for WeCom's intelligent-bot long connection (PLATFORM.md, "WeCom intelligent
 * bot"): a `ws` server on 127.0.0.1 with a random port that speaks the frames the official SDK
 * speaks. It authenticates `aibot_subscribe`, answers `ping`, pushes message and event
 * callbacks to the connected client, records and acks every reply the client sends, and, like
 * WeCom, tells the current connection it has been replaced (disconnected_event, then close)
 * when a second client subscribes with the same bot id. What WeCom would refuse (a reply to an
 * unknown req_id, a stream over 20,480 bytes, a welcome or card update after 5 s, a frame on a
 * finished stream) is acked with an error and listed in `violations`, so a test can assert none.
 */

/** A frame as it travels: `{cmd, headers: {req_id}, body}`. */
export interface BotFrame {
  cmd?: string
  headers: { req_id: string }
  // biome-ignore lint/suspicious/noExplicitAny: frames are arbitrary JSON; tests narrow what they read
  body?: any
  errcode?: number
  errmsg?: string
}

/** A frame a client sent, with the connection it came on (1 for the first connection, …). */
export interface ReceivedFrame extends BotFrame {
  connection: number
  at: number
}

/** A running fake; `close()` it after the test. */
export interface FakeWecomBotServer {
  /** ws://127.0.0.1:<port> for the SDK's `wsUrl`. */
  url: string
  /** Every frame any client sent, in order (pings included). */
  frames: ReceivedFrame[]
  /** What WeCom would have refused, one line each. */
  violations: string[]
  /** How many subscriptions were accepted, and how many refused for bad credentials. */
  stats: { accepted: number; refused: number; replaced: number }
  /** The number of the authenticated connection messages go to, or undefined when none is. */
  current(): number | undefined
  /** Pushes an aibot_msg_callback to the current connection; returns its req_id. Throws when none is connected. */
  pushMessage(body: Record<string, unknown>): string
  /** Pushes an aibot_event_callback to the current connection; returns its req_id. */
  pushEvent(body: Record<string, unknown>): string
  /** The frames with this cmd (and, when given, this req_id). */
  sent(cmd: string, reqId?: string): ReceivedFrame[]
  close(): Promise<void>
}

/** The byte limit of a stream's content. */
const STREAM_LIMIT = 20_480
/** How long a welcome or a card update may come after its event. */
const EVENT_REPLY_MS = 5_000

const REPLY_CMDS = new Set(['aibot_respond_msg', 'aibot_respond_welcome_msg', 'aibot_respond_update_msg'])

/** A WeCom-style id: letters and digits. */
export function fakeId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex')}`
}

/** Starts the fake for one bot on a free loopback port. */
export async function startFakeWecomBotServer(bot: { botId: string; secret: string }): Promise<FakeWecomBotServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  const port = (wss.address() as AddressInfo).port

  const frames: ReceivedFrame[] = []
  const violations: string[] = []
  const stats = { accepted: 0, refused: 0, replaced: 0 }
  /** What was pushed, by req_id: when, and what kind of callback. */
  const pushed = new Map<string, { at: number; cmd: string; eventtype?: string; taskId?: string }>()
  const finishedStreams = new Set<string>()
  const taskIds = new Set<string>()
  let nextConnection = 0
  let live: { n: number; socket: WebSocket } | undefined

  const send = (socket: WebSocket, frame: BotFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame))
  }
  const ack = (socket: WebSocket, reqId: string, errcode = 0, errmsg = 'ok') =>
    send(socket, { headers: { req_id: reqId }, errcode, errmsg })

  /** The first reason WeCom would refuse this reply, if any. */
  function checkReply(frame: BotFrame): string | undefined {
    const reqId = frame.headers.req_id
    if (frame.cmd === 'aibot_send_msg') return frame.body?.chatid ? undefined : 'aibot_send_msg without chatid'
    const origin = pushed.get(reqId)
    if (!origin) return `${frame.cmd} for unknown req_id ${reqId}`
    if (frame.cmd !== 'aibot_respond_msg' && Date.now() - origin.at > EVENT_REPLY_MS) return `${frame.cmd} after 5 s`
    if (frame.cmd === 'aibot_respond_welcome_msg' && origin.eventtype !== 'enter_chat')
      return 'welcome not for enter_chat'
    if (frame.cmd === 'aibot_respond_update_msg') {
      if (origin.eventtype !== 'template_card_event') return 'card update not for a card event'
      if (frame.body?.template_card?.task_id !== origin.taskId) return 'card update with another task_id'
    }
    const stream = frame.body?.stream
    if (stream) {
      if (Buffer.byteLength(stream.content ?? '', 'utf8') > STREAM_LIMIT) return 'stream content over 20480 bytes'
      if (finishedStreams.has(stream.id)) return `frame on finished stream ${stream.id}`
      if (stream.finish) finishedStreams.add(stream.id)
    }
    return undefined
  }

  function checkCard(frame: BotFrame): string | undefined {
    const card = frame.body?.template_card
    if (!card || frame.cmd === 'aibot_respond_update_msg') return undefined
    if (!card.task_id || !/^[A-Za-z0-9_\-@]{1,128}$/.test(card.task_id)) return 'card without a valid task_id'
    if (taskIds.has(card.task_id)) return `task_id ${card.task_id} used twice`
    taskIds.add(card.task_id)
    return undefined
  }

  wss.on('connection', (socket) => {
    const n = ++nextConnection
    socket.on('message', (data) => {
      let frame: BotFrame
      try {
        frame = JSON.parse(String(data)) as BotFrame
      } catch {
        violations.push(`connection ${n}: a frame that is not JSON`)
        return
      }
      frames.push({ ...frame, connection: n, at: Date.now() })
      const reqId = frame.headers?.req_id ?? ''
      if (frame.cmd === 'aibot_subscribe') {
        if (frame.body?.bot_id !== bot.botId || frame.body?.secret !== bot.secret) {
          stats.refused++
          ack(socket, reqId, 40001, 'invalid credential')
          socket.close()
          return
        }
        stats.accepted++
        const old = live
        live = { n, socket }
        ack(socket, reqId)
        if (old && old.socket !== socket) {
          stats.replaced++
          send(old.socket, {
            cmd: 'aibot_event_callback',
            headers: { req_id: fakeId('evt') },
            body: {
              msgid: fakeId('msg'),
              create_time: Math.floor(Date.now() / 1000),
              aibotid: bot.botId,
              msgtype: 'event',
              event: { eventtype: 'disconnected_event' },
            },
          })
          old.socket.close()
        }
        return
      }
      if (live?.socket !== socket) {
        violations.push(`connection ${n}: ${frame.cmd} before a successful subscribe`)
        ack(socket, reqId, 40001, 'not subscribed')
        return
      }
      if (frame.cmd === 'ping') return ack(socket, reqId)
      if (REPLY_CMDS.has(frame.cmd ?? '') || frame.cmd === 'aibot_send_msg') {
        const wrong = checkReply(frame) ?? checkCard(frame)
        if (wrong) {
          violations.push(wrong)
          return ack(socket, reqId, 846605, wrong)
        }
        return ack(socket, reqId)
      }
      violations.push(`connection ${n}: unknown cmd ${frame.cmd}`)
    })
    socket.on('close', () => {
      if (live?.socket === socket) live = undefined
    })
  })

  function push(cmd: string, body: Record<string, unknown>): string {
    if (!live) throw new Error('no client is connected')
    const reqId = fakeId('req')
    const event = body.event as { eventtype?: string; task_id?: string } | undefined
    pushed.set(reqId, { at: Date.now(), cmd, eventtype: event?.eventtype, taskId: event?.task_id })
    send(live.socket, { cmd, headers: { req_id: reqId }, body: { aibotid: bot.botId, ...body } })
    return reqId
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    violations,
    stats,
    current: () => live?.n,
    pushMessage: (body) => push('aibot_msg_callback', body),
    pushEvent: (body) =>
      push('aibot_event_callback', { msgtype: 'event', create_time: Math.floor(Date.now() / 1000), ...body }),
    sent: (cmd, reqId) => frames.filter((f) => f.cmd === cmd && (reqId === undefined || f.headers.req_id === reqId)),
    async close() {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

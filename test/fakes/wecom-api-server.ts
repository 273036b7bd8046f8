import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for the WeCom and WeChat server APIs the outbox senders call (PLATFORM.md):
 * `GET /cgi-bin/gettoken` (WeCom) and `GET /cgi-bin/token` (WeChat) hand out access tokens;
 * `POST /cgi-bin/message/send` (WeCom app), `POST /cgi-bin/webhook/send?key=` (group robot)
 * and `POST /cgi-bin/message/subscribe/send` (mini-program) check the token or key and record
 * what they received. A test can make the next sends fail as the platforms do (an errcode such
 * as 45009, -1 or 42001, an HTTP 500, a timeout), make every issued token expire, or fail a
 * share of sends at random; the webhook answers 45009 past `webhookLimit` sends per key in a
 * window, and lists that as a violation, as WeCom would drop them.
 *
 * App group chats: `POST /cgi-bin/appchat/send` checks the token, knows only the chats the test
 * created with `createChat` (others answer 86003), records the text, and answers 45009 past
 * `appchatLimit` messages per member in `appchatWindowMs` (a violation: WeCom's 200 a minute per
 * member, counted over every chat the member is in).
 *
 * 微信客服: `POST /cgi-bin/kf/sync_msg` pages through each account's stream (the test adds
 * customers' messages with `kfCustomerSays`; the cursor is the position in the stream, and every
 * sync records the cursor it was given), and `POST /cgi-bin/kf/send_msg` records the message,
 * answering errcode 95001 past 5 sends in the 48 h after the user's last message (a violation).
 */

/** One message the fake accepted (errcode 0). */
export interface Receipt {
  api: 'message' | 'webhook' | 'subscribe' | 'kf' | 'appchat'
  /** userid, webhook key, openid or chatid. */
  to: string
  /** The text (text.content, markdown.content) or the subscribe data as JSON. */
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: bodies are arbitrary JSON; tests narrow what they read
  body: any
  at: number
  /** The access token it came with (app chats). */
  token?: string
}

/** How the next send fails: an errcode answer, an HTTP status, or no answer before the client gives up; `pass` lets it through. */
export type Fault = { errcode: number } | { status: number } | { timeout: true } | { pass: true }

export interface FakeApiOptions {
  /** Webhook keys that exist (others answer 93000); default: every key but those starting with `bad`. */
  webhookKeys?: string[]
  /** At most this many webhook sends per key in `webhookWindowMs` (default 20 in 60 s). */
  webhookLimit?: number
  webhookWindowMs?: number
  /** How long a `timeout` fault holds the request (default 3 s). */
  timeoutMs?: number
  /** The WeCom userids that exist (others come back in `invaliduser`); default: all. */
  users?: string[]
  /** At most this many app-chat messages per member in `appchatWindowMs` (default 200 in 60 s). */
  appchatLimit?: number
  appchatWindowMs?: number
}

export interface FakeApiServer {
  /** http://127.0.0.1:<port>, for WECOM_API_BASE and WX_API_BASE. */
  url: string
  receipts: Receipt[]
  /** Every request to a send API, accepted or not, with its answer's errcode or status. */
  requests: Array<{ api: Receipt['api']; at: number; result: string }>
  /** How many tokens were handed out. */
  tokensIssued(): number
  /** Sends the platform would have dropped or refused for going too fast. */
  violations: string[]
  /** Queues faults for the next send requests, in order. */
  failNext(...faults: Fault[]): void
  /** Fails this share (0…1) of the send requests with one of these faults, at random, from now on. */
  failRandomly(share: number, faults: Fault[]): void
  /** Every token issued so far stops working (answers 42001). */
  expireTokens(): void
  /** A WeChat user writes text to a 客服 account at `sendTime` (seconds; default now); returns the msgid. */
  kfCustomerSays(openKfId: string, externalUserId: string, text: string, sendTime?: number): string
  /** Something else enters the stream (a servicer's message, origin 5; a system event, origin 4). */
  kfStreamAdd(openKfId: string, message: Record<string, unknown>): void
  /** Every kf/sync_msg request: the account, the cursor and the token it came with. */
  kfSyncs: Array<{ openKfId: string; cursor: string; token: string }>
  /** The app creates a group chat (as `appchat/create` would) with these members; `appchat/send` then knows it. */
  createChat(chatid: string, members: string[]): void
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Starts the fake on a random port of 127.0.0.1. */
export async function startFakeApiServer(options: FakeApiOptions = {}): Promise<FakeApiServer> {
  const receipts: Receipt[] = []
  const requests: FakeApiServer['requests'] = []
  const violations: string[] = []
  const queued: Fault[] = []
  let random: { share: number; faults: Fault[] } | undefined
  const validTokens = new Set<string>()
  let issued = 0
  const webhookLog = new Map<string, number[]>()
  const limit = options.webhookLimit ?? 20
  const windowMs = options.webhookWindowMs ?? 60_000
  const held = new Set<ServerResponse>()
  const kfStreams = new Map<string, Array<Record<string, unknown>>>()
  const kfSyncs: FakeApiServer['kfSyncs'] = []
  /** Per account and user: when they last wrote (ms) and how many sends since. */
  const kfWindows = new Map<string, { last: number; sent: number }>()
  let kfIds = 0
  const chats = new Map<string, string[]>()
  /** Per member: when app-chat messages reached them (ms). */
  const appchatLog = new Map<string, number[]>()
  const appchatLimit = options.appchatLimit ?? 200
  const appchatWindowMs = options.appchatWindowMs ?? 60_000

  function json(res: ServerResponse, body: unknown, status = 200) {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  function nextFault(): Fault | undefined {
    const q = queued.shift()
    if (q) return q
    if (random && Math.random() < random.share) return random.faults[Math.floor(Math.random() * random.faults.length)]
    return undefined
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    if (req.method === 'GET' && (path === '/cgi-bin/gettoken' || path === '/cgi-bin/token')) {
      const token = `token-${++issued}`
      validTokens.add(token)
      return json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 })
    }
    if (req.method === 'POST' && path === '/cgi-bin/kf/sync_msg') return kfSync(url, await readBody(req), res)
    const api: Receipt['api'] | undefined =
      path === '/cgi-bin/kf/send_msg'
        ? 'kf'
        : path === '/cgi-bin/message/send'
          ? 'message'
          : path === '/cgi-bin/webhook/send'
            ? 'webhook'
            : path === '/cgi-bin/message/subscribe/send'
              ? 'subscribe'
              : path === '/cgi-bin/appchat/send'
                ? 'appchat'
                : undefined
    if (req.method !== 'POST' || !api) return json(res, { errcode: 404, errmsg: 'not found' }, 404)
    const raw = await readBody(req)
    const at = Date.now()
    const answer = (result: string, body: unknown, status = 200) => {
      requests.push({ api, at, result })
      json(res, body, status)
    }
    const next = nextFault()
    const fault = next && 'pass' in next ? undefined : next
    if (fault && 'timeout' in fault) {
      requests.push({ api, at, result: 'timeout' })
      held.add(res)
      setTimeout(() => {
        held.delete(res)
        if (!res.writableEnded) json(res, { errcode: -1, errmsg: 'late' })
      }, options.timeoutMs ?? 3_000).unref()
      return
    }
    if (fault && 'status' in fault) return answer(`HTTP ${fault.status}`, { error: 'server error' }, fault.status)
    if (fault) return answer(`errcode ${fault.errcode}`, { errcode: fault.errcode, errmsg: 'injected' })
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON
    let body: any
    try {
      body = JSON.parse(raw)
    } catch {
      return answer('errcode 47001', { errcode: 47001, errmsg: 'data format error' })
    }
    if (api === 'webhook') {
      const key = url.searchParams.get('key') ?? ''
      const known = options.webhookKeys ? options.webhookKeys.includes(key) : !key.startsWith('bad')
      if (!known) return answer('errcode 93000', { errcode: 93000, errmsg: 'invalid webhook url' })
      const log = (webhookLog.get(key) ?? []).filter((t) => t > at - windowMs)
      if (log.length >= limit) {
        violations.push(`webhook ${key}: more than ${limit} in ${windowMs} ms`)
        return answer('errcode 45009', { errcode: 45009, errmsg: 'api freq out of limit' })
      }
      log.push(at)
      webhookLog.set(key, log)
      const content = body?.markdown?.content ?? body?.text?.content ?? ''
      if (Buffer.byteLength(content) > 4096) violations.push(`webhook ${key}: markdown over 4096 bytes`)
      receipts.push({ api, to: key, text: content, body, at })
      return answer('errcode 0', { errcode: 0, errmsg: 'ok' })
    }
    const token = url.searchParams.get('access_token') ?? ''
    if (!token) return answer('errcode 41001', { errcode: 41001, errmsg: 'access_token missing' })
    if (!validTokens.has(token)) return answer('errcode 42001', { errcode: 42001, errmsg: 'access_token expired' })
    if (api === 'kf') {
      const content = body?.text?.content ?? ''
      const to = String(body?.touser ?? '')
      const window = kfWindows.get(`${body?.open_kfid}|${to}`)
      if (!window || at - window.last > 48 * 3_600_000 || window.sent >= 5) {
        violations.push(`kf/send_msg to ${to}: outside the 5 messages in 48 h`)
        return answer('errcode 95001', { errcode: 95001, errmsg: 'send msg count limit' })
      }
      window.sent++
      if (Buffer.byteLength(content) > 2048) violations.push('kf/send_msg: content over 2048 bytes')
      receipts.push({ api, to, text: content, body, at })
      return answer('errcode 0', { errcode: 0, errmsg: 'ok', msgid: `sent-${++kfIds}` })
    }
    if (api === 'appchat') {
      const chatid = String(body?.chatid ?? '')
      const members = chats.get(chatid)
      if (!members) return answer('errcode 86003', { errcode: 86003, errmsg: 'chatid not found' })
      const content = body?.text?.content ?? ''
      if (body?.msgtype !== 'text' || !content)
        return answer('errcode 44004', { errcode: 44004, errmsg: 'empty content' })
      if (Buffer.byteLength(content) > 2048) violations.push(`appchat ${chatid}: content over 2048 bytes`)
      const busy = members.filter(
        (m) => (appchatLog.get(m) ?? []).filter((t) => t > at - appchatWindowMs).length >= appchatLimit,
      )
      if (busy.length > 0) {
        violations.push(`appchat ${chatid}: ${busy.join('|')} over ${appchatLimit} in ${appchatWindowMs} ms`)
        return answer('errcode 45009', { errcode: 45009, errmsg: 'api freq out of limit' })
      }
      for (const m of members)
        appchatLog.set(m, [...(appchatLog.get(m) ?? []).filter((t) => t > at - appchatWindowMs), at])
      receipts.push({ api, to: chatid, text: content, body, at, token })
      return answer('errcode 0', { errcode: 0, errmsg: 'ok' })
    }
    if (api === 'message') {
      const content = body?.text?.content ?? body?.markdown?.content ?? ''
      if (Buffer.byteLength(content) > 2048) violations.push('message/send: content over 2048 bytes')
      const to = String(body?.touser ?? '')
      const invalid = options.users ? to.split('|').filter((u) => !options.users?.includes(u)) : []
      if (invalid.length > 0 && invalid.length === to.split('|').length) {
        return answer('errcode 81013', { errcode: 81013, errmsg: 'user & party & tag all invalid' })
      }
      receipts.push({ api, to, text: content, body, at })
      return answer('errcode 0', { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|') })
    }
    for (const [field, value] of Object.entries(body?.data ?? {})) {
      const text = String((value as { value?: unknown })?.value ?? '')
      if (field.startsWith('thing') && [...text].length > 20) {
        return answer('errcode 47003', { errcode: 47003, errmsg: `argument invalid! data.${field}.value` })
      }
    }
    receipts.push({ api, to: String(body?.touser ?? ''), text: JSON.stringify(body?.data ?? {}), body, at })
    return answer('errcode 0', { errcode: 0, errmsg: 'ok' })
  }

  function kfSync(url: URL, raw: string, res: ServerResponse) {
    const token = url.searchParams.get('access_token') ?? ''
    if (!validTokens.has(token)) return json(res, { errcode: 42001, errmsg: 'access_token expired' })
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON
    let body: any
    try {
      body = JSON.parse(raw)
    } catch {
      return json(res, { errcode: 47001, errmsg: 'data format error' })
    }
    const openKfId = String(body?.open_kfid ?? '')
    const cursor = String(body?.cursor ?? '')
    kfSyncs.push({ openKfId, cursor, token: String(body?.token ?? '') })
    const stream = kfStreams.get(openKfId) ?? []
    const from = cursor === '' ? 0 : Number(cursor.replace(/^c/, ''))
    if (!Number.isInteger(from) || from < 0 || from > stream.length) {
      return json(res, { errcode: 95000, errmsg: 'invalid cursor' })
    }
    const limit = Math.min(1000, Math.max(1, Number(body?.limit ?? 1000)))
    const page = stream.slice(from, from + limit)
    const next = from + page.length
    return json(res, {
      errcode: 0,
      errmsg: 'ok',
      next_cursor: `c${next}`,
      has_more: next < stream.length ? 1 : 0,
      msg_list: page,
    })
  }

  function kfStreamAdd(openKfId: string, message: Record<string, unknown>) {
    const stream = kfStreams.get(openKfId) ?? []
    stream.push({ open_kfid: openKfId, ...message })
    kfStreams.set(openKfId, stream)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, { errcode: -1, errmsg: 'fake failed' }, 500))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    receipts,
    requests,
    violations,
    tokensIssued: () => issued,
    failNext: (...faults) => queued.push(...faults),
    failRandomly: (share, faults) => {
      random = { share, faults }
    },
    expireTokens: () => validTokens.clear(),
    kfSyncs,
    kfStreamAdd,
    createChat: (chatid, members) => {
      chats.set(chatid, [...members])
    },
    kfCustomerSays(openKfId, externalUserId, text, sendTime) {
      const time = sendTime ?? Math.floor(Date.now() / 1000)
      const msgid = `kf-msg-${++kfIds}`
      kfStreamAdd(openKfId, {
        msgid,
        external_userid: externalUserId,
        send_time: time,
        origin: 3,
        msgtype: 'text',
        text: { content: text },
      })
      const key = `${openKfId}|${externalUserId}`
      const window = kfWindows.get(key)
      if (!window || window.last < time * 1000) kfWindows.set(key, { last: time * 1000, sent: 0 })
      return msgid
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

import type { DataSource } from 'typeorm'
import { utf8Bytes } from '../../../bot/split'
import type { Clock } from '../../clock'
import { type AccessTokens, accessTokens } from '../access-token'
import type { OutgoingMessage, RatePolicy, SendResult, Sender, WindowRule } from '../sender'
import { type PlatformAnswer, callPlatform, resultOf } from './http'

/** WeCom app text messages: `content` ≤ 2048 bytes. */
export const WECOM_APP_TEXT_LIMIT = 2048

/** WeCom's limit per member and app: 30 a minute and 1000 an hour; the excess is dropped silently. */
export const WECOM_APP_WINDOWS: WindowRule[] = [
  { count: 30, perMs: 60_000 },
  { count: 1000, perMs: 3_600_000 },
]

/** The self-built app's credentials and where its API is (WECOM_API_BASE). */
export interface WecomAppOptions {
  apiBase: string
  corpId: string
  agentId: string
  secret: string
  timeoutMs?: number
  windows?: WindowRule[]
  /** The app's tokens, when its senders share one cache in this process (default: their own, shared through `api_token`). */
  tokens?: AccessTokens
}

/**
 * The self-built app's access tokens, under the one name every user of the app shares
 * (`wecom:<corpId>:<agentId>` in `api_token`), so its senders fetch one token between them.
 */
export function wecomAppTokens(deps: { dataSource: DataSource; clock: Clock }, options: WecomAppOptions): AccessTokens {
  const base = options.apiBase.replace(/\/+$/, '')
  const tokenUrl = `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(options.corpId)}&corpsecret=${encodeURIComponent(options.secret)}`
  return accessTokens(deps, `wecom:${options.corpId}:${options.agentId}`, tokenUrl, options.timeoutMs ?? 10_000)
}

/** What differs between the app's senders: the API path, the body, the pacing and how an answer reads. */
export interface AppEndpoint {
  path: string
  rate: RatePolicy
  body(message: OutgoingMessage): unknown
  /** The result of an answer (default: its errcode sorted by kind). */
  result?(answer: PlatformAnswer, message: OutgoingMessage): SendResult
}

/**
 * A sender through one of the self-built app's send APIs: the access token from `gettoken`,
 * cached until it expires and shared with the other instances through `api_token`; a token
 * errcode (40014/42001/41001) makes the dispatcher refresh it and retry; texts over 2048 bytes
 * are split by the dispatcher.
 */
export function wecomAppApiSender(
  deps: { dataSource: DataSource; clock: Clock },
  options: WecomAppOptions,
  endpoint: AppEndpoint,
): Sender {
  const base = options.apiBase.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 10_000
  const tokens = options.tokens ?? wecomAppTokens(deps, options)
  let lastToken: string | undefined
  return {
    limit: WECOM_APP_TEXT_LIMIT,
    measure: utf8Bytes,
    rate: endpoint.rate,
    async refreshToken() {
      await tokens.invalidate(lastToken)
    },
    async send(message) {
      let token: string
      try {
        token = await tokens.get()
      } catch (err) {
        return { ok: false, kind: 'retry', reason: err instanceof Error ? err.message : String(err) }
      }
      lastToken = token
      const got = await callPlatform(
        `${base}${endpoint.path}?access_token=${encodeURIComponent(token)}`,
        endpoint.body(message),
        timeoutMs,
      )
      if ('failed' in got) return got.failed
      return endpoint.result ? endpoint.result(got.answer, message) : resultOf(got.answer)
    },
  }
}

/**
 * Sends text to one WeCom member (`recipient` = userid) through the self-built app's
 * `message/send`, paced per member. A recipient WeCom names in `invaliduser` is permanent.
 */
export function wecomAppSender(deps: { dataSource: DataSource; clock: Clock }, options: WecomAppOptions): Sender {
  return wecomAppApiSender(deps, options, {
    path: '/cgi-bin/message/send',
    rate: { key: (m) => `wecom:${m.recipient}`, windows: options.windows ?? WECOM_APP_WINDOWS },
    body: (message) => ({
      touser: message.recipient,
      msgtype: 'text',
      agentid: Number(options.agentId),
      text: { content: message.text },
    }),
    result(answer, message) {
      const result = resultOf(answer)
      const invalid = String(answer.invaliduser ?? '').split('|')
      if (result.ok && invalid.includes(message.recipient)) {
        return { ok: false, kind: 'permanent', reason: `invaliduser: ${message.recipient}` }
      }
      return result
    },
  })
}

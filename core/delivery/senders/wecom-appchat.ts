import type { DataSource } from 'typeorm'
import { utf8Bytes } from '../../../bot/split'
import type { Clock } from '../../clock'
import type { RatePolicy, Sender, WindowRule } from '../sender'
import { callPlatform, resultOf } from './http'
import { WECOM_APP_TEXT_LIMIT, type WecomAppOptions, wecomAppTokens } from './wecom-app'

/** The outbox channel of group chats the WeCom app created (`recipient` = chatid). */
export const WECOM_APPCHAT_CHANNEL = 'wecom_appchat'

/**
 * WeCom allows 200 messages a minute per member from one app, counted over every chat the
 * member is in with it. We can't see who is in which chat, so each chat keeps 40 a minute:
 * a member in up to five of the app's chats stays under 200.
 */
export const WECOM_APPCHAT_WINDOWS: WindowRule[] = [{ count: 40, perMs: 60_000 }]

/**
 * Sends text to a group chat the self-built app created (`appchat/create`; `recipient` =
 * chatid) through `appchat/send`, paced per chat. It uses the same app's access token as
 * wecomAppSender (one cache, shared through `api_token`); errcodes sort as for the app's
 * other messages, and a chat WeCom doesn't know or that another app created (86001, 86003,
 * 86008) is permanent. Texts over 2048 bytes are split by the dispatcher.
 */
export function wecomAppchatSender(deps: { dataSource: DataSource; clock: Clock }, options: WecomAppOptions): Sender {
  const base = options.apiBase.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 10_000
  const tokens = options.tokens ?? wecomAppTokens(deps, options)
  let lastToken: string | undefined
  const rate: RatePolicy = {
    key: (m) => `wecom_appchat:${m.recipient}`,
    windows: options.windows ?? WECOM_APPCHAT_WINDOWS,
  }
  return {
    limit: WECOM_APP_TEXT_LIMIT,
    measure: utf8Bytes,
    rate,
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
        `${base}/cgi-bin/appchat/send?access_token=${encodeURIComponent(token)}`,
        { chatid: message.recipient, msgtype: 'text', text: { content: message.text } },
        timeoutMs,
      )
      if ('failed' in got) return got.failed
      return resultOf(got.answer)
    },
  }
}

import type { DataSource } from 'typeorm'
import type { Clock } from '../../clock'
import type { Sender, WindowRule } from '../sender'
import { type WecomAppOptions, wecomAppApiSender } from './wecom-app'

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
  return wecomAppApiSender(deps, options, {
    path: '/cgi-bin/appchat/send',
    rate: { key: (m) => `wecom_appchat:${m.recipient}`, windows: options.windows ?? WECOM_APPCHAT_WINDOWS },
    body: (message) => ({ chatid: message.recipient, msgtype: 'text', text: { content: message.text } }),
  })
}

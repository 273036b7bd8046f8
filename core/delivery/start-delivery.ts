import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { type Dispatcher, startDispatcher } from './dispatcher'
import type { Sender, Senders } from './sender'
import { miniprogramSender } from './senders/miniprogram'
import { wechatySenders } from './senders/wechaty'
import { wecomAppSender, wecomAppTokens } from './senders/wecom-app'
import { WECOM_APPCHAT_CHANNEL, wecomAppchatSender } from './senders/wecom-appchat'
import { type WecomBotPush, wecomBotSender } from './senders/wecom-bot'
import { wecomWebhookSender } from './senders/wecom-webhook'
import { wechatKfSender } from './senders/wechat-kf'
import { KF_CHANNEL } from '../wechat-kf/customers'
import { kfApi } from '../wechat-kf/kf-api'

/** The connections the chat channels hold, which the outbox sends through too. */
export interface ChannelHandles {
  wecomBot?: WecomBotPush
  wechat?: { bot: Parameters<typeof wechatySenders>[0] }
}

/**
 * The senders this instance can use, from the configuration and the running channels: group
 * robots always (the key is in each row), the WeCom app (members and the group chats it created) and 微信客服 with its corp id, agent and secret, the
 * WeCom bot's push where the bot runs (personal WeCom messages go through it when no app is
 * set up), WeChat through the logged-in account, mini-program subscribe messages with the
 * mini-program's credentials and template. Rows for a channel no instance can send stay pending.
 */
export function sendersFor(
  deps: { dataSource: DataSource; clock: Clock },
  config: Config,
  channels: ChannelHandles,
): Senders {
  const senders: Senders = { wecom_webhook: wecomWebhookSender({ apiBase: config.wecom.apiBase }) }
  const { corpId, agentId, secret } = config.wecom
  if (corpId && agentId && secret) {
    const app = { apiBase: config.wecom.apiBase, corpId, agentId, secret }
    // Members and the group chats the app created: one app, so one token cache between them.
    const tokens = wecomAppTokens(deps, app)
    senders.wecom = wecomAppSender(deps, { ...app, tokens })
    senders[WECOM_APPCHAT_CHANNEL] = wecomAppchatSender(deps, { ...app, tokens })
    // 微信客服 goes through the same app's token; its rows exist only once WeChat users wrote through the callback.
    const api = kfApi(deps, { apiBase: config.wecom.apiBase, corpId, agentId, secret })
    senders[KF_CHANNEL] = wechatKfSender(deps, { api })
  }
  if (channels.wecomBot) {
    const bot: Sender = wecomBotSender(channels.wecomBot)
    senders.wecom_chat = bot
    senders.wecom ??= bot
  }
  if (channels.wechat) Object.assign(senders, wechatySenders(channels.wechat.bot))
  if (config.wx.appId && config.wx.secret && config.wx.subscribeTemplateId) {
    senders.miniprogram = miniprogramSender(deps, {
      apiBase: config.wx.apiBase,
      appId: config.wx.appId,
      secret: config.wx.secret,
      templateId: config.wx.subscribeTemplateId,
    })
  }
  return senders
}

/** Starts the outbox dispatcher with the senders this instance has; the log names them once. */
export function startDelivery(
  deps: { dataSource: DataSource; clock: Clock; logger: Logger },
  config: Config,
  channels: ChannelHandles,
): Dispatcher {
  const senders = sendersFor(deps, config, channels)
  deps.logger.info({ channels: Object.keys(senders) }, 'outbox dispatcher started')
  return startDispatcher(deps, senders)
}

import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import type { Config } from '../../core/config'
import type { Logger } from '../../core/logger'
import { kfApi } from '../../core/wechat-kf/kf-api'
import type { Engine } from '../engine'
import { type WecomApp, startWecomApp } from './wecom-app'
import { type WechatKf, startWechatKf } from './wechat-kf'
import { type WecomBot, startWecomBot } from './wecom-bot'
import { type WechatyChannel, startWechaty } from './wechaty'

/** The chat channels the service runs; stop() ends each of them. */
export interface RunningChannels {
  names: string[]
  /** The WeCom bot's connection, when configured: the outbox pushes through it (only on the instance holding it). */
  wecomBot?: WecomBot
  /** The logged-in WeChat account, when configured: the outbox sends through it. */
  wechat?: WechatyChannel
  stop(): Promise<void>
}

/**
 * Starts every configured chat channel on the one engine. A channel without configuration is
 * off, and the log says so once, here. A channel that fails to start is logged and left off;
 * the HTTP service keeps running.
 */
export async function startChannels(
  deps: { engine: Engine; logger: Logger; dataSource: DataSource; clock: Clock },
  config: Config,
): Promise<RunningChannels> {
  const { logger } = deps
  const stops: Array<{ name: string; stop(): Promise<void> }> = []
  const running: Pick<RunningChannels, 'wecomBot' | 'wechat'> = {}

  if (config.wechaty.puppet) {
    try {
      const wechat = await startWechaty(deps, { puppet: config.wechaty.puppet, token: config.wechaty.token })
      stops.push({ name: 'wechat', stop: () => wechat.stop() })
      running.wechat = wechat
    } catch (err) {
      logger.error(
        { err: { message: err instanceof Error ? err.message : String(err) } },
        'wechat channel could not start',
      )
    }
  } else {
    logger.info('wechat channel off: WECHATY_PUPPET is not set')
  }

  if (config.wecomBot) {
    try {
      const wecom = startWecomBot(deps, config.wecomBot)
      stops.push({ name: 'wecom-bot', stop: () => wecom.stop() })
      running.wecomBot = wecom
    } catch (err) {
      logger.error(
        { err: { message: err instanceof Error ? err.message : String(err) } },
        'wecom bot channel could not start',
      )
    }
  } else {
    logger.info('wecom bot channel off: WECOM_BOT_ID and WECOM_BOT_SECRET are not both set')
  }

  return {
    ...running,
    names: stops.map((s) => s.name),
    async stop() {
      for (const s of stops.reverse()) {
        await s.stop().catch((err: unknown) => logger.warn({ err, channel: s.name }, 'channel did not stop cleanly'))
      }
    },
  }
}

/** The WeCom app callback's channel and the keys its route checks messages with. */
export interface WecomCallbackChannel {
  keys: { token: string; encodingAesKey: string; corpId: string }
  app: WecomApp
  kf?: WechatKf
  stop(): Promise<void>
}

/**
 * The channels behind `/wecom/callback`, when WECOM_TOKEN and WECOM_ENCODING_AES_KEY are set:
 * the WeCom app's messages, and 微信客服 (its API called with the app's credentials). Off
 * otherwise, and the log says so once.
 */
export function startWecomCallbackChannel(
  deps: { engine: Engine; logger: Logger; dataSource: DataSource; clock: Clock },
  config: Config,
  onQueued?: () => void,
): WecomCallbackChannel | undefined {
  const { corpId, agentId, secret, token, encodingAesKey, apiBase } = config.wecom
  if (!token || !encodingAesKey || !corpId) {
    deps.logger.info('wecom app callback off: WECOM_TOKEN and WECOM_ENCODING_AES_KEY are not set')
    return undefined
  }
  const kf =
    agentId && secret
      ? startWechatKf(deps, { api: kfApi(deps, { apiBase, corpId, agentId, secret }), onQueued })
      : undefined
  const app = startWecomApp(deps, { kf, onQueued })
  return {
    keys: { token, encodingAesKey, corpId },
    app,
    kf,
    async stop() {
      await app.stop()
      await kf?.stop()
    },
  }
}

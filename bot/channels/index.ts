import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import type { Config } from '../../core/config'
import type { Logger } from '../../core/logger'
import type { Engine } from '../engine'
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

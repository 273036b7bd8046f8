import { listHeldKfMessages } from '../../core/wechat-kf/customers'
import { beijingDate } from '../../core/time'
import { say } from '../types'
import type { Command } from './command'

const SAY = {
  none: '目前没有因微信客服“48 小时内最多 5 条”限制而暂未发出的消息。',
  list: (total: number, shown: number) =>
    `微信客服暂未发出的消息共 ${total} 条${total > shown ? `（先显示最早的 ${shown} 条）` : ''}。用户再次发消息后会自动补发；着急的请另行联系：`,
}

const SHOWN = 20

/** 客服待发: office staff see the messages to 微信客服 users that the 5-in-48h limit holds back. */
export const kfHeldCommand: Command = {
  name: 'kf_held',
  description: 'office staff list the messages to 微信客服 users held back by the 5-in-48h limit',
  usage: '客服待发 — 查看微信客服因发送限制暂未发出的消息',
  needsBinding: true,
  action: 'delivery.held',
  match: (text) => /^(?:客服待发|客服积压|客服未发|微信客服待发)(?:消息)?$/.exec(text),
  async run(ctx) {
    const { messages, total } = await listHeldKfMessages(ctx.deps, ctx.actor, SHOWN)
    if (total === 0) return say(SAY.none)
    const lines = messages.map((m) => {
      const text = [...m.text].length > 40 ? `${[...m.text].slice(0, 40).join('')}…` : m.text
      return `#${m.id}｜${beijingDate(m.createdAt).slice(5)}｜${m.recipient}｜${text}`
    })
    return say([SAY.list(total, messages.length), ...lines].join('\n'))
  },
}

import { utf8Bytes } from '../../../bot/split'
import type { Sender, WindowRule } from '../sender'
import { callPlatform, resultOf } from './http'

/** A group robot's markdown message: ≤ 4096 bytes. */
export const WEBHOOK_MARKDOWN_LIMIT = 4096

/** 20 messages a minute per robot. */
export const WEBHOOK_WINDOWS: WindowRule[] = [{ count: 20, perMs: 60_000 }]

/** Where the robots' API is (WECOM_API_BASE). */
export interface WecomWebhookOptions {
  apiBase: string
  timeoutMs?: number
  windows?: WindowRule[]
}

/**
 * Sends markdown to a WeCom group through its robot (`recipient` = the webhook key), paced to
 * 20 a minute per robot. An invalid key (93000) is permanent.
 */
export function wecomWebhookSender(options: WecomWebhookOptions): Sender {
  const base = options.apiBase.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 10_000
  return {
    limit: WEBHOOK_MARKDOWN_LIMIT,
    measure: utf8Bytes,
    rate: { key: (m) => `webhook:${m.recipient}`, windows: options.windows ?? WEBHOOK_WINDOWS },
    async send(message) {
      const got = await callPlatform(
        `${base}/cgi-bin/webhook/send?key=${encodeURIComponent(message.recipient)}`,
        { msgtype: 'markdown', markdown: { content: message.text } },
        timeoutMs,
      )
      return 'failed' in got ? got.failed : resultOf(got.answer)
    },
  }
}

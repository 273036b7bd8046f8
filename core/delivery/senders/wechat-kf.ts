import type { DataSource } from 'typeorm'
import { utf8Bytes } from '../../../bot/split'
import type { KfApi } from '../../wechat-kf/kf-api'
import { releaseKfSend, reserveKfSend } from '../../wechat-kf/customers'
import type { Sender } from '../sender'

/** 微信客服 text messages: `content` ≤ 2048 bytes. */
export const WECHAT_KF_TEXT_LIMIT = 2048

/**
 * Sends text to a WeChat user through 微信客服 `kf/send_msg` (`recipient` = external_userid; the
 * 客服 account from the payload's `openKfId`, else the one the user last wrote to). Each part
 * first takes one of the 5 sends allowed in the 48 hours after the user's last message: past
 * the limit, or with the window closed, the row waits (`wait`), marked `kf_window` in its
 * lastError and listed for the office (listHeldKfMessages), and is made due again when the
 * user writes. A send the platform did not take gives its slot back. `now` is wall-clock time.
 */
export function wechatKfSender(deps: { dataSource: DataSource }, options: { api: KfApi; now?: () => Date }): Sender {
  const now = options.now ?? (() => new Date())
  return {
    limit: WECHAT_KF_TEXT_LIMIT,
    measure: utf8Bytes,
    async refreshToken() {
      await options.api.refreshToken()
    },
    async send(message) {
      const openKfId = typeof message.payload.openKfId === 'string' ? message.payload.openKfId : undefined
      const slot = await reserveKfSend(deps.dataSource, { externalUserId: message.recipient, openKfId }, now())
      if (!slot.ok) return { ok: false, kind: 'wait', reason: slot.reason }
      const result = await options.api.sendText({
        touser: message.recipient,
        openKfId: slot.openKfId,
        content: message.text,
      })
      if (!result.ok) await releaseKfSend(deps.dataSource, slot.customerId)
      return result
    },
  }
}

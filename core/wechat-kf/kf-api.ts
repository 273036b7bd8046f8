import type { DataSource } from 'typeorm'
import { z } from 'zod'
import type { Clock } from '../clock'
import { type AccessTokens, accessTokens } from '../delivery/access-token'
import type { SendResult } from '../delivery/sender'
import { callPlatform, type PlatformAnswer, resultOf } from '../delivery/senders/http'

/** A message of a 客服 account's stream, as kf/sync_msg lists it (only the fields the service reads). */
export const kfMessage = z.object({
  msgid: z.string().min(1).max(191),
  open_kfid: z.string().optional(),
  external_userid: z.string().max(191).optional(),
  send_time: z.number(),
  /** 3: the WeChat user; 4: a system event; 5: a servicer (or this service). */
  origin: z.number(),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
})
export type KfMessage = z.infer<typeof kfMessage>

/** One page of kf/sync_msg: the messages that parsed, the cursor after them, whether more wait. */
export type SyncPage =
  | { ok: true; messages: KfMessage[]; skipped: number; nextCursor: string; hasMore: boolean }
  | { ok: false; reason: string }

/** The WeCom app's credentials (its secret must have the 微信客服 permission) and where the API is. */
export interface KfApiOptions {
  apiBase: string
  corpId: string
  agentId: string
  secret: string
  timeoutMs?: number
}

/** The 微信客服 API: pull a stream, send text. */
export interface KfApi {
  /** One page of the account's messages after `cursor` (none: from the start). */
  syncMsg(input: { openKfId: string; cursor?: string; token?: string; limit?: number }): Promise<SyncPage>
  /** Sends text to a WeChat user through a 客服 account. */
  sendText(input: { touser: string; openKfId: string; content: string }): Promise<SendResult>
  /** Drops the refused access token, so the next call fetches a new one. */
  refreshToken(): Promise<void>
}

/**
 * The 微信客服 API over WECOM_API_BASE with the self-built app's access token — the same token
 * the app's `message/send` uses, shared through `api_token`. A refused token (40014/42001/41001)
 * on sync_msg is refreshed and the call made once more; send_msg leaves that to the dispatcher.
 */
export function kfApi(deps: { dataSource: DataSource; clock: Clock }, options: KfApiOptions): KfApi {
  const base = options.apiBase.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 10_000
  const tokenUrl = `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(options.corpId)}&corpsecret=${encodeURIComponent(options.secret)}`
  const tokens: AccessTokens = accessTokens(deps, `wecom:${options.corpId}:${options.agentId}`, tokenUrl, timeoutMs)
  let lastToken: string | undefined

  async function call(path: string, body: unknown): Promise<{ answer: PlatformAnswer } | { failed: SendResult }> {
    let token: string
    try {
      token = await tokens.get()
    } catch (err) {
      return { failed: { ok: false, kind: 'retry', reason: err instanceof Error ? err.message : String(err) } }
    }
    lastToken = token
    return callPlatform(`${base}${path}?access_token=${encodeURIComponent(token)}`, body, timeoutMs)
  }

  async function syncOnce(input: Parameters<KfApi['syncMsg']>[0]): Promise<SyncPage & { token?: boolean }> {
    const got = await call('/cgi-bin/kf/sync_msg', {
      cursor: input.cursor ?? '',
      token: input.token ?? '',
      limit: input.limit ?? 1000,
      open_kfid: input.openKfId,
    })
    if ('failed' in got) return { ok: false, reason: got.failed.ok ? 'failed' : got.failed.reason }
    const result = resultOf(got.answer)
    if (!result.ok) return { ok: false, reason: result.reason, token: result.kind === 'token' }
    const list = Array.isArray(got.answer.msg_list) ? got.answer.msg_list : []
    const messages = list.flatMap((m) => {
      const parsed = kfMessage.safeParse(m)
      return parsed.success ? [parsed.data] : []
    })
    return {
      ok: true,
      messages,
      skipped: list.length - messages.length,
      nextCursor: typeof got.answer.next_cursor === 'string' ? got.answer.next_cursor : (input.cursor ?? ''),
      hasMore: Number(got.answer.has_more ?? 0) === 1 || got.answer.has_more === true,
    }
  }

  return {
    async syncMsg(input) {
      const first = await syncOnce(input)
      if (first.ok || !first.token) return first
      await tokens.invalidate(lastToken)
      return syncOnce(input)
    },
    async sendText(input) {
      const got = await call('/cgi-bin/kf/send_msg', {
        touser: input.touser,
        open_kfid: input.openKfId,
        msgtype: 'text',
        text: { content: input.content },
      })
      if ('failed' in got) return got.failed
      return resultOf(got.answer)
    },
    async refreshToken() {
      await tokens.invalidate(lastToken)
    },
  }
}

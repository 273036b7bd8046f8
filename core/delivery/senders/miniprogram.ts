import type { DataSource } from 'typeorm'
import { characters } from '../../../bot/split'
import type { Clock } from '../../clock'
import { accessTokens } from '../access-token'
import { clearConsent, returnConsent, takeConsent } from '../consents'
import type { Sender } from '../sender'
import { callPlatform, resultOf } from './http'

/** A `thing.*` value of a subscribe message: ≤ 20 characters. */
export const THING_LIMIT = 20

/** The mini-program's credentials, where WeChat's API is (WX_API_BASE), and the default template. */
export interface MiniprogramOptions {
  apiBase: string
  appId: string
  secret: string
  /** The template used when the row's payload names none. */
  templateId?: string
  /** The template field the text goes to when the payload gives no `data` (default thing1). */
  textField?: string
  /** The page the message opens (default: the payload's `page`, or none). */
  page?: string
  /** developer | trial | formal (default formal). */
  state?: string
  timeoutMs?: number
}

function shortened(text: string, limit: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, limit - 1).join('')}…`
}

/**
 * Sends a mini-program subscribe message (`recipient` = openid). Each send spends one consent
 * the user gave for the template (counted in subscribe_consent): with none left the row waits
 * (`wait`) until the user accepts again, or until the writer reaches them another way. A send
 * that never reached WeChat gives its consent back; `43101` (refused, used up) clears them.
 * The text is not split (each part would spend a consent): it goes into one `thing` field,
 * shortened to 20 characters, unless the payload brings its own `data`.
 */
export function miniprogramSender(deps: { dataSource: DataSource; clock: Clock }, options: MiniprogramOptions): Sender {
  const base = options.apiBase.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 10_000
  const tokenUrl = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.secret)}`
  const tokens = accessTokens(deps, `wx:${options.appId}`, tokenUrl, timeoutMs)
  let lastToken: string | undefined
  return {
    limit: Number.POSITIVE_INFINITY,
    measure: characters,
    async refreshToken() {
      await tokens.invalidate(lastToken)
    },
    async send(message) {
      const templateId =
        typeof message.payload.templateId === 'string' ? message.payload.templateId : options.templateId
      if (!templateId) return { ok: false, kind: 'permanent', reason: 'no subscribe template for this message' }
      const ds = deps.dataSource
      const openid = message.recipient
      if (!(await takeConsent(ds, openid, templateId, deps.clock.now()))) {
        return { ok: false, kind: 'wait', reason: 'no subscribe consent left' }
      }
      let token: string
      try {
        token = await tokens.get()
      } catch (err) {
        await returnConsent(ds, openid, templateId, deps.clock.now())
        return { ok: false, kind: 'retry', reason: err instanceof Error ? err.message : String(err) }
      }
      lastToken = token
      const data =
        message.payload.data && typeof message.payload.data === 'object'
          ? message.payload.data
          : { [options.textField ?? 'thing1']: { value: shortened(message.text, THING_LIMIT) } }
      const page = typeof message.payload.page === 'string' ? message.payload.page : options.page
      const got = await callPlatform(
        `${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        {
          touser: openid,
          template_id: templateId,
          ...(page ? { page } : {}),
          data,
          miniprogram_state: options.state ?? 'formal',
        },
        timeoutMs,
      )
      if ('failed' in got) {
        await returnConsent(ds, openid, templateId, deps.clock.now())
        return got.failed
      }
      if (got.answer.errcode === 43101) {
        await clearConsent(ds, openid, templateId, deps.clock.now())
        return { ok: false, kind: 'wait', reason: 'errcode 43101: subscription refused or used up' }
      }
      const result = resultOf(got.answer)
      if (!result.ok && (result.kind === 'retry' || result.kind === 'token' || result.kind === 'throttle')) {
        await returnConsent(ds, openid, templateId, deps.clock.now())
      }
      return result
    },
  }
}

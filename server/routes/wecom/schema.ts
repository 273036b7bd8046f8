import { z } from 'zod'

const signature = z.string({ message: '须为文字' }).regex(/^[0-9a-fA-F]{40}$/, '须为 40 位十六进制签名')
const timestamp = z.string({ message: '须为文字' }).regex(/^\d{1,12}$/, '须为以秒计的时间戳')
const nonce = z.string({ message: '须为文字' }).min(1, '不能为空').max(64, '过长')

/** `POST /wecom/callback` query: WeCom's signature over the body's Encrypt, its time and nonce. */
export const callbackQuery = z.object({ msg_signature: signature, timestamp, nonce })
export type CallbackQuery = z.infer<typeof callbackQuery>

/** `GET /wecom/callback` query (URL verification): the same plus the encrypted echo string. */
export const verifyQuery = callbackQuery.extend({
  echostr: z.string({ message: '须为文字' }).min(1, '不能为空').max(4096, '过长'),
})
export type VerifyQuery = z.infer<typeof verifyQuery>

/** The body's envelope once read from its XML: the encrypted message. */
export const envelope = z.object({
  Encrypt: z
    .string({ message: '须为文字' })
    .min(1, '不能为空')
    .regex(/^[A-Za-z0-9+/=]+$/, '须为 base64'),
})

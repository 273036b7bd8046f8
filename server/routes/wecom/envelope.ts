import { timingSafeEqual } from 'node:crypto'
import { decrypt, getSignature } from '@wecom/crypto'
import { AppError, UnauthorizedError } from '../../../core/errors'

/** How far WeCom's timestamp may be from now, either way: 5 minutes. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000

/** What the callback is configured with in WeCom's console: WECOM_TOKEN, WECOM_ENCODING_AES_KEY and the corp it belongs to. */
export interface CallbackKeys {
  token: string
  encodingAesKey: string
  corpId: string
}

/** A signed, encrypted text as WeCom sends it: the query's signature, time and nonce, and the ciphertext. */
export interface Sealed {
  signature: string
  timestamp: string
  nonce: string
  encrypted: string
}

/** Whether two hex signatures are the same, in constant time. */
function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase())
  const right = Buffer.from(b.toLowerCase())
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Opens a WeCom callback payload (PLATFORM.md): the timestamp must lie within 5 minutes of
 * `nowMs`, the signature `sha1(sort([token, timestamp, nonce, encrypted]))` must match, and only
 * then is the ciphertext decrypted (AES-256-CBC, @wecom/crypto) and its receiver required to be
 * our corp — @wecom/crypto returns garbage rather than failing on a wrong key. Returns the
 * plaintext.
 * @throws UnauthorizedError for a stale timestamp, a bad signature or another receiver;
 * AppError `bad_request` (400) for a correctly signed text that does not decrypt.
 */
export function openSealed(keys: CallbackKeys, sealed: Sealed, nowMs: number): string {
  if (Math.abs(Number(sealed.timestamp) * 1000 - nowMs) > TIMESTAMP_WINDOW_MS) {
    throw new UnauthorizedError('时间戳超出 5 分钟有效期')
  }
  const expected = getSignature(keys.token, sealed.timestamp, sealed.nonce, sealed.encrypted)
  if (!sameSignature(expected, sealed.signature)) throw new UnauthorizedError('签名无效')
  let opened: { message: string; id: string }
  try {
    opened = decrypt(keys.encodingAesKey, sealed.encrypted)
  } catch {
    throw new AppError('bad_request', '消息无法解密', 400)
  }
  if (opened.id !== keys.corpId) throw new UnauthorizedError('消息的接收方不是本企业')
  return opened.message
}

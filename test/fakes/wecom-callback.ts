import { createCipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * What WeCom does to call the service's callback, written from the platform's description
 * (PLATFORM.md) and independently of @wecom/crypto, which the service uses: AES-256-CBC with
 * the key base64(EncodingAESKey + "="), the IV its first 16 bytes, PKCS#7 padding to a multiple
 * of 32, plaintext random(16) ‖ length (4 bytes, big-endian) ‖ message ‖ CorpID, and the
 * signature sha1 of the sorted [token, timestamp, nonce, ciphertext].
 */

/** The callback's settings in WeCom's console. */
export interface CallbackSettings {
  token: string
  encodingAesKey: string
  corpId: string
}

/** A message sealed as WeCom sends it: ciphertext and the query's signature, time and nonce. */
export interface SealedMessage {
  encrypt: string
  signature: string
  timestamp: string
  nonce: string
}

/** The signature WeCom puts in msg_signature. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex')
}

/** Encrypts and signs `message` for `receiveId` (default the corp), at `timestamp` (default now). */
export function sealForWecom(
  settings: CallbackSettings,
  message: string,
  options: { timestamp?: number; nonce?: string; receiveId?: string } = {},
): SealedMessage {
  const key = Buffer.from(`${settings.encodingAesKey}=`, 'base64')
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(options.receiveId ?? settings.corpId)])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  const encrypt = Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64')
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = options.nonce ?? String(Math.floor(Math.random() * 1e9))
  return { encrypt, signature: wecomSignature(settings.token, timestamp, nonce, encrypt), timestamp, nonce }
}

/** The query string of a callback for a sealed message (`echostr` too for URL verification). */
export function callbackQuery(sealed: SealedMessage, echostr?: string): string {
  const params = new URLSearchParams({
    msg_signature: sealed.signature,
    timestamp: sealed.timestamp,
    nonce: sealed.nonce,
  })
  if (echostr !== undefined) params.set('echostr', echostr)
  return params.toString()
}

/** The POST body WeCom sends: the envelope around the ciphertext. */
export function envelopeXml(corpId: string, encrypt: string, agentId = '1000002'): string {
  return `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><AgentID><![CDATA[${agentId}]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
}

/** A member's message as the app receives it, decrypted (text by default). */
export function appMessageXml(fields: {
  corpId: string
  from: string
  msgId?: string
  msgType?: string
  content?: string
  extra?: Record<string, string>
}): string {
  const all: Record<string, string> = {
    ToUserName: fields.corpId,
    FromUserName: fields.from,
    CreateTime: String(Math.floor(Date.now() / 1000)),
    MsgType: fields.msgType ?? 'text',
    ...(fields.content !== undefined ? { Content: fields.content } : {}),
    ...(fields.msgId ? { MsgId: fields.msgId } : {}),
    AgentID: '1000002',
    ...fields.extra,
  }
  return `<xml>${Object.entries(all)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join('')}</xml>`
}

/** The event WeCom sends when 微信客服 has new messages for an account. */
export function kfEventXml(corpId: string, openKfId: string, token: string): string {
  return appMessageXml({
    corpId,
    from: 'sys',
    msgType: 'event',
    extra: { Event: 'kf_msg_or_event', Token: token, OpenKfId: openKfId },
  })
}

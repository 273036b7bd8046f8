import type { Context, Middleware } from 'koa'
import type { z } from 'zod'
import { AppError, ValidationError } from '../../../core/errors'
import { describeIssue } from '../../../core/validation'
import { readText } from '../../middlewares/body'
import { type CallbackKeys, openSealed } from './envelope'
import { callbackQuery, envelope, verifyQuery } from './schema'
import { MAX_XML_BYTES, XmlError, parseFlatXml } from './xml'

/** Where WeCom is pointed (the app's 接收消息 URL). */
export const WECOM_CALLBACK_PATH = '/wecom/callback'

/** What the callback needs: the keys set in WeCom's console, and where decrypted messages go. */
export interface WecomCallbackDeps {
  keys: CallbackKeys
  /**
   * Takes a decrypted message's fields (MsgType, FromUserName, Content, MsgId, Event, …) for work
   * after the answer: returns at once and never throws (the answer must reach WeCom within 1 s).
   */
  receive(fields: Record<string, string>): void
  /**
   * Wall-clock milliseconds for the 5-minute window (default Date.now). Not the service clock:
   * WeCom's timestamps are real time whatever ASSISTANT_NOW pins the service to.
   */
  now?: () => number
}

/**
 * The query string read literally: a `+` stays a `+` (Koa's ctx.query makes it a space, and
 * base64 echo strings hold `+`), escapes are decoded, a repeated parameter is refused.
 * @throws ValidationError for a malformed escape or a repeated parameter.
 */
function literalQuery(querystring: string): Record<string, string> {
  const query: Record<string, string> = Object.create(null)
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      throw new ValidationError('查询参数的编码无效')
    }
  }
  for (const pair of querystring.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = decode(eq < 0 ? pair : pair.slice(0, eq))
    if (key in query) throw new ValidationError(`${key}: 不能重复`)
    query[key] = decode(eq < 0 ? '' : pair.slice(eq + 1))
  }
  return query
}

/** The request's query parsed by `schema`. @throws ValidationError with the first issue. */
function queryOf<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  const raw = literalQuery(ctx.querystring)
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, raw))
  return parsed.data
}

/** An XML text's fields. @throws AppError `bad_request` (400) for XML the reader refuses. */
function fieldsOf(xml: string, what: string): Record<string, string> {
  try {
    return parseFlatXml(xml)
  } catch (err) {
    if (err instanceof XmlError) throw new AppError('bad_request', `${what}不是有效的 XML`, 400)
    throw err
  }
}

/**
 * `GET /wecom/callback` — URL verification: answers the decrypted `echostr`, as plain text.
 * `POST /wecom/callback` — a message or event: checked, decrypted, handed to `receive` and
 * answered at once with an empty 200; the reply goes out later through the outbox.
 * A stale timestamp or a bad signature is `401` and nothing is processed; a bad query or body
 * a `400`/`413` in the service's error shape. The route sits before the JSON body reader (it reads
 * XML itself), so it is a middleware of the app rather than of the router; without configured
 * keys it is absent (404).
 */
export function wecomCallbackRoutes(deps: WecomCallbackDeps | undefined): Middleware {
  if (!deps) return (_ctx, next) => next()
  const { keys, receive: hand } = deps
  const now = deps.now ?? Date.now

  async function verify(ctx: Context): Promise<void> {
    const q = queryOf(ctx, verifyQuery)
    const sealed = { signature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypted: q.echostr }
    ctx.type = 'text/plain'
    ctx.body = openSealed(keys, sealed, now())
  }

  async function receive(ctx: Context): Promise<void> {
    const q = queryOf(ctx, callbackQuery)
    const declared = Number(ctx.get('content-length') || 0)
    if (declared > MAX_XML_BYTES) throw new AppError('too_large', `请求体过大（上限 ${MAX_XML_BYTES} 字节）`, 413)
    const body = fieldsOf(await readText(ctx.req, MAX_XML_BYTES), '请求体')
    const parsed = envelope.safeParse(body)
    if (!parsed.success) throw new ValidationError(describeIssue(parsed.error, body))
    const sealed = {
      signature: q.msg_signature,
      timestamp: q.timestamp,
      nonce: q.nonce,
      encrypted: parsed.data.Encrypt,
    }
    const message = fieldsOf(openSealed(keys, sealed, now()), '消息')
    hand(message)
    ctx.status = 200
    ctx.body = ''
  }

  return async (ctx, next) => {
    if (ctx.path !== WECOM_CALLBACK_PATH) return next()
    if (ctx.method === 'GET') return verify(ctx)
    if (ctx.method === 'POST') return receive(ctx)
    ctx.set('Allow', 'GET, POST')
    ctx.status = 405
  }
}

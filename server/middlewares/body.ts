import type { IncomingMessage } from 'node:http'
import type { Context, Middleware } from 'koa'
import { AppError, ClientClosedError } from '../../core/errors'

const DEFAULT_LIMIT = 16 * 1024

/**
 * Reads a JSON request body into `ctx.request.body`, refusing what is not JSON or is too large
 * (with 4xx, never 5xx). `takesRawBody` names the requests whose route reads its own body (an
 * .xlsx upload, see `rawBody` in routes/define.ts): those are left unread, every other one must be JSON.
 */
export function jsonBody(limitBytes = DEFAULT_LIMIT, takesRawBody?: (ctx: Context) => boolean): Middleware {
  return async (ctx, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(ctx.method)) return next()
    if (takesRawBody?.(ctx)) return next()
    const type = ctx.get('content-type')
    if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
      throw new AppError('unsupported_media_type', '请求体须为 JSON（Content-Type: application/json）', 415)
    }
    const declared = Number(ctx.get('content-length') || 0)
    if (declared > limitBytes) throw new AppError('too_large', `请求体过大（上限 ${limitBytes} 字节）`, 413)
    const text = await readText(ctx.req, limitBytes)
    if (text.trim() === '') {
      ;(ctx.request as { body?: unknown }).body = undefined
      return next()
    }
    try {
      ;(ctx.request as { body?: unknown }).body = JSON.parse(text)
    } catch {
      throw new AppError('invalid_json', '请求体不是合法的 JSON', 400)
    }
    return next()
  }
}

/**
 * Reads a request stream as UTF-8, refusing more than `limit` bytes (whatever Content-Length
 * said). A client that hangs up before the end rejects with ClientClosedError.
 */
export async function readText(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBytes(req, limit)).toString('utf8')
}

/**
 * Reads a request stream whole, refusing (413 `too_large`) more than `limit` bytes whatever
 * Content-Length said. A client that hangs up before the end rejects with ClientClosedError.
 */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) return resolve(Buffer.alloc(0))
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.resume()
        reject(new AppError('too_large', `请求体过大（上限 ${limit} 字节）`, 413))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)))
    req.once('error', (err) => reject(req.destroyed ? new ClientClosedError() : err))
    req.once('close', () => {
      if (!req.complete) reject(new ClientClosedError())
    })
  })
}

import { createServer, type Server as HttpServer } from 'node:http'
import { type AddressInfo, Server } from 'node:net'
import type { Duplex } from 'node:stream'
import type Koa from 'koa'

/** A listening HTTP server and the way to stop it gracefully. */
export interface RunningServer {
  server: HttpServer
  port: number
  /**
   * Stops accepting connections and lets requests in flight finish; every reply from then on says
   * `Connection: close`, so keep-alive clients are told politely instead of finding the socket
   * reset. New connections are refused at once; after `drainMs` the connections still idle are
   * closed, and whatever is still open after `graceMs`.
   */
  close(graceMs?: number, drainMs?: number): Promise<void>
}

/** Serves `app` on `host:port` (port 0: any free port). */
export function listen(app: Koa, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const handle = app.callback()
  let closing = false
  const server = createServer((req, res) => {
    if (closing) res.setHeader('Connection', 'close')
    return handle(req, res)
  })
  server.keepAliveTimeout = 5_000
  server.on('clientError', answerUnparsable)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const actual = (server.address() as AddressInfo).port
      resolve({
        server,
        port: actual,
        close: async (graceMs = 10_000, drainMs = 0) => {
          closing = true
          // net.Server's close stops accepting but, unlike http.Server's, does not cut the
          // connections that look idle: one accepted a moment ago, its request still on the way,
          // looks idle too, and cutting it would lose that request.
          const closed = new Promise<void>((done) => Server.prototype.close.call(server, () => done()))
          const force = setTimeout(() => server.closeAllConnections(), graceMs)
          force.unref()
          if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs))
          server.closeIdleConnections()
          await closed
          clearTimeout(force)
        },
      })
    })
  })
}

/** Node's parser errors that have their own status; any other unparsable request is a 400. */
const PARSER_STATUS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求头过大'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', '请求超时'],
}

/**
 * A request Node's parser refuses (a broken request line, bad framing, oversized headers) never
 * reaches the app; it still gets the API's error shape in Chinese, then the connection is closed.
 */
function answerUnparsable(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const [status, reason, message] = PARSER_STATUS[err.code ?? ''] ?? [400, 'Bad Request', '请求格式错误，无法解析']
  const body = JSON.stringify({ error: { code: 'bad_request', message } })
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  )
}

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type Koa from 'koa'

/** A listening HTTP server and the way to stop it gracefully. */
export interface RunningServer {
  server: Server
  port: number
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>
}

/** Serves `app` on `host:port` (port 0: any free port). */
export function listen(app: Koa, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server = createServer(app.callback())
  server.keepAliveTimeout = 5_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const actual = (server.address() as AddressInfo).port
      resolve({
        server,
        port: actual,
        close: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs)
            force.unref()
            server.close(() => {
              clearTimeout(force)
              done()
            })
            server.closeIdleConnections()
          }),
      })
    })
  })
}

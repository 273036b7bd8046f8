import { connect, createServer, type Server, type Socket } from 'node:net'

/** A TCP relay in front of a real server, to take it away and bring it back as an outage would. */
export interface TcpProxy {
  port: number
  /** Cuts every open connection and refuses new ones. */
  cut(): Promise<void>
  /** Accepts and relays connections again, on the same port. */
  restore(): Promise<void>
  close(): Promise<void>
}

/** Starts a relay on a free loopback port to `host:port`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => {
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream).pipe(client)
      })
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => {
        server = s
        resolve((s.address() as { port: number }).port)
      })
    })
  const port = await listen(0)
  const cut = async () => {
    const s = server
    server = undefined
    for (const socket of sockets) socket.destroy()
    if (s) await new Promise((r) => s.close(r))
  }
  return {
    port,
    cut,
    restore: async () => {
      if (!server) await listen(port)
    },
    close: cut,
  }
}

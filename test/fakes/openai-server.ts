import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for an OpenAI-compatible endpoint: node:http on 127.0.0.1 with a random
 * port, serving POST /v1/chat/completions. Each test scripts what it answers and reads back
 * the request bodies it received, so the real `openai` client is exercised end to end and a
 * test can check exactly what left the service.
 */

/** One scripted reply. */
export type FakeReply =
  /** A normal completion whose message content is this string (JSON or not). */
  | { content: string; delayMs?: number }
  /** An HTTP error status with an OpenAI-style error body. */
  | { status: number; message?: string; delayMs?: number }
  /** A raw response body with status 200 (e.g. not JSON at all). */
  | { rawBody: string; delayMs?: number }

/** A request the fake received. */
export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  /** The parsed JSON body (undefined when it was not JSON). */
  body: unknown
  rawBody: string
}

/** A running fake; `close()` it after the test. */
export interface FakeOpenAiServer {
  /** Base URL for the openai client, e.g. http://127.0.0.1:43123/v1 */
  baseUrl: string
  requests: RecordedRequest[]
  /** Sets the reply for every following request (a function can vary it per request). */
  reply(reply: FakeReply | ((request: RecordedRequest) => FakeReply)): void
  close(): Promise<void>
}

function completionBody(content: string, model: unknown) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: typeof model === 'string' ? model : 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  }
}

/** Starts the fake on a free loopback port. Its default reply is a 500, so an unscripted call is visible. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = []
  let script: FakeReply | ((request: RecordedRequest) => FakeReply) = { status: 500, message: 'no reply scripted' }
  const timers = new Set<NodeJS.Timeout>()

  const send = (res: ServerResponse, status: number, body: string) => {
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = undefined
      }
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        rawBody,
      }
      requests.push(request)
      if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
        send(res, 404, JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }))
        return
      }
      const reply = typeof script === 'function' ? script(request) : script
      const answer = () => {
        const model = (body as { model?: unknown } | undefined)?.model
        if ('content' in reply) send(res, 200, JSON.stringify(completionBody(reply.content, model)))
        else if ('rawBody' in reply) send(res, 200, reply.rawBody)
        else
          send(
            res,
            reply.status,
            JSON.stringify({ error: { message: reply.message ?? 'error', type: 'server_error' } }),
          )
      }
      if (!reply.delayMs) return answer()
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer()
      }, reply.delayMs)
      timers.add(timer)
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(next) {
      script = next
    },
    async close() {
      for (const t of timers) clearTimeout(t)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

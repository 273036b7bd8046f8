import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
let port: number
beforeAll(async () => {
  server = await startTestServer({ corsOrigins: ['https://console.example.org'] })
  port = server.running.port
})
afterAll(async () => {
  await server.close()
})

/** Any method, even those fetch refuses to send (TRACE), over node:http. */
function call(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c) => {
        body += c
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('methods no route has', () => {
  it.each([
    ['PROPFIND', '/healthz', 405],
    ['TRACE', '/api/v1/qa', 405],
    ['PROPFIND', '/api/v1/milestones', 405],
    ['PROPFIND', '/api/v1/nothing-here', 404],
    ['TRACE', '/', 404],
    ['MKCOL', '/api/v1/qa', 405],
  ])('%s %s → %i in the error shape', async (method, path, status) => {
    const r = await call(method, path)
    expect(r.status).toBe(status)
    const code = status === 405 ? 'method_not_allowed' : 'not_found'
    expect(JSON.parse(r.body)).toEqual({ error: { code, message: expect.stringContaining(method) } })
  })
})

it('logs a client that hangs up mid-body at info, without an error or a stack', async () => {
  const before = server.logLines.length
  await new Promise<void>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /api/v1/qa HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"question":"名',
      )
      setTimeout(() => {
        socket.destroy()
        resolve()
      }, 50)
    })
  })
  const lines = await eventually(async () => {
    const fresh = server.logLines.slice(before)
    return fresh.some((l) => l.includes('client closed')) && fresh
  })
  expect(lines.join('')).not.toMatch(/"level":50|"stack"/)
  const closed = JSON.parse(lines.find((l) => l.includes('client closed')) as string)
  expect(closed.level).toBe(30)
})

it.each([
  ['a broken request line', 'GET /x HTTX/1.1\r\nHost: x\r\n\r\n', 400],
  [
    'conflicting framing',
    'POST /api/v1/qa HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    400,
  ],
  ['oversized headers', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`, 431],
])('answers %s, which never reaches the app, in the error shape', async (_what, raw, status) => {
  const answer = await new Promise<string>((resolve) => {
    let text = ''
    const socket = connect(port, '127.0.0.1', () => socket.write(raw))
    socket.on('data', (c) => {
      text += c
    })
    socket.on('close', () => resolve(text))
  })
  expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `))
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
  expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/请求/) } })
})

describe('security headers', () => {
  it.each([
    ['GET', '/healthz'],
    ['GET', '/api/v1/milestones?cohort=2023'],
    ['POST', '/api/v1/qa'],
    ['GET', '/nothing'],
  ])('on %s %s', async (method, path) => {
    const r = await call(method, path, { 'content-type': 'application/json' })
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['referrer-policy']).toBe('no-referrer')
    expect(r.headers['content-security-policy']).toContain("default-src 'none'")
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(r.headers['cache-control']).toBe('no-store')
    expect(r.headers['x-powered-by']).toBeUndefined()
  })
})

describe('CORS', () => {
  it('answers the configured origin, and only it', async () => {
    const allowed = await call('GET', '/api/v1/milestones', { origin: 'https://console.example.org' })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.org')
    expect(String(allowed.headers.vary)).toMatch(/Origin/i)
    const other = await call('GET', '/api/v1/milestones', { origin: 'https://evil.example' })
    expect(other.status).toBe(200)
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers a preflight from the configured origin only', async () => {
    const headers = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
    const ok = await call('OPTIONS', '/api/v1/qa', { ...headers, origin: 'https://console.example.org' })
    expect(ok.status).toBe(204)
    expect(ok.headers['access-control-allow-methods']).toContain('POST')
    const refused = await call('OPTIONS', '/api/v1/qa', { ...headers, origin: 'https://evil.example' })
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  })
})

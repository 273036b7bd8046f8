import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for the platforms' sign-in APIs (PLATFORM.md): the mini-program's
 * `GET /sns/jscode2session` and WeCom's `GET /cgi-bin/gettoken` + `GET /cgi-bin/auth/getuserinfo`.
 * Codes are single-use, as on the real platforms; `codes` maps a code to the openid or userid it
 * stands for, `outsiders` to a non-member's openid (WeCom answers without a userid).
 */
export interface FakeSignInServer {
  url: string
  /** code → openid (mini-program) or userid (WeCom). */
  codes: Map<string, string>
  /** WeCom codes of people outside the corp. */
  outsiders: Set<string>
  /** Answers every request with this errcode (-1: busy), or HTTP 500, until cleared. */
  fault?: { errcode: number } | { status: number }
  /** The query strings received, to check what was (not) sent. */
  seen: URLSearchParams[]
  close(): Promise<void>
}

export async function startFakeSignInServer(appSecret = 'wx-secret'): Promise<FakeSignInServer> {
  const used = new Set<string>()
  const tokens = new Set<string>()
  const json = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const fake: FakeSignInServer = {
    url: '',
    codes: new Map(),
    outsiders: new Set(),
    seen: [],
    close: async () => {},
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    fake.seen.push(url.searchParams)
    if (fake.fault) return 'status' in fake.fault ? json(res, {}, fake.fault.status) : json(res, fake.fault)
    const code = url.searchParams.get(url.pathname === '/sns/jscode2session' ? 'js_code' : 'code') ?? ''
    const redeem = () => {
      if (used.has(code) || (!fake.codes.has(code) && !fake.outsiders.has(code))) return false
      used.add(code)
      return true
    }
    if (url.pathname === '/sns/jscode2session') {
      if (url.searchParams.get('secret') !== appSecret)
        return json(res, { errcode: 40125, errmsg: 'invalid appsecret' })
      if (!redeem()) return json(res, { errcode: 40029, errmsg: 'invalid code' })
      return json(res, { openid: fake.codes.get(code), session_key: 'SECRET-SESSION-KEY' })
    }
    if (url.pathname === '/cgi-bin/gettoken') {
      const token = `t-${tokens.size + 1}`
      tokens.add(token)
      return json(res, { errcode: 0, access_token: token, expires_in: 7200 })
    }
    if (url.pathname === '/cgi-bin/auth/getuserinfo') {
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) return json(res, { errcode: 42001 })
      if (!redeem()) return json(res, { errcode: 40029, errmsg: 'invalid code' })
      if (fake.outsiders.has(code)) return json(res, { errcode: 0, openid: 'o-outsider', external_userid: 'wm-x' })
      return json(res, { errcode: 0, userid: fake.codes.get(code) })
    }
    json(res, { errcode: 404 }, 404)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}

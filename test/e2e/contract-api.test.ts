import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_HANDLES } from '../../core/cohorts/seed-demo'
import { tempSqliteUrl } from '../helpers/server'
import { startMain, stopService } from './service'

// biome-ignore lint/suspicious/noExplicitAny: answers are arbitrary JSON; the test narrows what it reads
type Json = Record<string, any>

let child: ChildProcess | undefined
afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
})

function startService(env: Record<string, string>) {
  return startMain({ DATABASE_URL: tempSqliteUrl('contract'), ...env }, (p) => {
    child = p
  })
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

describe('CONTRACT §8 through the real process (npm start with demo people)', () => {
  it('holds for every demo handle', async () => {
    const { base, process } = await startService({})
    const tokens: Record<string, string> = {}
    const me: Record<string, Json> = {}
    for (const handle of DEMO_HANDLES) {
      const login = await call(base, 'POST', '/api/v1/auth/dev-login', undefined, { handle })
      expect(login.status, handle).toBe(200)
      tokens[handle] = login.body.token
      const who = await call(base, 'GET', '/api/v1/me', login.body.token)
      expect(who.status).toBe(200)
      me[handle] = who.body
    }
    // A parent's children; a student's own id is theirs.
    expect(me['demo-parent']?.roles).toEqual(['parent'])
    expect(me['demo-parent']?.children.map((c: { id: string }) => c.id)).toEqual([me['demo-student']?.id])
    const own = await call(base, 'GET', '/api/v1/me/progress', tokens['demo-student'])
    expect(own.body).toMatchObject({ activities: 3, logs: 3, required: 10 })
    const child = await call(base, 'GET', `/api/v1/students/${me['demo-student']?.id}/progress`, tokens['demo-parent'])
    expect(child.body).toEqual(own.body)
    // Not theirs: 403 or 404, the same whether or not the id exists.
    for (const [viewer, target] of [
      ['demo-parent', 'demo-student-2'],
      ['demo-student', 'demo-student-2'],
      ['demo-student-2', 'demo-student'],
      ['demo-mentor', 'demo-student-2'],
      ['demo-teacher', 'demo-student-2'],
    ] as const) {
      const other = await call(base, 'GET', `/api/v1/students/${me[target]?.id}/progress`, tokens[viewer])
      const missing = await call(base, 'GET', '/api/v1/students/424242/progress', tokens[viewer])
      expect([viewer, other.status]).toEqual([viewer, 404])
      expect(other.body).toEqual(missing.body)
    }
    expect((await call(base, 'GET', '/api/v1/me')).status).toBe(401)
    expect(await stopService(process)).toBe(0)
  }, 90_000)

  it('has no dev-login in production', async () => {
    const { base, process } = await startService({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })
    const login = await call(base, 'POST', '/api/v1/auth/dev-login', undefined, { handle: 'demo-parent' })
    expect(login.status).toBe(404)
    expect(login.body.error.code).toBe('not_found')
    expect(await stopService(process)).toBe(0)
  }, 90_000)
})

import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScriptToken, revokeScriptToken } from '../../core/auth/script-tokens'
import { createSessions } from '../../core/auth/session'
import { wecomOAuth } from '../../core/auth/platform-login'
import { fixedClock } from '../../core/clock'
import { DEMO_HANDLES } from '../../core/cohorts/seed-demo'
import { InviteCode } from '../../entities/invite-code.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, getJson, postJson, startTestServer, type TestServer } from '../helpers/server'
import { type FakeSignInServer, startFakeSignInServer } from '../fakes/sign-in-server'

const NOW = '2023-12-20T10:00:00+08:00'
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe.each(testDbKinds())('sign-in and the first person routes (%s)', (kind) => {
  let server: TestServer
  let fake: FakeSignInServer
  let drop: () => Promise<void>

  beforeAll(async () => {
    fake = await startFakeSignInServer('wx-secret')
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    const clock = fixedClock(NOW)
    // The OAuth client needs the server's data source; build the server, then wire it in below.
    server = await startTestServer({
      url: db.url,
      clock,
      demo: true,
      wx: { appId: 'wx-app', secret: 'wx-secret', apiBase: fake.url },
      wecomOAuth: {
        userIdOf: (code) => oauth.userIdOf(code),
      },
    })
    oauth = wecomOAuth(
      { dataSource: server.dataSource, clock },
      {
        corpId: 'corp',
        agentId: '1000002',
        secret: 'corp-secret',
        apiBase: fake.url,
      },
    ) as NonNullable<ReturnType<typeof wecomOAuth>>
  }, 60_000)
  let oauth: NonNullable<ReturnType<typeof wecomOAuth>>

  afterAll(async () => {
    await server?.close()
    await fake?.close()
    await drop?.()
  })

  async function login(handle: string): Promise<string> {
    const r = await postJson(server.base, '/api/v1/auth/dev-login', { handle })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body.token
  }

  it('refuses every signed-in route without a valid token: 401 in the error shape', async () => {
    const forged = await new SignJWT({ ch: 'terminal' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo-staff')
      .setIssuer('bagui-yingcai')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not the service key, but long enough to sign'))
    for (const path of ['/api/v1/me', '/api/v1/me/progress', '/api/v1/students/1/progress']) {
      for (const headers of [
        {},
        { Authorization: 'Basic abc' },
        bearer('garbage'),
        bearer(forged),
        bearer('bgyc_nope'),
      ]) {
        const r = await getJson(server.base, path, headers)
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401)
        expect(r.body.error.code).toBe('unauthorized')
      }
    }
  })

  it('dev-login signs in every demo handle and refuses others with 404', async () => {
    for (const handle of DEMO_HANDLES) {
      const me = await getJson(server.base, '/api/v1/me', bearer(await login(handle)))
      expect(me.status).toBe(200)
      expect(me.body.bound).toBe(true)
      expect(me.body.id).toMatch(/^\d+$/)
    }
    expect((await postJson(server.base, '/api/v1/auth/dev-login', { handle: 'nobody' })).status).toBe(404)
    expect((await postJson(server.base, '/api/v1/auth/dev-login', { handle: '' })).status).toBe(400)
  })

  it('me: a parent sees their children; a student is their own id', async () => {
    const parent = await getJson(server.base, '/api/v1/me', bearer(await login('demo-parent')))
    const student = await getJson(server.base, '/api/v1/me', bearer(await login('demo-student')))
    expect(parent.body.roles).toEqual(['parent'])
    expect(parent.body.children).toHaveLength(1)
    expect(parent.body.children[0].id).toBe(student.body.id)
    expect(student.body.student.id).toBe(student.body.id)
  })

  it('progress: each person reads exactly the students they may, and an id reveals nothing', async () => {
    const ids: Record<string, string> = {}
    for (const h of ['demo-student', 'demo-student-2'])
      ids[h] = (await getJson(server.base, '/api/v1/me', bearer(await login(h)))).body.id
    const expected: Record<string, [number, number]> = {
      'demo-student': [200, 404],
      'demo-student-2': [404, 200],
      'demo-parent': [200, 404],
      'demo-parent-2': [404, 200],
      'demo-teacher': [200, 404],
      'demo-teacher-2': [404, 200],
      'demo-mentor': [200, 404],
      'demo-mentor-2': [404, 200],
      'demo-staff': [200, 200],
    }
    for (const [viewer, [first, second]] of Object.entries(expected)) {
      const token = await login(viewer)
      const a = await getJson(server.base, `/api/v1/students/${ids['demo-student']}/progress`, bearer(token))
      const b = await getJson(server.base, `/api/v1/students/${ids['demo-student-2']}/progress`, bearer(token))
      expect([viewer, a.status, b.status]).toEqual([viewer, first, second])
      const missing = await getJson(server.base, '/api/v1/students/987654/progress', bearer(token))
      expect(missing.status).toBe(404)
      if (a.status === 404) expect(a.body).toEqual(missing.body)
    }
    const own = await getJson(server.base, '/api/v1/me/progress', bearer(await login('demo-student')))
    expect(own.body).toMatchObject({ id: ids['demo-student'], activities: 3, logs: 3, required: 10 })
    expect((await getJson(server.base, '/api/v1/me/progress', bearer(await login('demo-parent')))).status).toBe(404)
    expect(
      (await getJson(server.base, '/api/v1/students/abc/progress', bearer(await login('demo-staff')))).status,
    ).toBe(400)
  })

  it('wx-login: a new WeChat user gets an unbound session, binds with an invite code, then is that person', async () => {
    fake.codes.set('code-1', 'openid-parent-x')
    const first = await postJson(server.base, '/api/v1/auth/wx-login', { code: 'code-1' })
    expect(first.status).toBe(200)
    expect(first.body.bound).toBe(false)
    expect(JSON.stringify(first.body)).not.toContain('SECRET-SESSION-KEY')
    // The code is single-use, as on WeChat.
    expect((await postJson(server.base, '/api/v1/auth/wx-login', { code: 'code-1' })).status).toBe(401)
    const token = first.body.token as string
    expect((await getJson(server.base, '/api/v1/me', bearer(token))).body).toMatchObject({ bound: false, id: null })
    expect((await getJson(server.base, '/api/v1/me/progress', bearer(token))).body.error.code).toBe('not_bound')

    const ds = server.dataSource
    const person = await ds.getRepository(Person).save({ displayName: '测试家长', phone: null, createdAt: new Date() })
    await ds.getRepository(PersonRole).save({ personId: person.id, role: 'parent', cityId: null, schoolId: null })
    await ds.getRepository(InviteCode).save({
      code: 'TESTBIND01',
      personId: person.id,
      role: 'parent',
      createdAt: new Date('2023-12-01T00:00:00Z'),
      expiresAt: new Date('2024-01-31T00:00:00Z'),
      usedAt: null,
    })
    expect((await postJson(server.base, '/api/v1/auth/bind', { code: 'WRONG999' }, bearer(token))).status).toBe(400)
    const bound = await postJson(server.base, '/api/v1/auth/bind', { code: 'testbind01' }, bearer(token))
    expect(bound.status, JSON.stringify(bound.body)).toBe(200)
    expect(bound.body).toEqual({ bound: true, id: String(person.id), role: 'parent' })
    const me = await getJson(server.base, '/api/v1/me', bearer(token))
    expect(me.body).toMatchObject({ id: String(person.id), bound: true, roles: ['parent'], children: [] })
    expect((await postJson(server.base, '/api/v1/auth/bind', { code: 'TESTBIND01' }, bearer(token))).status).toBe(409)
  })

  it('wx-login: a platform fault is a 503 to retry, never a 500', async () => {
    fake.codes.set('code-2', 'openid-2')
    fake.fault = { errcode: -1 }
    const busy = await postJson(server.base, '/api/v1/auth/wx-login', { code: 'code-2' })
    fake.fault = { status: 500 }
    const down = await postJson(server.base, '/api/v1/auth/wx-login', { code: 'code-2' })
    fake.fault = undefined
    expect([busy.status, down.status]).toEqual([503, 503])
    expect(busy.headers.get('retry-after')).toBeTruthy()
    expect((await postJson(server.base, '/api/v1/auth/wx-login', { code: 'code-2' })).status).toBe(200)
  })

  it('wecom-login: a corp member signs in; an outsider or a used code does not', async () => {
    fake.codes.set('wc-1', 'LuWenJing')
    fake.outsiders.add('wc-2')
    const member = await postJson(server.base, '/api/v1/auth/wecom-login', { code: 'wc-1' })
    expect(member.status).toBe(200)
    expect(member.body.bound).toBe(false)
    expect((await postJson(server.base, '/api/v1/auth/wecom-login', { code: 'wc-1' })).status).toBe(401)
    expect((await postJson(server.base, '/api/v1/auth/wecom-login', { code: 'wc-2' })).status).toBe(401)
  })

  it('script tokens act as their person until revoked; only the hash is stored', async () => {
    const staffId = Number((await getJson(server.base, '/api/v1/me', bearer(await login('demo-staff')))).body.id)
    const deps = { dataSource: server.dataSource, clock: fixedClock(NOW) }
    const { id, token } = await createScriptToken(deps, { personId: staffId, label: 'export' })
    const me = await getJson(server.base, '/api/v1/me', bearer(token))
    expect(me.body).toMatchObject({ id: String(staffId), roles: ['office'] })
    const stored = await server.dataSource.query('SELECT * FROM script_token')
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(await revokeScriptToken(deps, id)).toBe(true)
    expect((await getJson(server.base, '/api/v1/me', bearer(token))).status).toBe(401)
  })

  it('a session is good for a week, and any instance on the same database accepts it', async () => {
    // Another instance (its own Sessions on the same database) issued these, eight and six days ago.
    const earlier = (iso: string) => createSessions({ dataSource: server.dataSource, clock: fixedClock(iso) })
    const stale = await (await earlier('2023-12-12T10:00:00+08:00')).issue({
      channel: 'terminal',
      externalId: 'demo-parent',
    })
    const fresh = await (await earlier('2023-12-14T10:00:00+08:00')).issue({
      channel: 'terminal',
      externalId: 'demo-parent',
    })
    const expired = await getJson(server.base, '/api/v1/me', bearer(stale))
    expect(expired.status).toBe(401)
    expect(expired.body.error.message).toContain('过期')
    expect((await getJson(server.base, '/api/v1/me', bearer(fresh))).status).toBe(200)
  })

  it('publishes the OpenAPI document of the routes it validates', async () => {
    const doc = await getJson(server.base, '/openapi.json')
    expect(doc.status).toBe(200)
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/qa', '/api/v1/auth/wx-login', '/api/v1/students/{id}/progress', '/api/v1/me']),
    )
    expect(
      doc.body.paths['/api/v1/auth/dev-login'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('handle')
  })
})

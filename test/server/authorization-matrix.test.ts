import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { createScriptToken } from '../../core/auth/script-tokens'
import { addDays } from '../../core/time'
import { type AccessFixture, buildAccessFixture, requestJson, VIEWERS, type Viewer } from '../helpers/access-fixture'
import { testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, startTestServer, type TestServer } from '../helpers/server'

const TODAY = '2024-01-20'
const NOW = `${TODAY}T10:00:00+08:00`
const day = (n: number) => addDays(TODAY, n)

/** A student id that belongs to no one. */
const MISSING = 987654

/**
 * Who gets what, route by route: one row per route (and target), one status per viewer in the
 * order of the header. Student A, parent, teacher, mentor and city staff are 南宁's; those with a
 * 2 are 柳州's. `unbound` is a mini-program account no invite code has bound yet; `none` sends
 * no token. Rows run top to bottom, each for every viewer left to right; a row that writes
 * succeeds for the first viewer allowed and leaves the rest of the table valid.
 * To add a route, add a row.
 */
interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: (f: AccessFixture) => string
  body?: (f: AccessFixture) => unknown
  expect: readonly number[]
}

const row = (method: Row['method'], path: Row['path'], expect: number[], body?: Row['body']): Row => ({
  method,
  path,
  expect,
  body,
})

// biome-ignore format: the columns line up with VIEWERS
const MATRIX: Array<[string, Row]> = [
  //                                                                         stu  stu2 par  par2 tea  tea2 men  men2 cs   cs2  off  unb  none
  ['me',                 row('GET',   () => '/api/v1/me',                     [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401])],
  ['me/progress',        row('GET',   () => '/api/v1/me/progress',            [200, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['me/activities',      row('GET',   () => '/api/v1/me/activities',          [200, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['check in',           row('POST',  () => '/api/v1/me/activities',          [201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401],
                             () => ({ happenedOn: day(0), place: '广西民族大学', title: '走进民族学' }))],
  ['me/logs',            row('GET',   () => '/api/v1/me/logs',                [200, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['log A\'s activity',  row('POST',  () => '/api/v1/me/logs',                [201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401],
                             (f) => ({ activityId: f.openActivityA, content: '做了一次化学实验', takeaway: '学会了滴定操作' }))],
  ['edit A\'s log',      row('PATCH', (f) => `/api/v1/me/logs/${f.logA}`,     [200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401],
                             () => ({ takeaway: '对光学实验更有兴趣了，想做课题' }))],
  ['edit B\'s log',      row('PATCH', (f) => `/api/v1/me/logs/${f.logB}`,     [404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401],
                             () => ({ content: '参观了物理实验室，听了两场讲座' }))],
  ['A\'s progress',      row('GET',   (f) => `/api/v1/students/${f.studentA}/progress`,   [200, 404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 403, 401])],
  ['A\'s logs',          row('GET',   (f) => `/api/v1/students/${f.studentA}/logs`,       [200, 404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 403, 401])],
  ['A\'s activities',    row('GET',   (f) => `/api/v1/students/${f.studentA}/activities`, [200, 404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 403, 401])],
  ['B\'s progress',      row('GET',   (f) => `/api/v1/students/${f.studentB}/progress`,   [404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 200, 403, 401])],
  ['B\'s logs',          row('GET',   (f) => `/api/v1/students/${f.studentB}/logs`,       [404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 200, 403, 401])],
  ['B\'s activities',    row('GET',   (f) => `/api/v1/students/${f.studentB}/activities`, [404, 200, 404, 200, 404, 200, 404, 200, 404, 200, 200, 403, 401])],
  ['no one\'s progress', row('GET',   () => `/api/v1/students/${MISSING}/progress`,       [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['no one\'s logs',     row('GET',   () => `/api/v1/students/${MISSING}/logs`,           [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['no one\'s activities', row('GET', () => `/api/v1/students/${MISSING}/activities`,     [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401])],
  ['announcements',      row('GET',   () => '/api/v1/announcements',          [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401])],
  ['subscriptions',      row('GET',   () => '/api/v1/me/subscriptions',       [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401])],
  ['subscribe',          row('POST',  () => '/api/v1/me/subscriptions',       [201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 401],
                             () => ({ templateIds: ['tmpl-reminder'] }))],
  ['bind (no such code)', row('POST', () => '/api/v1/auth/bind',              [409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 400, 401],
                             () => ({ code: 'NOSUCH99' }))],
]

describe.each(testDbKinds())('authorization matrix (%s)', (kind) => {
  let server: TestServer
  let f: AccessFixture
  let drop: () => Promise<void>

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    const clock = fixedClock(NOW)
    server = await startTestServer({ url: db.url, clock, demo: true })
    f = await buildAccessFixture({ dataSource: server.dataSource, clock }, day)
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  it('has a status for every viewer in every row', () => {
    for (const [name, r] of MATRIX) expect([name, r.expect.length]).toEqual([name, VIEWERS.length])
  })

  it('answers every viewer on every route as the table says, and a hidden student like a missing one', async () => {
    const missing = new Map<string, unknown>()
    const got: string[] = []
    const want: string[] = []
    for (const [name, r] of MATRIX) {
      for (const [i, viewer] of VIEWERS.entries()) {
        const res = await requestJson(server.base, r.method, r.path(f), r.body?.(f), f.headers[viewer])
        got.push(`${name} × ${viewer}: ${res.status}`)
        want.push(`${name} × ${viewer}: ${r.expect[i]}`)
        if (res.status >= 400) expect(res.body?.error?.code, `${name} × ${viewer}`).toEqual(expect.any(String))
        // A student one may not read and a student who does not exist get the very same answer.
        const route = r.path(f).match(/^\/api\/v1\/students\/\d+\/(\w+)$/)?.[1]
        if (route && res.status === 404) {
          if (!missing.has(`${route}:${viewer}`)) {
            const none = await requestJson(
              server.base,
              'GET',
              `/api/v1/students/${MISSING}/${route}`,
              undefined,
              f.headers[viewer],
            )
            missing.set(`${route}:${viewer}`, none.body)
          }
          expect(res.body, `${name} × ${viewer}`).toEqual(missing.get(`${route}:${viewer}`))
        }
      }
    }
    expect(got).toEqual(want)
  })

  it("a write refused leaves the other student's log as it was", async () => {
    const viewer: Viewer = 'student'
    const before = await requestJson(
      server.base,
      'GET',
      `/api/v1/students/${f.studentB}/logs`,
      undefined,
      f.headers.student2,
    )
    const tried = await requestJson(
      server.base,
      'PATCH',
      `/api/v1/me/logs/${f.logB}`,
      { content: '被别人改过的内容' },
      f.headers[viewer],
    )
    expect(tried.status).toBe(404)
    const after = await requestJson(
      server.base,
      'GET',
      `/api/v1/students/${f.studentB}/logs`,
      undefined,
      f.headers.student2,
    )
    expect(after.body).toEqual(before.body)
  })

  it('a script token acts as its person: the office reads every student, but has no mini-program subscriptions', async () => {
    const officeId = Number((await requestJson(server.base, 'GET', '/api/v1/me', undefined, f.headers.office)).body.id)
    const { token } = await createScriptToken(
      { dataSource: server.dataSource, clock: fixedClock(NOW) },
      { personId: officeId, label: 'matrix' },
    )
    const headers = { Authorization: `Bearer ${token}` }
    expect(
      (await requestJson(server.base, 'GET', `/api/v1/students/${f.studentB}/logs`, undefined, headers)).status,
    ).toBe(200)
    const subs = await requestJson(server.base, 'GET', '/api/v1/me/subscriptions', undefined, headers)
    expect([subs.status, subs.body.error.code]).toEqual([403, 'forbidden'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { XLSX_TYPE } from '../../core/roster/workbook'
import { Announcement } from '../../entities/announcement.entity'
import { QuestionReview } from '../../entities/question-review.entity'
import { testDbKinds } from '../helpers/db'
import { addPerson, rosterFile, rosterRow, tokenOf } from '../helpers/office'
import { freshDatabaseUrl, startTestServer, type TestServer } from '../helpers/server'

/** Who calls: a demo handle, a city staff member added here, or nobody. */
const ROLES = ['office', 'city-right', 'city-wrong', 'teacher', 'parent', 'student', 'none'] as const
type Caller = (typeof ROLES)[number]
const HANDLES: Record<Exclude<Caller, 'none'>, string> = {
  office: 'demo-staff',
  'city-right': 'staff-nanning',
  'city-wrong': 'staff-liuzhou',
  teacher: 'demo-teacher',
  parent: 'demo-parent',
  student: 'demo-student',
}

interface RouteCase {
  name: string
  method: 'GET' | 'POST'
  path: (ids: Ids) => string
  body?: () => Promise<{ type: string; data: string | Buffer }>
  /** The expected status for each caller, in the order of ROLES. */
  expect: [number, number, number, number, number, number, number]
}
interface Ids {
  review: number
  announcement: number
}

const json = (value: unknown) => async () => ({ type: 'application/json', data: JSON.stringify(value) })
const nanningRoster = async () => ({ type: XLSX_TYPE, data: await rosterFile([rosterRow(1)]) })

/**
 * Every office route × every kind of caller → the status each gets. City staff of the wrong city
 * importing a 南宁 row get 400 naming the row (their own city's rows would import); on exports they
 * get 200 with their own city's students only (office-roster.test.ts checks the contents).
 */
const MATRIX: RouteCase[] = [
  // office  city✓  city✗  teacher parent student none
  {
    name: 'roster template',
    method: 'GET',
    path: () => '/api/v1/office/roster/template.xlsx',
    expect: [200, 200, 200, 403, 403, 403, 401],
  },
  {
    name: 'roster import',
    method: 'POST',
    path: () => '/api/v1/office/roster',
    body: nanningRoster,
    expect: [200, 200, 400, 403, 403, 403, 401],
  },
  {
    name: 'roster export',
    method: 'GET',
    path: () => '/api/v1/office/roster.xlsx',
    expect: [200, 200, 200, 200, 403, 403, 401],
  },
  {
    name: 'invite issue',
    method: 'POST',
    path: () => '/api/v1/office/invite-codes',
    body: json({}),
    expect: [200, 200, 200, 200, 403, 403, 401],
  },
  {
    name: 'invite export',
    method: 'GET',
    path: () => '/api/v1/office/invite-codes.xlsx',
    expect: [200, 200, 200, 200, 403, 403, 401],
  },
  {
    name: 'audit log',
    method: 'GET',
    path: () => '/api/v1/office/audit-log',
    expect: [200, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'review list',
    method: 'GET',
    path: () => '/api/v1/office/question-reviews',
    expect: [200, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'review answer',
    method: 'POST',
    path: (ids) => `/api/v1/office/question-reviews/${ids.review}/answer`,
    body: json({ factId: 'quota' }),
    expect: [201, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'review handled',
    method: 'POST',
    path: (ids) => `/api/v1/office/question-reviews/${ids.review + 1}/handled`,
    body: json({}),
    expect: [204, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'review of an unknown id',
    method: 'POST',
    path: () => '/api/v1/office/question-reviews/987654/handled',
    body: json({}),
    expect: [404, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'broadcast status',
    method: 'GET',
    path: (ids) => `/api/v1/broadcasts/${ids.announcement}/status`,
    expect: [200, 403, 403, 403, 403, 403, 401],
  },
  {
    name: 'broadcast status of an unknown id',
    method: 'GET',
    path: () => '/api/v1/broadcasts/987654/status',
    expect: [404, 403, 403, 403, 403, 403, 401],
  },
]

describe.each(testDbKinds())('who may call the office routes (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  const tokens = new Map<Caller, string>()
  let ids: Ids

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, clock: fixedClock('2023-11-20T10:00:00+08:00'), demo: true })
    await addPerson(server.dataSource, 'staff-nanning', 'city_staff', { city: '南宁市' })
    await addPerson(server.dataSource, 'staff-liuzhou', 'city_staff', { city: '柳州市' })
    for (const [caller, handle] of Object.entries(HANDLES))
      tokens.set(caller as Caller, await tokenOf(server.base, handle))
    const review = {
      cohortYear: 2023,
      intent: 'fact',
      confidence: 0.2,
      answer: '…',
      createdAt: new Date(),
      reviewedAt: null,
    }
    const saved = await server.dataSource.getRepository(QuestionReview).save([
      { ...review, question: '南宁到底招几个' },
      { ...review, question: '有补贴吗' },
    ])
    const announcement = await server.dataSource.getRepository(Announcement).save({
      cohortId: null,
      authorId: null,
      title: '通知',
      body: '通知',
      audience: [],
      status: 'sent',
      createdAt: new Date(),
      sentAt: null,
    })
    ids = { review: (saved[0] as QuestionReview).id, announcement: announcement.id }
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  it.each(MATRIX)('$name', async (route) => {
    const got: number[] = []
    // The office goes last, so a route that changes something is first tried by everyone it must refuse.
    const order = [...ROLES.keys()].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
    const statuses = new Array<number>(ROLES.length)
    for (const i of order) {
      const caller = ROLES[i] as Caller
      const token = tokens.get(caller)
      const body = route.body ? await route.body() : undefined
      const res = await fetch(server.base + route.path(ids), {
        method: route.method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': body.type } : {}),
        },
        body: body?.data,
      })
      statuses[i] = res.status
      if (res.status >= 400) {
        const error = (await res.json()) as { error: { code: string; message: string } }
        expect(error.error.message, `${caller} ${route.name}`).toMatch(/[\u4e00-\u9fff]/)
      } else await res.arrayBuffer()
    }
    got.push(...statuses)
    expect(Object.fromEntries(ROLES.map((r, i) => [r, got[i]]))).toEqual(
      Object.fromEntries(ROLES.map((r, i) => [r, route.expect[i]])),
    )
  })
})

import type { DataSource } from 'typeorm'
import { actorOfPerson } from '../../core/actor'
import { createSessions } from '../../core/auth/session'
import type { Clock } from '../../core/clock'
import { createGrowthLogOfActivity } from '../../core/logs/create-growth-log'
import { Activity } from '../../entities/activity.entity'
import { City } from '../../entities/city.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { Student } from '../../entities/student.entity'

/**
 * Everyone the authorization matrix signs in as: the demo people of two cities (南宁 and 柳州,
 * a school, student, parent, guiding teacher and mentor each), a city staff member per city, the
 * office, an account bound to no one, and no token at all.
 */
export const VIEWERS = [
  'student',
  'student2',
  'parent',
  'parent2',
  'teacher',
  'teacher2',
  'mentor',
  'mentor2',
  'city_staff',
  'city_staff2',
  'office',
  'unbound',
  'none',
] as const
/** One of VIEWERS. */
export type Viewer = (typeof VIEWERS)[number]

const HANDLES: Record<Exclude<Viewer, 'unbound' | 'none'>, string> = {
  student: 'demo-student',
  student2: 'demo-student-2',
  parent: 'demo-parent',
  parent2: 'demo-parent-2',
  teacher: 'demo-teacher',
  teacher2: 'demo-teacher-2',
  mentor: 'demo-mentor',
  mentor2: 'demo-mentor-2',
  city_staff: 'city-staff-nanning',
  city_staff2: 'city-staff-liuzhou',
  office: 'demo-staff',
}

/** The ids and tokens the matrix's rows use. */
export interface AccessFixture {
  /** A bearer header per viewer (none for `none`). */
  headers: Record<Viewer, Record<string, string>>
  /** Person ids of the two students (the API's student ids). */
  studentA: number
  studentB: number
  /** Each student's growth log written today (editable), and an activity of theirs still without a log. */
  logA: number
  logB: number
  openActivityA: number
  openActivityB: number
  /** The mini-program openid of each viewer's account. */
  openid: Record<Viewer, string>
}

async function personOf(ds: DataSource, handle: string): Promise<number> {
  const b = await ds.getRepository(IdentityBinding).findOneByOrFail({ channel: 'terminal', externalId: handle })
  return b.personId
}

async function addCityStaff(ds: DataSource, handle: string, cityName: string, now: Date): Promise<number> {
  const city = await ds.getRepository(City).findOneByOrFail({ name: cityName })
  const p = await ds.getRepository(Person).save({ displayName: `${city.name}科协`, phone: null, createdAt: now })
  await ds.getRepository(PersonRole).insert({ personId: p.id, role: 'city_staff', cityId: city.id, schoolId: null })
  // Bound on the terminal too, so `dev-login` and `npm run chat --as` know them.
  await ds
    .getRepository(IdentityBinding)
    .insert({ personId: p.id, channel: 'terminal', externalId: handle, boundAt: now })
  return p.id
}

/** A campus visit of a student two days ago with a log written now, and one yesterday without a log. */
async function recentVisits(
  deps: { dataSource: DataSource; clock: Clock },
  personId: number,
  day: (n: number) => string,
) {
  const ds = deps.dataSource
  const student = await ds.getRepository(Student).findOneByOrFail({ personId })
  const visit = async (happenedOn: string, place: string) =>
    Number(
      (
        await ds.getRepository(Activity).insert({
          studentId: student.id,
          cohortId: student.cohortId,
          kind: 'campus_visit',
          happenedOn,
          place,
          title: '实验室开放日',
          createdAt: deps.clock.now(),
        })
      ).identifiers[0]?.id,
    )
  const logged = await visit(day(-2), '广西大学物理学院')
  const { log } = await createGrowthLogOfActivity(deps, await actorOfPerson(ds, personId), {
    activityId: logged,
    content: '参观了物理实验室，听了讲座',
    takeaway: '对光学实验更有兴趣了',
    source: 'miniprogram',
    clientKey: `fixture:${personId}`,
  })
  return { logId: log.id, openActivity: await visit(day(-1), '广西大学化学化工学院') }
}

/**
 * Adds to a database seeded with the demo people what the matrix needs — a city staff member per
 * city, a recent log and an open visit per student — and binds every viewer to a mini-program
 * account (openid `mp-<handle>`), signing each in as `wx-login` would.
 * `day(n)` is the Beijing day n days from the test's today.
 */
export async function buildAccessFixture(
  deps: { dataSource: DataSource; clock: Clock },
  day: (n: number) => string,
): Promise<AccessFixture> {
  const ds = deps.dataSource
  const now = deps.clock.now()
  await addCityStaff(ds, HANDLES.city_staff, '南宁市', now)
  await addCityStaff(ds, HANDLES.city_staff2, '柳州市', now)
  const sessions = await createSessions(deps)
  const headers = { none: {} } as Record<Viewer, Record<string, string>>
  const openid = {} as Record<Viewer, string>
  for (const [viewer, handle] of Object.entries(HANDLES) as Array<[Viewer, string]>) {
    openid[viewer] = `mp-${handle}`
    await ds.getRepository(IdentityBinding).insert({
      personId: await personOf(ds, handle),
      channel: 'miniprogram',
      externalId: openid[viewer],
      boundAt: now,
    })
  }
  openid.unbound = 'mp-nobody-yet'
  openid.none = ''
  for (const viewer of VIEWERS) {
    if (viewer === 'none') continue
    const token = await sessions.issue({ channel: 'miniprogram', externalId: openid[viewer] })
    headers[viewer] = { Authorization: `Bearer ${token}` }
  }
  const studentA = await personOf(ds, HANDLES.student)
  const studentB = await personOf(ds, HANDLES.student2)
  const a = await recentVisits(deps, studentA, day)
  const b = await recentVisits(deps, studentB, day)
  return {
    headers,
    studentA,
    studentB,
    logA: a.logId,
    logB: b.logId,
    openActivityA: a.openActivity,
    openActivityB: b.openActivity,
    openid,
  }
}

/** Sends a request with any method (and a JSON body when given); returns status and parsed body. */
export async function requestJson(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

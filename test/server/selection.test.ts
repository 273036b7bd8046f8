import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Application } from '../../entities/application.entity'
import { ApplicationReview } from '../../entities/application-review.entity'
import { AuditLog } from '../../entities/audit-log.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { Student } from '../../entities/student.entity'
import { Mentor } from '../../entities/mentor.entity'
import { testDbKinds } from '../helpers/db'
import { addPerson, cityId, type MovableClock, movableClock, schoolOfTeacher, tokenOf } from '../helpers/people'
import { freshDatabaseUrl, getJson, postJson, startTestServer, type TestServer } from '../helpers/server'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe.each(testDbKinds())('the selection of 九（二） over HTTP (%s)', (kind) => {
  let server: TestServer
  let clock: MovableClock
  let drop: () => Promise<void>
  let nanningSchool: number
  let liuzhouSchool: number
  let mentorId: number
  let serial = 0

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    clock = movableClock('2023-10-20T10:00:00+08:00')
    server = await startTestServer({ url: db.url, clock, demo: true })
    const ds = server.dataSource
    await addPerson(ds, 'city-nanning', 'city_staff', { cityId: await cityId(ds, '南宁市') })
    await addPerson(ds, 'city-liuzhou', 'city_staff', { cityId: await cityId(ds, '柳州市') })
    nanningSchool = (await schoolOfTeacher(ds, 'demo-teacher')).id
    liuzhouSchool = (await schoolOfTeacher(ds, 'demo-teacher-2')).id
    const mentorPerson = (await ds.getRepository(Person).findOneByOrFail({ displayName: '韦志明' })).id
    mentorId = (await ds.getRepository(Mentor).findOneByOrFail({ personId: mentorPerson })).id
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  const form = (over: Record<string, unknown> = {}) => ({
    cohort: 2023,
    name: `申请人${++serial}`,
    gender: '女',
    birthDate: '2007-05-01',
    schoolId: nanningSchool,
    grade: '高一',
    subject: '物理',
    subjectRankPercent: 8,
    awards: [
      {
        name: '全国中学生物理竞赛（广西赛区）一等奖',
        category: 'subject_olympiad',
        level: 'regional',
        stage: 'senior',
      },
    ],
    statement: '喜欢做光学小实验。',
    ...over,
  })

  // A session lasts a week and the clock moves: sign in again at each call.
  const auth = async (as: string) => bearer(await tokenOf(server.base, as))

  async function file(as = 'demo-teacher', over: Record<string, unknown> = {}) {
    return postJson(server.base, '/api/v1/applications', form(over), await auth(as))
  }

  async function decide(id: number, as: string, body: Record<string, unknown>) {
    return postJson(server.base, `/api/v1/applications/${id}/reviews`, body, await auth(as))
  }

  /** Files an application at `school` and approves it up to (not including) `upTo`. */
  async function walk(upTo: 'school' | 'city' | 'regional' | 'mentor_selection' | 'public_notice', liuzhou = false) {
    const teacher = liuzhou ? 'demo-teacher-2' : 'demo-teacher'
    const city = liuzhou ? 'city-liuzhou' : 'city-nanning'
    const filed = await file(teacher, liuzhou ? { schoolId: liuzhouSchool } : {})
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    const id = filed.body.id as number
    const plan: Array<[string, string, Record<string, unknown>]> = [
      ['school', teacher, {}],
      ['city', city, {}],
      ['regional', 'demo-staff', {}],
      ['mentor_selection', 'demo-mentor', {}],
    ]
    for (const [step, as, extra] of plan) {
      if (step === upTo) break
      const r = await decide(id, as, { step, decision: 'approve', ...extra })
      expect(r.status, `${step} ${JSON.stringify(r.body)}`).toBe(200)
    }
    return id
  }

  it('walks an application through every step, with a public notice over National Day and its 调休', async () => {
    clock.set('2023-09-25T10:00:00+08:00')
    const filed = await file('demo-teacher', { name: '韦思远' })
    expect(filed.status).toBe(201)
    expect(filed.body).toMatchObject({ status: 'submitted', priority: true })
    const id = filed.body.id as number
    const steps: Array<[string, string, string]> = [
      ['school', 'demo-teacher', 'school_recommended'],
      ['city', 'city-nanning', 'city_approved'],
      ['regional', 'demo-staff', 'candidate'],
      ['mentor_selection', 'demo-mentor', 'selected'],
    ]
    for (const [step, as, status] of steps) {
      const r = await decide(id, as, { step, decision: 'approve', comment: '同意' })
      expect([step, r.status, r.body.status]).toEqual([step, 200, status])
    }
    const early = await decide(id, 'demo-staff', { step: 'public_notice', decision: 'approve' })
    expect(early.status).toBe(409)
    expect(early.body.error.message).toContain('尚未公示')

    clock.set('2023-09-28T09:00:00+08:00')
    const notice = await postJson(server.base, '/api/v1/cohorts/2023/public-notice', {}, await auth('demo-staff'))
    expect(notice.status, JSON.stringify(notice.body)).toBe(200)
    // 9/28 is the 1st working day; 9/29–10/6 are the Mid-Autumn and National Day holidays; the
    // weekend days 10/7 and 10/8 are made working days (调休); 10/9 and 10/10 end it.
    expect(notice.body).toMatchObject({ startsOn: '2023-09-28', endsOn: '2023-10-10', workingDays: 5, count: 1 })

    clock.set('2023-10-10T17:00:00+08:00')
    const during = await decide(id, 'demo-staff', { step: 'public_notice', decision: 'approve' })
    expect(during.status).toBe(409)
    expect(during.body.error).toEqual({
      code: 'deadline',
      message: '公示期为2023年9月28日至2023年10月10日，期满后才能公布（方案九（二）4）',
    })

    clock.set('2023-10-11T09:00:00+08:00')
    const published = await decide(id, 'demo-staff', { step: 'public_notice', decision: 'approve' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.status).toBe('announced')
    const student = await server.dataSource.getRepository(Student).findOneByOrFail({ id: published.body.studentId })
    expect(student).toMatchObject({ schoolId: nanningSchool, mentorId, status: 'active', grade: '高一' })
    expect(student.subjectId).not.toBeNull()
    expect(student.teacherId).not.toBeNull()
    expect(
      await server.dataSource.getRepository(PersonRole).existsBy({ personId: student.personId, role: 'student' }),
    ).toBe(true)

    const detail = await getJson(server.base, `/api/v1/applications/${id}`, await auth('demo-staff'))
    expect(detail.status).toBe(200)
    expect(detail.body.history.map((h: { step: string }) => h.step)).toEqual([
      'school',
      'city',
      'regional',
      'mentor_selection',
      'public_notice',
    ])
    expect(detail.body).toMatchObject({ status: 'announced', mentor: '韦志明', next: null, form: { gender: '女' } })
    const audits = await server.dataSource.getRepository(AuditLog).countBy({ target: `application:${id}` })
    expect(audits).toBe(6)
    const progress = await getJson(
      server.base,
      `/api/v1/students/${student.personId}/progress`,
      await auth('demo-staff'),
    )
    expect(progress.status).toBe(200)
  })

  it('refuses a profile the rules of 四（二） refuse, explaining why, and bad input with 400; nothing is written', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const before = await server.dataSource.getRepository(Application).count()
    const senior = await file('demo-teacher', { grade: '高三' })
    expect(senior.status).toBe(422)
    expect(senior.body.error.code).toBe('ineligible')
    expect(senior.body.error.message).toContain('高三不在范围内')
    const rank = await file('demo-teacher', { subjectRankPercent: 30, overallRankPercent: 25 })
    expect(rank.status).toBe(422)
    expect(rank.body.error.message).toContain('四（二）2（2）')
    const noRank = await file('demo-teacher', { subjectRankPercent: undefined })
    expect(noRank.status).toBe(400)
    expect(noRank.body.error.message).toContain('至少填一项')
    for (const bad of [
      { name: '' },
      { gender: 'x' },
      { schoolId: 'abc' },
      { birthDate: '1.5' },
      { extra: 1 },
      { subject: '历史' },
    ]) {
      const r = await file('demo-teacher', bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.body.error.code).toBe('validation')
    }
    const missingSchool = await file('demo-teacher', { schoolId: 999999 })
    expect(missingSchool.status).toBe(404)
    expect(await server.dataSource.getRepository(Application).count()).toBe(before)
    const twice = form({ name: '重复同学' })
    expect((await postJson(server.base, '/api/v1/applications', twice, await auth('demo-teacher'))).status).toBe(201)
    const again = await postJson(server.base, '/api/v1/applications', twice, await auth('demo-teacher'))
    expect(again.status).toBe(409)
  })

  it('closes each dated step after its day with the plan article in the message', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const atSchool = await walk('school')
    const atCity = await walk('city')
    clock.set('2023-10-25T08:00:00+08:00')
    const late = await file('demo-teacher')
    expect(late.body.error).toEqual({
      code: 'deadline',
      message: '学校报名推荐已于2023年10月24日截止（方案九（二）1）',
    })
    const school = await decide(atSchool, 'demo-teacher', { step: 'school', decision: 'approve' })
    expect([school.status, school.body.error.message]).toEqual([409, '学校推荐已于2023年10月24日截止（方案九（二）1）'])
    const cityOnTime = await decide(atCity, 'city-nanning', { step: 'city', decision: 'approve' })
    expect(cityOnTime.status).toBe(200)
    const another = await (async () => {
      clock.set('2023-10-20T10:00:00+08:00')
      const id = await walk('city')
      clock.set('2023-10-28T00:30:00+08:00')
      return id
    })()
    const city = await decide(another, 'city-nanning', { step: 'city', decision: 'approve' })
    expect(city.status).toBe(409)
    expect(city.body.error).toEqual({
      code: 'deadline',
      message: '市级审核已于2023年10月27日截止（方案九（二）2（1））',
    })
    const list = await getJson(
      server.base,
      '/api/v1/applications?cohort=2023&status=school_recommended',
      await auth('city-nanning'),
    )
    expect(list.body.applications.find((a: { id: number }) => a.id === another).next.dueText).toBe(
      '已于2023年10月27日截止',
    )
  })

  it('rejects at any step with a reason, kept in the history, and the application goes no further', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const deciders: Record<string, string> = {
      school: 'demo-teacher',
      city: 'city-nanning',
      regional: 'demo-staff',
      mentor_selection: 'demo-mentor',
      public_notice: 'demo-staff',
    }
    for (const step of ['school', 'city', 'regional', 'mentor_selection', 'public_notice'] as const) {
      const id = await walk(step === 'public_notice' ? 'public_notice' : step)
      const as = deciders[step] as string
      const bare = await decide(id, as, { step, decision: 'reject' })
      expect([step, bare.status, bare.body.error.message]).toEqual([step, 400, 'comment: 不通过须写明理由'])
      const r = await decide(id, as, { step, decision: 'reject', comment: `${step} 材料不全` })
      expect([step, r.status, r.body.status]).toEqual([step, 200, 'rejected'])
      const review = await server.dataSource
        .getRepository(ApplicationReview)
        .findOneByOrFail({ applicationId: id, step })
      expect(review).toMatchObject({ decision: 'reject', comment: `${step} 材料不全` })
      const after = await decide(id, as, { step, decision: 'approve' })
      // A mentor reads candidates and their own students only: a rejected one is out of their sight.
      if (step === 'mentor_selection') expect(after.status).toBe(404)
      else {
        expect(after.status).toBe(409)
        expect(after.body.error.message).toContain('未通过')
      }
    }
  })

  it('never skips or repeats a step', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const id = await walk('school')
    const skip = await decide(id, 'demo-staff', { step: 'regional', decision: 'approve' })
    expect(skip.status).toBe(409)
    expect(skip.body.error.message).toBe(
      '这份申请已填报，待学校推荐：现在应办理学校推荐（方案九（二）1），不能办理自治区级审核',
    )
    expect((await decide(id, 'demo-teacher', { step: 'school', decision: 'approve' })).status).toBe(200)
    const repeat = await decide(id, 'demo-teacher', { step: 'school', decision: 'approve' })
    expect(repeat.status).toBe(409)
    expect(await server.dataSource.getRepository(ApplicationReview).countBy({ applicationId: id })).toBe(1)
  })

  it('lets only one of two simultaneous decisions on the same application land', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    for (let round = 0; round < 3; round++) {
      const id = await walk('school')
      const [a, b] = await Promise.all([
        decide(id, 'demo-teacher', { step: 'school', decision: 'approve' }),
        decide(id, 'demo-teacher', { step: 'school', decision: 'reject', comment: '名额有限' }),
      ])
      expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409])
      expect(await server.dataSource.getRepository(ApplicationReview).countBy({ applicationId: id })).toBe(1)
      const atCity = await walk('city')
      const both = await Promise.all([
        decide(atCity, 'city-nanning', { step: 'city', decision: 'approve' }),
        decide(atCity, 'city-nanning', { step: 'city', decision: 'approve' }),
      ])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      expect(
        await server.dataSource.getRepository(ApplicationReview).countBy({ applicationId: atCity, step: 'city' }),
      ).toBe(1)
    }
  })

  it("enforces the city's quota at the mentor selection (柳州: 15)", async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const ds = server.dataSource
    const taken = await ds
      .getRepository(Application)
      .countBy({ cityId: await cityId(ds, '柳州市'), status: 'selected' })
    const candidates: number[] = []
    for (let i = 0; i < 2; i++) candidates.push(await walk('mentor_selection', true))
    // Fill the places up to one left, as earlier selections would have.
    const fillers = 15 - 1 - taken
    const filler = candidates[0] as number
    const template = await ds.getRepository(Application).findOneByOrFail({ id: filler })
    for (let i = 0; i < fillers; i++) {
      const p = await ds.getRepository(Person).save({ displayName: `柳州已选${i}`, phone: null, createdAt: new Date() })
      const { id: _id, ...rest } = template
      await ds.getRepository(Application).save({ ...rest, personId: p.id, status: 'selected' as const, mentorId })
    }
    const both = await Promise.all(
      candidates.map((id) => decide(id, 'city-liuzhou', { step: 'mentor_selection', decision: 'approve', mentorId })),
    )
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    const refused = both.find((r) => r.status === 409)
    expect(refused?.body.error).toEqual({
      code: 'quota_full',
      message: '柳州市的名额已满：本期选拔15名（方案四（二）1），已有15名入选',
    })
    const noMentor = await decide(await walk('mentor_selection'), 'city-nanning', {
      step: 'mentor_selection',
      decision: 'approve',
    })
    expect(noMentor.status).toBe(400)
  })
  it('answers each role on each route as its policy and scope say', async () => {
    clock.set('2023-10-20T10:00:00+08:00')
    const id = await walk('school')
    // Earlier tests left selected students waiting: put them on a notice, so the office's call below has none left (409).
    await postJson(server.base, '/api/v1/cohorts/2023/public-notice', {}, await auth('demo-staff'))
    const who = [
      'no token',
      'demo-parent',
      'demo-student',
      'demo-mentor',
      'city-liuzhou',
      'city-nanning',
      'demo-teacher-2',
      'demo-staff',
      'demo-teacher',
    ]
    // [POST applications, GET applications/:id, POST reviews (school step), POST public-notice]
    const expected: Record<string, [number, number, number, number]> = {
      'no token': [401, 401, 401, 401],
      'demo-parent': [403, 403, 403, 403],
      'demo-student': [403, 404, 403, 403],
      'demo-mentor': [403, 404, 404, 403],
      'city-liuzhou': [403, 404, 404, 403],
      'city-nanning': [403, 200, 403, 403],
      'demo-teacher-2': [403, 404, 404, 403],
      'demo-staff': [201, 200, 403, 409],
      'demo-teacher': [201, 200, 200, 403],
    }
    for (const as of who) {
      const headers = as === 'no token' ? {} : await auth(as)
      const statuses = [
        (await postJson(server.base, '/api/v1/applications', form(), headers)).status,
        (await getJson(server.base, `/api/v1/applications/${id}`, headers)).status,
        (
          await postJson(
            server.base,
            `/api/v1/applications/${id}/reviews`,
            { step: 'school', decision: 'approve' },
            headers,
          )
        ).status,
        (await postJson(server.base, '/api/v1/cohorts/2023/public-notice', {}, headers)).status,
      ]
      expect([as, ...statuses]).toEqual([as, ...(expected[as] as number[])])
    }
    const missing = await getJson(server.base, '/api/v1/applications/987654', await auth('demo-teacher-2'))
    const hidden = await getJson(server.base, `/api/v1/applications/${id}`, await auth('demo-teacher-2'))
    expect(hidden.body).toEqual(missing.body)
    const seen = async (as: string) =>
      (await getJson(server.base, '/api/v1/applications?cohort=2023', await auth(as))).body.applications as Array<{
        city: string
        school: string
      }>
    expect((await seen('city-liuzhou')).every((a) => a.city === '柳州市')).toBe(true)
    expect((await seen('demo-teacher')).every((a) => a.school === '南宁市第三中学')).toBe(true)
    expect((await getJson(server.base, '/api/v1/applications', await auth('demo-parent'))).status).toBe(403)
  })
})

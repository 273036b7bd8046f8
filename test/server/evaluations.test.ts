import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageJobs } from '../../core/jobs'
import { planJob } from '../../core/jobs/message-job'
import { AuditLog } from '../../entities/audit-log.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Student } from '../../entities/student.entity'
import { testDbKinds } from '../helpers/db'
import { type MovableClock, movableClock, tokenOf } from '../helpers/people'
import { freshDatabaseUrl, getJson, startTestServer, type TestServer } from '../helpers/server'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe.each(testDbKinds())('research topics, evaluations, the 英才库 and the summary (%s)', (kind) => {
  let server: TestServer
  let clock: MovableClock
  let drop: () => Promise<void>
  const person: Record<string, number> = {}

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    clock = movableClock('2023-11-20T10:00:00+08:00')
    server = await startTestServer({ url: db.url, clock, demo: true })
    for (const b of await server.dataSource.getRepository(IdentityBinding).findBy({ channel: 'terminal' }))
      person[b.externalId] = b.personId
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  const auth = async (as: string) => bearer(await tokenOf(server.base, as))
  const student = (h: string) => `/api/v1/students/${person[h]}`

  async function send(method: 'PUT' | 'POST', as: string | null, path: string, body?: unknown) {
    const res = await fetch(server.base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(as ? await auth(as) : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }

  it('research topics: set by the mentor or the student, filed by the office in December only (九（四）)', async () => {
    clock.set('2023-11-20T10:00:00+08:00')
    const topic = { direction: '光学', title: '用手机测量激光干涉条纹间距' }
    const expected: Array<[string | null, number]> = [
      [null, 401],
      ['demo-parent', 403],
      ['demo-teacher', 403],
      ['demo-mentor-2', 404],
      ['demo-student-2', 404],
      ['demo-staff', 403],
      ['demo-mentor', 200],
      ['demo-student', 200],
    ]
    for (const [as, status] of expected) {
      const r = await send('PUT', as, `${student('demo-student')}/research-topic`, topic)
      expect([as, r.status]).toEqual([as, status])
    }
    const early = await send('POST', 'demo-staff', `${student('demo-student')}/research-topic/filing`)
    expect(early.body.error).toEqual({
      code: 'deadline',
      message: '研究方向和选题在2023年12月内报管理办公室备案（方案九（四）），现在还不到备案的时候',
    })
    clock.set('2023-12-15T10:00:00+08:00')
    expect((await send('POST', 'demo-mentor', `${student('demo-student')}/research-topic/filing`)).status).toBe(403)
    const filed = await send('POST', 'demo-staff', `${student('demo-student')}/research-topic/filing`)
    expect(filed.status).toBe(200)
    expect(filed.body).toMatchObject({ ...topic, filedOn: '2023-12-15' })
    expect((await send('POST', 'demo-staff', `${student('demo-student')}/research-topic/filing`)).status).toBe(409)
    expect((await send('PUT', 'demo-mentor', `${student('demo-student')}/research-topic`, topic)).status).toBe(409)
    const read = await getJson(server.base, `${student('demo-student')}/research-topic`, await auth('demo-parent'))
    expect(read.body.topic.filedOn).toBe('2023-12-15')

    clock.set('2024-01-02T10:00:00+08:00')
    expect((await send('PUT', 'demo-student-2', `${student('demo-student-2')}/research-topic`, topic)).status).toBe(200)
    const late = await send('POST', 'demo-staff', `${student('demo-student-2')}/research-topic/filing`)
    expect(late.body.error).toEqual({
      code: 'deadline',
      message: '研究方向和选题备案已于2023年12月31日截止（方案九（四））',
    })
    expect(
      (await send('PUT', 'demo-mentor', `${student('demo-student')}/research-topic`, { direction: '' })).status,
    ).toBe(400)
  })

  it('a failed mid-term ends training with its reason, audited, and every reminder to the student and family stops', async () => {
    clock.set('2024-02-20T10:00:00+08:00')
    const midterm = ['中期汇报', '导师团队评价']
    const path2 = `${student('demo-student-2')}/evaluations`
    expect(
      (await send('POST', 'demo-teacher-2', path2, { kind: 'midterm', result: 'pass', materials: midterm })).status,
    ).toBe(403)
    expect(
      (await send('POST', 'demo-mentor', path2, { kind: 'midterm', result: 'pass', materials: midterm })).status,
    ).toBe(404)
    const incomplete = await send('POST', 'demo-mentor-2', path2, {
      kind: 'midterm',
      result: 'pass',
      materials: ['中期汇报'],
    })
    expect(incomplete.body.error).toEqual({
      code: 'materials_missing',
      message: '中期评价材料不全，还缺：导师团队评价（方案六（一））',
    })
    const unknown = await send('POST', 'demo-mentor-2', path2, {
      kind: 'midterm',
      result: 'pass',
      materials: ['体检表'],
    })
    expect(unknown.status).toBe(400)
    const noReason = await send('POST', 'demo-mentor-2', path2, { kind: 'midterm', result: 'fail', materials: midterm })
    expect(noReason.body.error).toEqual({ code: 'validation', message: 'comment: 不合格须写明理由' })
    const before = await planAll('2024-09-23T09:00:00+08:00')
    expect(before.some((m) => m.personId === person['demo-student-2'])).toBe(true)

    const failed = await send('POST', 'demo-mentor-2', path2, {
      kind: 'midterm',
      result: 'fail',
      materials: midterm,
      comment: '半年未参加培养活动',
    })
    expect(failed.status, JSON.stringify(failed.body)).toBe(201)
    expect(failed.body).toEqual({ kind: 'midterm', result: 'fail', exited: true, studentStatus: 'exited' })
    const row = await server.dataSource.getRepository(Student).findOneByOrFail({ personId: person['demo-student-2'] })
    expect(row).toMatchObject({ status: 'exited', exitReason: '中期评价不合格：半年未参加培养活动' })
    expect(
      await server.dataSource.getRepository(AuditLog).countBy({ action: 'student.exit', target: `student:${row.id}` }),
    ).toBe(1)

    for (const at of ['2024-02-22T09:00:00+08:00', '2024-04-09T19:00:00+08:00', '2024-09-23T09:00:00+08:00']) {
      const planned = await planAll(at)
      expect(
        planned.some((m) => m.personId === person['demo-student-2'] || m.personId === person['demo-parent-2']),
      ).toBe(false)
    }
    // The student still in training keeps theirs (the annual evaluation's reminder, 7 days before).
    expect((await planAll('2024-09-23T09:00:00+08:00')).some((m) => m.personId === person['demo-student'])).toBe(true)
    const again = await send('POST', 'demo-staff', path2, { kind: 'annual', result: 'pass', materials: [] })
    expect(again.status).toBe(409)
    const sheets = await getJson(server.base, path2, await auth('demo-parent-2'))
    expect(sheets.body).toMatchObject({ status: 'exited', exitReason: '中期评价不合格：半年未参加培养活动' })
  })

  async function planAll(at: string) {
    const instant = new Date(at)
    const all = []
    for (const job of messageJobs) all.push(...(await planJob(job, { dataSource: server.dataSource, clock }, instant)))
    return all
  }

  it('the annual evaluation: the office, after a passed mid-term, with the whole checklist, by the end of September', async () => {
    clock.set('2024-02-26T10:00:00+08:00')
    const path = `${student('demo-student')}/evaluations`
    const midterm = await send('POST', 'demo-mentor', path, {
      kind: 'midterm',
      result: 'excellent',
      materials: ['中期汇报', '导师团队评价'],
    })
    expect(midterm.status).toBe(201)
    clock.set('2024-09-20T10:00:00+08:00')
    const annualMaterials = ['课题报告', '培养报告（含读书报告、文献综述、实验记录、小论文等）', '成长日志', '导师评价']
    expect(
      (await send('POST', 'demo-mentor', path, { kind: 'annual', result: 'pass', materials: annualMaterials })).status,
    ).toBe(403)
    const short = await send('POST', 'demo-staff', path, {
      kind: 'annual',
      result: 'pass',
      materials: annualMaterials.slice(0, 2),
    })
    expect(short.body.error.message).toBe('年度评价材料不全，还缺：成长日志、导师评价（方案六（二））')
    clock.set('2024-10-01T09:00:00+08:00')
    const late = await send('POST', 'demo-staff', path, { kind: 'annual', result: 'pass', materials: annualMaterials })
    expect(late.body.error).toEqual({ code: 'deadline', message: '年度评价已于2024年9月30日截止（方案六（二））' })
    clock.set('2024-09-29T09:00:00+08:00')
    const done = await send('POST', 'demo-staff', path, { kind: 'annual', result: 'pass', materials: annualMaterials })
    expect(done.status).toBe(201)
    const sheets = await getJson(server.base, path, await auth('demo-teacher'))
    expect(sheets.status).toBe(200)
    expect(sheets.body.growthLogs).toBe(3)
    expect(sheets.body.evaluations.map((e: { result: string }) => e.result)).toEqual(['excellent', 'pass'])
    expect(sheets.body.evaluations[1].materials.every((m: { received: boolean }) => m.received)).toBe(true)
    expect((await getJson(server.base, path, await auth('demo-parent-2'))).status).toBe(404)
  })

  it('the evaluation summary as .xlsx, one row per student the reader may see', async () => {
    clock.set('2024-09-29T10:00:00+08:00')
    const rowsFor = async (as: string) => {
      const res = await fetch(`${server.base}/api/v1/evaluations/summary.xlsx?cohort=2023`, { headers: await auth(as) })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('spreadsheetml')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(await res.arrayBuffer())
      const sheet = book.worksheets[0]
      const rows: string[][] = []
      sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
      return rows
    }
    const office = await rowsFor('demo-staff')
    expect(office[0]?.slice(0, 3)).toEqual(['姓名', '市', '学校'])
    expect(office).toHaveLength(3)
    const lin = office.find((r) => r[0] === '林小雨') as string[]
    expect(lin).toContain('用手机测量激光干涉条纹间距')
    expect(lin).toContain('2023-12-15')
    expect(lin).toContain('优秀')
    expect(office.find((r) => r[0] !== '林小雨' && r[0] !== '姓名')).toContain('中期评价不合格：半年未参加培养活动')
    expect(await rowsFor('demo-teacher')).toHaveLength(2)
    expect(await rowsFor('demo-mentor-2')).toHaveLength(2)
    const parent = await getJson(server.base, '/api/v1/evaluations/summary.xlsx?cohort=2023', await auth('demo-parent'))
    expect(parent.status).toBe(403)
    expect((await getJson(server.base, '/api/v1/evaluations/summary.xlsx?cohort=2023')).status).toBe(401)
    expect(
      (await getJson(server.base, '/api/v1/evaluations/summary.xlsx?cohort=abc', await auth('demo-staff'))).status,
    ).toBe(400)
  })

  it('the 英才库: after the cycle, those who completed it are marked, listed by scope and followed up (七)', async () => {
    clock.set('2024-09-29T10:00:00+08:00')
    const early = await send('POST', 'demo-staff', '/api/v1/cohorts/2023/alumni')
    expect(early.body.error).toEqual({
      code: 'deadline',
      message: '培养周期到2024年9月结束（方案五（一）），结束后才能转入英才库',
    })
    clock.set('2024-10-08T10:00:00+08:00')
    expect((await send('POST', 'demo-teacher', '/api/v1/cohorts/2023/alumni')).status).toBe(403)
    const marked = await send('POST', 'demo-staff', '/api/v1/cohorts/2023/alumni')
    expect(marked.body).toEqual({ cohort: 2023, marked: 1, pending: 0 })
    const note = await send('POST', 'demo-teacher', `/api/v1/alumni/${person['demo-student']}/notes`, {
      whereabouts: '广西大学',
      major: '物理学',
    })
    expect(note.status).toBe(201)
    expect((await send('POST', 'demo-teacher', `/api/v1/alumni/${person['demo-student']}/notes`, {})).status).toBe(400)
    expect(
      (await send('POST', 'demo-staff', `/api/v1/alumni/${person['demo-student-2']}/notes`, { note: '联系' })).status,
    ).toBe(409)
    const list = await getJson(server.base, '/api/v1/alumni?cohort=2023', await auth('demo-staff'))
    expect(list.body.alumni).toEqual([
      {
        id: String(person['demo-student']),
        name: '林小雨',
        cohort: 2023,
        city: '南宁市',
        school: '南宁市第三中学',
        alumnusSince: '2024-10-08',
        latest: { whereabouts: '广西大学', major: '物理学', note: null, on: '2024-10-08' },
      },
    ])
    expect((await getJson(server.base, '/api/v1/alumni', await auth('demo-teacher-2'))).body.alumni).toEqual([])
    expect((await getJson(server.base, '/api/v1/alumni', await auth('demo-mentor'))).body.alumni).toHaveLength(1)
    expect((await getJson(server.base, '/api/v1/alumni', await auth('demo-parent'))).status).toBe(403)
    expect((await getJson(server.base, '/api/v1/alumni', await auth('demo-student'))).status).toBe(403)
  })
})

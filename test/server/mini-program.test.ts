import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorOfPerson } from '../../core/actor'
import { queueBroadcast } from '../../core/announcements/broadcast'
import { createSessions } from '../../core/auth/session'
import { fixedClock } from '../../core/clock'
import { takeConsent } from '../../core/delivery/consents'
import { recordSubscriptions } from '../../core/delivery/subscriptions'
import { ValidationError } from '../../core/errors'
import { readAudience } from '../../core/groups/audience'
import { addDays } from '../../core/time'
import { Activity } from '../../entities/activity.entity'
import { AuditLog } from '../../entities/audit-log.entity'
import { Cohort } from '../../entities/cohort.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { Student } from '../../entities/student.entity'
import { SubscribeConsent } from '../../entities/subscribe-consent.entity'
import { type AccessFixture, buildAccessFixture, requestJson } from '../helpers/access-fixture'
import { testDbKinds } from '../helpers/db'
import { freshDatabaseUrl, postJson, startTestServer, type TestServer } from '../helpers/server'

const TODAY = '2024-01-20'
const NOW = `${TODAY}T10:00:00+08:00`
const day = (n: number) => addDays(TODAY, n)

describe.each(testDbKinds())('mini-program routes (%s)', (kind) => {
  let server: TestServer
  let f: AccessFixture
  let drop: () => Promise<void>
  const clock = fixedClock(NOW)
  const call = (method: string, path: string, body: unknown, as: keyof AccessFixture['headers']) =>
    requestJson(server.base, method, path, body, f.headers[as])
  const count = (entity: typeof Activity | typeof GrowthLog | typeof SubscribeConsent | typeof AuditLog) =>
    server.dataSource.getRepository(entity).count()

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, clock, demo: true })
    f = await buildAccessFixture({ dataSource: server.dataSource, clock }, day)
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  it('a student checks in a campus visit once per day and place, on a past day of the training period', async () => {
    const visit = { happenedOn: day(-3), place: '桂林电子科技大学', title: '人工智能实验室参观' }
    const first = await call('POST', '/api/v1/me/activities', visit, 'student')
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({ ...visit, kind: 'campus_visit', logId: null, id: expect.any(Number) })

    const before = await count(Activity)
    const refused = [
      [{ ...visit, title: '又去了一次' }, 409, 'conflict', '已经登记过'],
      [{ ...visit, place: '  桂林电子科技大学 ' }, 409, 'conflict', '已经登记过'],
      [{ ...visit, happenedOn: day(1) }, 400, 'validation', '还没到'],
      [{ ...visit, happenedOn: '2023-09-30' }, 400, 'validation', '不在本期培养周期内'],
      [{ ...visit, happenedOn: '2024-02-30' }, 400, 'validation', 'happenedOn: 没有这一天'],
      [{ ...visit, happenedOn: '2024/01/10' }, 400, 'validation', 'happenedOn: 须为日期'],
      [{ happenedOn: visit.happenedOn, place: visit.place }, 400, 'validation', 'title: 必填'],
      [{ ...visit, place: '   ' }, 400, 'validation', 'place: 不能为空'],
      [{ ...visit, place: '大'.repeat(201) }, 400, 'validation', 'place: 最多 200 个字'],
    ] as const
    for (const [body, status, code, message] of refused) {
      const r = await call('POST', '/api/v1/me/activities', body, 'student')
      expect([r.status, r.body.error.code], JSON.stringify(body)).toEqual([status, code])
      expect(r.body.error.message).toContain(message)
    }
    expect(await count(Activity)).toBe(before)

    const list = await call('GET', '/api/v1/me/activities', undefined, 'student')
    expect(list.status).toBe(200)
    const days = list.body.items.map((a: { happenedOn: string }) => a.happenedOn)
    expect(days).toEqual([...days].sort().reverse())
    expect(list.body.items.find((a: { id: number }) => a.id === first.body.id)).toMatchObject({ logId: null })
  })

  it('two check-ins of the same visit at once save one', async () => {
    const visit = { happenedOn: day(-4), place: '广西医科大学', title: '医学实验中心' }
    const both = await Promise.all([
      call('POST', '/api/v1/me/activities', visit, 'student2'),
      call('POST', '/api/v1/me/activities', visit, 'student2'),
    ])
    expect(both.map((r) => r.status).sort()).toEqual([201, 409])
  })

  it('a student writes a log about one of their own activities, once; a retry with its clientKey gets the same log', async () => {
    const visit = await call(
      'POST',
      '/api/v1/me/activities',
      { happenedOn: day(-5), place: '广西师范大学', title: '化学开放日' },
      'student',
    )
    const log = {
      activityId: visit.body.id,
      content: '做了酸碱滴定实验',
      takeaway: '学会了读滴定管',
      clientKey: 'mp-retry-0001',
    }
    const first = await call('POST', '/api/v1/me/logs', log, 'student')
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({
      activityId: visit.body.id,
      happenedOn: day(-5),
      place: '广西师范大学',
      source: 'miniprogram',
      editedAt: null,
      editableUntil: new Date(new Date(NOW).getTime() + 7 * 86_400_000).toISOString(),
    })
    const again = await call('POST', '/api/v1/me/logs', log, 'student')
    expect([again.status, again.body.id]).toEqual([200, first.body.id])

    const logs = await count(GrowthLog)
    const second = await call('POST', '/api/v1/me/logs', { ...log, clientKey: 'mp-retry-0002' }, 'student')
    expect([second.status, second.body.error.message]).toEqual([409, '这次活动已经写过成长日志了，可以在 7 天内修改它'])
    const others = await call('POST', '/api/v1/me/logs', { ...log, clientKey: 'mp-retry-0003' }, 'student2')
    expect([others.status, others.body.error.message]).toEqual([404, '没有找到这次活动'])
    const short = await call('POST', '/api/v1/me/logs', { ...log, content: '很好', clientKey: undefined }, 'student')
    expect([short.status, short.body.error.message]).toEqual([400, 'content: 至少 4 个字'])
    const text = await call('POST', '/api/v1/me/logs', { ...log, activityId: String(log.activityId) }, 'student')
    expect(text.status).toBe(400)
    expect(await count(GrowthLog)).toBe(logs)

    const listed = await call('GET', '/api/v1/me/activities', undefined, 'student')
    expect(listed.body.items.find((a: { id: number }) => a.id === visit.body.id).logId).toBe(first.body.id)
  })

  it('lists logs newest first, a page at a time; parents, teachers and mentors read the same list', async () => {
    const all = await call('GET', '/api/v1/me/logs?pageSize=50', undefined, 'student')
    expect(all.status).toBe(200)
    const days = all.body.items.map((l: { happenedOn: string }) => l.happenedOn)
    expect(days).toEqual([...days].sort().reverse())
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: all.body.items.length })
    const second = await call('GET', '/api/v1/me/logs?page=2&pageSize=1', undefined, 'student')
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total })
    expect(second.body.items).toEqual([all.body.items[1]])
    for (const viewer of ['parent', 'teacher', 'mentor', 'city_staff', 'office'] as const) {
      const theirs = await call('GET', `/api/v1/students/${f.studentA}/logs?pageSize=50`, undefined, viewer)
      expect(theirs.body, viewer).toEqual(all.body)
    }
    for (const query of ['page=0', 'pageSize=51', 'page=abc', 'page=1&page=2', 'pageSize=-1']) {
      const bad = await call('GET', `/api/v1/me/logs?${query}`, undefined, 'student')
      expect([query, bad.status, bad.body.error.code]).toEqual([query, 400, 'validation'])
    }
  })

  it('edits a log within 7 days of writing it, audited; later it is refused with the reason', async () => {
    const ds = server.dataSource
    const student = await ds.getRepository(Student).findOneByOrFail({ personId: f.studentA })
    const written = async (createdAt: Date, key: string) =>
      Number(
        (
          await ds.getRepository(GrowthLog).insert({
            studentId: student.id,
            activityId: null,
            happenedOn: '2024-01-10',
            place: '广西大学',
            content: '参加了数学讲座',
            takeaway: '了解了数论',
            source: 'miniprogram',
            clientKey: key,
            createdAt,
            editedAt: null,
          })
        ).identifiers[0]?.id,
      )
    const now = new Date(NOW).getTime()
    const fresh = await written(new Date(now - 7 * 86_400_000 + 60_000), 'edit-fresh')
    const stale = await written(new Date(now - 7 * 86_400_000 - 60_000), 'edit-stale')

    const audits = await count(AuditLog)
    const edited = await call('PATCH', `/api/v1/me/logs/${fresh}`, { content: ' 参加了数学讲座，做了练习 ' }, 'student')
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body).toMatchObject({ content: '参加了数学讲座，做了练习', takeaway: '了解了数论' })
    expect(edited.body.editedAt).toBe(new Date(NOW).toISOString())
    const trail = await ds.getRepository(AuditLog).findOneByOrFail({ target: `growth_log:${fresh}` })
    expect([trail.action, trail.actorId, JSON.parse(trail.detail ?? '{}')]).toEqual([
      'growth_log.edit',
      f.studentA,
      { fields: ['content'] },
    ])

    const late = await call('PATCH', `/api/v1/me/logs/${stale}`, { content: '改一改以前写的' }, 'student')
    expect([late.status, late.body.error.code]).toEqual([409, 'conflict'])
    expect(late.body.error.message).toBe(
      '这篇成长日志写于2024年1月13日，已超过 7 天，不能再修改；如需更正，请联系指导教师或项目办',
    )
    for (const [body, message] of [
      [{}, '请求体: 请给出要修改的 content 或 takeaway'],
      [{ happenedOn: '2024-01-11' }, '请求体'],
      [{ takeaway: '好' }, 'takeaway: 至少 4 个字'],
      [[], '请求体'],
    ] as const) {
      const r = await call('PATCH', `/api/v1/me/logs/${fresh}`, body, 'student')
      expect([r.status, r.body.error.code], JSON.stringify(body)).toEqual([400, 'validation'])
      expect(r.body.error.message).toContain(message)
    }
    expect((await call('PATCH', '/api/v1/me/logs/0', { content: '无效的编号' }, 'student')).status).toBe(400)
    expect(await count(AuditLog)).toBe(audits + 1)
    expect((await ds.getRepository(GrowthLog).findOneByOrFail({ id: stale })).content).toBe('参加了数学讲座')
  })

  it('shows each person the announcements meant for them, newest first', async () => {
    const ds = server.dataSource
    const cohort = await ds.getRepository(Cohort).findOneByOrFail({ year: 2023 })
    const office = await actorOfPerson(ds, Number((await call('GET', '/api/v1/me', undefined, 'office')).body.id))
    const send = async (words: string, text: string, at: string) => {
      const audience = await readAudience(ds, cohort.id, words)
      if (!audience) throw new Error(`no audience in ${words}`)
      await queueBroadcast({ dataSource: ds, clock: fixedClock(at) }, office, { cohortId: cohort.id, audience, text })
    }
    await send('全部', '全体：寒假安排', '2024-01-15T09:00:00+08:00')
    await send('南宁 家长', '南宁家长会', '2024-01-16T09:00:00+08:00')
    await send('柳州 学生', '柳州学生集合', '2024-01-17T09:00:00+08:00')
    await send('老师', '指导教师培训', '2024-01-18T09:00:00+08:00')

    const expected: Record<string, string[]> = {
      student: ['全体：寒假安排'],
      student2: ['柳州学生集合', '全体：寒假安排'],
      parent: ['南宁家长会', '全体：寒假安排'],
      parent2: ['全体：寒假安排'],
      teacher: ['指导教师培训', '全体：寒假安排'],
      mentor: ['全体：寒假安排'],
      city_staff: ['指导教师培训', '南宁家长会', '全体：寒假安排'],
      city_staff2: ['指导教师培训', '柳州学生集合', '全体：寒假安排'],
      office: ['指导教师培训', '柳州学生集合', '南宁家长会', '全体：寒假安排'],
    }
    for (const [viewer, bodies] of Object.entries(expected)) {
      const r = await call('GET', '/api/v1/announcements', undefined, viewer as keyof AccessFixture['headers'])
      expect([viewer, r.body.items.map((a: { body: string }) => a.body)]).toEqual([viewer, bodies])
      expect(r.body.total).toBe(bodies.length)
    }
    const paged = await call('GET', '/api/v1/announcements?pageSize=1&page=2', undefined, 'office')
    expect(paged.body.items.map((a: { body: string }) => a.body)).toEqual(['柳州学生集合'])
    expect(paged.body.items[0]).toMatchObject({ audience: ['student'], sentAt: '2024-01-17T01:00:00.000Z' })
  })

  it('counts subscribe consents: each acceptance allows one send', async () => {
    const first = await call('POST', '/api/v1/me/subscriptions', { templateIds: ['tmpl-a', 'tmpl-b'] }, 'parent')
    expect(first.status).toBe(201)
    expect(first.body.items).toEqual([
      { templateId: 'tmpl-a', remaining: 1 },
      { templateId: 'tmpl-b', remaining: 1 },
    ])
    await call('POST', '/api/v1/me/subscriptions', { templateIds: ['tmpl-a'] }, 'parent')
    expect(await takeConsent(server.dataSource, f.openid.parent, 'tmpl-b', new Date())).toBe(true)
    const left = await call('GET', '/api/v1/me/subscriptions', undefined, 'parent')
    expect(left.body.items).toEqual([
      { templateId: 'tmpl-a', remaining: 2 },
      { templateId: 'tmpl-b', remaining: 0 },
    ])
    // Another person's consents are theirs alone.
    expect((await call('GET', '/api/v1/me/subscriptions', undefined, 'parent2')).body.items).not.toContainEqual(
      expect.objectContaining({ templateId: 'tmpl-a' }),
    )

    const rows = await count(SubscribeConsent)
    for (const body of [
      { templateIds: [] },
      { templateIds: ['tmpl-a', 'tmpl-a'] },
      { templateIds: ['a', 'b', 'c', 'd'] },
      { templateIds: ['bad id!'] },
      { templateIds: 'tmpl-a' },
      {},
    ]) {
      const r = await call('POST', '/api/v1/me/subscriptions', body, 'parent')
      expect([r.status, r.body.error.code], JSON.stringify(body)).toEqual([400, 'validation'])
    }
    // A session of another channel (here the terminal's) has no mini-program openid to count against.
    const terminal = await (await createSessions({ dataSource: server.dataSource, clock })).issue({
      channel: 'terminal',
      externalId: 'demo-parent',
    })
    const other = await postJson(
      server.base,
      '/api/v1/me/subscriptions',
      { templateIds: ['tmpl-a'] },
      { Authorization: `Bearer ${terminal}` },
    )
    expect([other.status, other.body.error.message]).toEqual([403, '订阅消息只能在微信小程序中授权和查看'])
    // When the service knows its templates, others are refused.
    await expect(
      recordSubscriptions(
        { dataSource: server.dataSource, clock },
        { channel: 'miniprogram', externalId: f.openid.parent },
        ['tmpl-x'],
        ['tmpl-a'],
      ),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(await count(SubscribeConsent)).toBe(rows)
  })

  it('answers malformed input on every write with a 4xx in the error shape and writes nothing', async () => {
    const before = await Promise.all([count(Activity), count(GrowthLog), count(SubscribeConsent), count(AuditLog)])
    const bodies: unknown[] = [
      'not json',
      '{"happenedOn":',
      'null',
      '[]',
      '42',
      '"text"',
      { happenedOn: null, place: null, title: null },
      { happenedOn: 20240110, place: 1, title: true },
      { activityId: 1.5, content: '内容内容', takeaway: '收获收获' },
      { activityId: -1, content: '内容内容', takeaway: '收获收获' },
      { activityId: 99999999999, content: '内容内容', takeaway: '收获收获' },
      { activityId: 1, content: 'x'.repeat(2001), takeaway: '收获收获' },
      { content: { $gt: '' } },
      { templateIds: [null] },
      { __proto__: { admin: true } },
    ]
    const writes: Array<[string, string]> = [
      ['POST', '/api/v1/me/activities'],
      ['POST', '/api/v1/me/logs'],
      ['PATCH', `/api/v1/me/logs/${f.logA}`],
      ['POST', '/api/v1/me/subscriptions'],
    ]
    for (const [method, path] of writes) {
      for (const body of bodies) {
        const r = await call(method, path, body, 'student')
        expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400)
        expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500)
        expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
      }
    }
    for (const path of ['/api/v1/students/abc/logs', '/api/v1/students/1e3/activities', '/api/v1/me/logs/-1']) {
      const patch = path.startsWith('/api/v1/me/logs/')
      const r = await call(patch ? 'PATCH' : 'GET', path, patch ? { content: '正常内容' } : undefined, 'office')
      expect(r.status, path).toBe(400)
    }
    expect(await Promise.all([count(Activity), count(GrowthLog), count(SubscribeConsent), count(AuditLog)])).toEqual(
      before,
    )
  })

  it('documents every new route in /openapi.json with its answer', async () => {
    const doc = await requestJson(server.base, 'GET', '/openapi.json')
    const paths = doc.body.paths
    for (const [path, method] of [
      ['/api/v1/me/activities', 'get'],
      ['/api/v1/me/activities', 'post'],
      ['/api/v1/me/logs', 'get'],
      ['/api/v1/me/logs', 'post'],
      ['/api/v1/me/logs/{id}', 'patch'],
      ['/api/v1/students/{id}/logs', 'get'],
      ['/api/v1/students/{id}/activities', 'get'],
      ['/api/v1/announcements', 'get'],
      ['/api/v1/me/subscriptions', 'get'],
      ['/api/v1/me/subscriptions', 'post'],
    ]) {
      const op = paths[path as string]?.[method as string]
      expect(op, `${method} ${path}`).toBeDefined()
      const ok = op.responses['200'] ?? op.responses['201']
      expect(ok.content['application/json'].schema, `${method} ${path}`).toHaveProperty('properties')
    }
  })
})

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { bindIdentity } from '../../core/people/bind-identity'
import { XLSX_TYPE } from '../../core/roster/workbook'
import { AuditLog } from '../../entities/audit-log.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { InviteCode } from '../../entities/invite-code.entity'
import { Person } from '../../entities/person.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { testDbKinds } from '../helpers/db'
import {
  addPerson,
  getBytes,
  readSheet,
  ROSTER_HEADERS,
  rosterFile,
  rosterRow,
  tokenOf,
  uploadRoster,
} from '../helpers/office'
import { freshDatabaseUrl, postJson, startTestServer, type TestServer } from '../helpers/server'

const NOW = '2023-11-20T10:00:00+08:00'

describe.each(testDbKinds())('office roster, invite codes and export (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, clock: fixedClock(NOW), demo: true })
    await addPerson(server.dataSource, 'staff-liuzhou', 'city_staff', { city: '柳州市' })
    for (const handle of ['demo-staff', 'demo-teacher', 'demo-parent', 'staff-liuzhou']) {
      tokens[handle] = await tokenOf(server.base, handle)
    }
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  const count = (entity: typeof Student | typeof Person | typeof Guardianship) =>
    server.dataSource.getRepository(entity).count()

  it('hands out a template with the roster columns', async () => {
    const r = await getBytes(server.base, '/api/v1/office/roster/template.xlsx', tokens['demo-staff'])
    expect(r.status).toBe(200)
    expect(r.type).toBe(XLSX_TYPE)
    const [header] = await readSheet(r.bytes)
    expect(header).toEqual(ROSTER_HEADERS)
  })

  it('imports a roster, and a second import updates instead of duplicating', async () => {
    const before = await count(Student)
    const rows = [1, 2, 3].map((n) => rosterRow(n))
    rows[2] = rosterRow(3, { 学校: '南宁市第二中学', 县区: '兴宁区', 导师: '韦志明' })
    const first = await uploadRoster(server.base, tokens['demo-staff'] as string, await rosterFile(rows))
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ cohort: 2023, rows: 3, created: 3, updated: 0, schoolsCreated: 1 })
    expect(await count(Student)).toBe(before + 3)

    const again = await uploadRoster(server.base, tokens['demo-staff'] as string, await rosterFile(rows))
    expect(again.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, schoolsCreated: 0 })

    rows[0] = { ...(rows[0] as Record<string, string>), 年级: '高二', 家长手机: '13700000001', 家长姓名: '新家长' }
    const changed = await uploadRoster(server.base, tokens['demo-staff'] as string, await rosterFile(rows))
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2, parentsCreated: 1 })
    expect(await count(Student)).toBe(before + 3)
    const student = await server.dataSource
      .getRepository(Student)
      .createQueryBuilder('s')
      .innerJoin(Person, 'p', 'p.id = s.personId')
      .where('p.displayName = :name', { name: '学生一' })
      .getOneOrFail()
    expect(student.grade).toBe('高二')
    const guardians = await server.dataSource.getRepository(Guardianship).findBy({ studentId: student.id })
    expect(guardians).toHaveLength(1)
    const parent = await server.dataSource.getRepository(Person).findOneByOrFail({ id: guardians[0]?.parentId })
    expect(parent.phone).toBe('13700000001')
    const school = await server.dataSource.getRepository(School).findOneByOrFail({ name: '南宁市第二中学' })
    expect(school.districtId).not.toBeNull()
    const audits = await server.dataSource.getRepository(AuditLog).findBy({ action: 'roster.import' })
    expect(audits.length).toBe(3)
  })

  it('imports nothing from a file with one bad row, and names that row and column in Chinese', async () => {
    const before = [await count(Student), await count(Person), await count(Guardianship)]
    const rows = Array.from({ length: 20 }, (_, i) => rosterRow(100 + i))
    rows[10] = rosterRow(110, { 家长手机: '1234' })
    const r = await uploadRoster(server.base, tokens['demo-staff'] as string, await rosterFile(rows))
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('roster_invalid')
    expect(r.body.error.message).toContain('第 12 行「家长手机」：须为 11 位手机号')
    expect(r.body.error.details).toEqual([
      { row: 12, column: '家长手机', message: '须为 11 位手机号，例如 13812345678' },
    ])
    expect([await count(Student), await count(Person), await count(Guardianship)]).toEqual(before)
  })

  it('reports every kind of bad cell by row and column', async () => {
    const rows = [
      rosterRow(200, { 年级: '初三' }),
      rosterRow(201, { 所在市: '梧州市' }),
      rosterRow(202, { 县区: '阳朔县' }),
      rosterRow(203, { 学科: '历史' }),
      rosterRow(204, { 导师: '没这人' }),
      rosterRow(205, { 学生姓名: '' }),
      rosterRow(200, { 年级: '高一' }),
      rosterRow(207, { 家长手机: '13900000200' }),
    ]
    const r = await uploadRoster(server.base, tokens['demo-staff'] as string, await rosterFile(rows))
    expect(r.status).toBe(400)
    const said = (r.body.error.details as Array<{ row: number; column: string }>).map((d) => `${d.row}${d.column}`)
    expect(said).toEqual(['2年级', '3所在市', '4县区', '5学科', '6导师', '7学生姓名', '8学生姓名', '9家长手机'])
    expect(r.body.error.message).toContain('第 3 行「所在市」：梧州市不是本期实施城市（南宁市、柳州市、桂林市）')
    expect(r.body.error.message).toContain('第 4 行「县区」：“阳朔县”不是南宁市的县区')
    expect(r.body.error.message).toContain('第 8 行「学生姓名」：与第 2 行是同一位学生')
  })

  it('refuses bad files with a 4xx and writes nothing', async () => {
    const token = tokens['demo-staff'] as string
    const before = await count(Student)
    const notXlsx = await uploadRoster(server.base, token, 'just some text, not a workbook')
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([400, 'bad_file'])
    const json = await uploadRoster(server.base, token, '{"a":1}', 'application/json')
    expect([json.status, json.body.error.code]).toEqual([415, 'unsupported_media_type'])
    const empty = await uploadRoster(server.base, token, await rosterFile([], []))
    expect([empty.status, empty.body.error.code]).toEqual([400, 'bad_file'])
    const headerOnly = await uploadRoster(server.base, token, await rosterFile([]))
    expect(headerOnly.body.error.message).toBe('名册只有表头，没有学生')
    const wrongHeaders = await uploadRoster(server.base, token, await rosterFile([{ 名字: '张三' }], ['名字', '班级']))
    expect(wrongHeaders.status).toBe(400)
    expect(wrongHeaders.body.error.message).toContain(
      '名册缺少必填列：学生姓名、年级、所在市、学校、学科、家长姓名、家长手机',
    )
    const huge = await uploadRoster(server.base, token, Buffer.alloc(9 * 1024 * 1024, 1))
    expect([huge.status, huge.body.error.code]).toEqual([413, 'too_large'])
    const truncated = (await rosterFile([rosterRow(300)])).subarray(0, 400)
    const broken = await uploadRoster(server.base, token, truncated)
    expect([broken.status, broken.body.error.code]).toEqual([400, 'bad_file'])
    const noCohort = await uploadRoster(
      server.base,
      token,
      await rosterFile([rosterRow(301)]),
      XLSX_TYPE,
      '?cohort=1999',
    )
    expect(noCohort.status).toBe(400)
    expect(await count(Student)).toBe(before)
  })

  it('answers random and damaged uploads with a 4xx, never a 5xx, and writes nothing', async () => {
    const token = tokens['demo-staff'] as string
    const valid = await rosterFile([rosterRow(500), rosterRow(501)])
    const before = await count(Student)
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
          fc
            .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
            .map((flips) => {
              const copy = Buffer.from(valid)
              for (const [at, value] of flips) copy[at] = value
              return copy
            }),
          fc.nat(valid.length - 1).map((n) => valid.subarray(0, n)),
        ),
        async (bytes) => {
          const r = await uploadRoster(server.base, token, bytes)
          expect(r.status, JSON.stringify(r.body)).toBeLessThan(500)
          if (r.status !== 200) expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
        },
      ),
      { numRuns: 60 },
    )
    expect(await count(Student)).toBeLessThanOrEqual(before + 2)
  }, 120_000)

  it('lets city staff import their own city only, and refuses teachers and parents', async () => {
    const own = rosterRow(400, { 所在市: '柳州', 县区: '鱼峰区', 学校: '柳州市鱼峰实验中学', 学科: '计算机' })
    const other = rosterRow(401)
    const mixed = await uploadRoster(server.base, tokens['staff-liuzhou'] as string, await rosterFile([own, other]))
    expect(mixed.status).toBe(400)
    expect(mixed.body.error.message).toContain('第 3 行「所在市」：你只能导入本市学生，这一行是南宁市的')
    const ok = await uploadRoster(server.base, tokens['staff-liuzhou'] as string, await rosterFile([own]))
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body.created).toBe(1)
    for (const handle of ['demo-teacher', 'demo-parent']) {
      const r = await uploadRoster(server.base, tokens[handle] as string, await rosterFile([own]))
      expect(r.status).toBe(403)
    }
  })

  it('exports the roster with progress, each reader seeing their own scope', async () => {
    const office = await getBytes(server.base, '/api/v1/office/roster.xlsx?cohort=2023', tokens['demo-staff'])
    expect(office.status).toBe(200)
    const rows = await readSheet(office.bytes)
    expect(rows[0]).toEqual([
      ...ROSTER_HEADERS,
      '学员编号',
      '状态',
      '进校活动',
      '成长日志',
      '缺日志的活动',
      '中期评价',
      '年度评价',
    ])
    const demo = rows.find((r) => r[0] === '林小雨') as string[]
    expect(demo.slice(-7, -2)).toEqual([expect.any(String), '在培', '3/10', '3', '0'])
    const studentCount = await count(Student)
    expect(rows.length - 1).toBe(studentCount)

    const teacher = await readSheet(
      (await getBytes(server.base, '/api/v1/office/roster.xlsx', tokens['demo-teacher'])).bytes,
    )
    expect(teacher.slice(1).every((r) => r[4] === '南宁市第三中学')).toBe(true)
    const liuzhou = await readSheet(
      (await getBytes(server.base, '/api/v1/office/roster.xlsx', tokens['staff-liuzhou'])).bytes,
    )
    expect(liuzhou.slice(1).map((r) => r[2])).toEqual(['柳州市', '柳州市'])
    expect((await getBytes(server.base, '/api/v1/office/roster.xlsx', tokens['demo-parent'])).status).toBe(403)
  })

  it('issues invite codes once per person and exports them by scope; a code binds once', async () => {
    const issued = await postJson(
      server.base,
      '/api/v1/office/invite-codes',
      {},
      { authorization: `Bearer ${tokens['demo-staff']}` },
    )
    expect(issued.status, JSON.stringify(issued.body)).toBe(200)
    expect(issued.body.issued).toBeGreaterThan(5)
    expect(issued.body.bound).toBeGreaterThan(0)
    const again = await postJson(
      server.base,
      '/api/v1/office/invite-codes',
      {},
      { authorization: `Bearer ${tokens['demo-staff']}` },
    )
    expect(again.body).toMatchObject({ issued: 0, live: issued.body.issued })

    const codes = await server.dataSource.getRepository(InviteCode).find()
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length)
    for (const c of codes) expect(c.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/)

    const teacher = await readSheet(
      (await getBytes(server.base, '/api/v1/office/invite-codes.xlsx', tokens['demo-teacher'])).bytes,
    )
    expect(teacher[0]).toEqual(['所在市', '学校', '学生姓名', '身份', '姓名', '邀请码', '有效期至'])
    expect(teacher.length).toBeGreaterThan(1)
    expect(teacher.slice(1).every((r) => r[1] === '南宁市第三中学')).toBe(true)
    expect(teacher.slice(1).every((r) => r[6] === '2023-12-20')).toBe(true)
    const liuzhou = await readSheet(
      (await getBytes(server.base, '/api/v1/office/invite-codes.xlsx', tokens['staff-liuzhou'])).bytes,
    )
    expect(liuzhou.slice(1).every((r) => r[0] === '柳州市')).toBe(true)
    expect(liuzhou.length).toBeGreaterThan(1)
    expect((await getBytes(server.base, '/api/v1/office/invite-codes.xlsx', tokens['demo-parent'])).status).toBe(403)

    const code = (teacher[1] as string[])[5] as string
    const deps = { dataSource: server.dataSource, clock: fixedClock(NOW) }
    const bound = await bindIdentity(deps, { channel: 'wechat', externalId: 'wx-new-1', code: code.toLowerCase() })
    expect(bound.kind).toBe('bound')
    expect((await bindIdentity(deps, { channel: 'wechat', externalId: 'wx-new-2', code })).kind).toBe('used')
    const late = await bindIdentity(
      { dataSource: server.dataSource, clock: fixedClock('2024-01-01T00:00:00+08:00') },
      { channel: 'wechat', externalId: 'wx-new-3', code: (teacher[2] as string[])[5] as string },
    )
    expect(late.kind).toBe('expired')
  })
})

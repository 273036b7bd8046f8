import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { Guardianship } from '../../entities/guardianship.entity'
import { Person } from '../../entities/person.entity'
import { Student } from '../../entities/student.entity'
import { testDbKinds } from '../helpers/db'
import { chineseDigits, rosterFile, rosterRow, tokenOf, uploadRoster } from '../helpers/office'
import { freshDatabaseUrl, startTestServer, type TestServer } from '../helpers/server'

const PLACES = [
  { 所在市: '南宁市', 县区: '青秀区' },
  { 所在市: '柳州市', 县区: '鱼峰区' },
  { 所在市: '桂林市', 县区: '秀峰区' },
]
const ROWS = 5_000

/** Student n of a big roster: 60 schools over the three cities, a teacher per school, siblings sharing a parent now and then. */
function bigRow(n: number) {
  const place = PLACES[n % 3] as (typeof PLACES)[number]
  const school = `${place.所在市.slice(0, 2)}第${chineseDigits(n % 20)}实验中学`
  const family = n % 10 === 9 ? n - 1 : n
  return rosterRow(n, {
    ...place,
    学校: school,
    学科: ['数学', '物理', '化学', '生物', '计算机'][n % 5] as string,
    指导教师: `教师${chineseDigits(n % 20)}`,
    家长姓名: `家长${chineseDigits(family)}`,
    家长手机: `138${String(family).padStart(8, '0')}`,
  })
}

describe.each(testDbKinds())('a 5,000-row roster in one transaction (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  let token: string
  const rows = Array.from({ length: ROWS }, (_, i) => bigRow(i + 1))

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, clock: fixedClock('2023-11-20T10:00:00+08:00'), demo: true })
    token = await tokenOf(server.base, 'demo-staff')
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  const counts = async () => [
    await server.dataSource.getRepository(Student).count(),
    await server.dataSource.getRepository(Person).count(),
    await server.dataSource.getRepository(Guardianship).count(),
  ]

  it('refuses the whole file when one row is bad, naming it', async () => {
    const before = await counts()
    const bad = rows.slice()
    bad[4321] = { ...(bad[4321] as Record<string, string>), 年级: '高三' }
    const r = await uploadRoster(server.base, token, await rosterFile(bad))
    expect(r.status).toBe(400)
    expect(r.body.error.details).toEqual([{ row: 4323, column: '年级', message: '须为 高一 或 高二（四（二）1）' }])
    expect(await counts()).toEqual(before)
  }, 120_000)

  it('imports 5,000 rows, then imports them again as updates, in reasonable time', async () => {
    const [students, people] = await counts()
    const file = await rosterFile(rows)
    const first = await uploadRoster(server.base, token, file)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ rows: ROWS, created: ROWS, updated: 0, schoolsCreated: 60, teachersCreated: 60 })
    expect(first.body.parentsCreated).toBe(ROWS - Math.floor(ROWS / 10))
    const after = await counts()
    expect(after[0]).toBe((students as number) + ROWS)
    expect(after[1]).toBe((people as number) + ROWS + first.body.parentsCreated + 60)
    expect(after[2]).toBe(ROWS + 2)

    const again = await uploadRoster(server.base, token, file)
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: ROWS })
    const regraded = rows.map((r, i) => (i % 2 ? { ...r, 年级: r.年级 === '高一' ? '高二' : '高一' } : r))
    const third = await uploadRoster(server.base, token, await rosterFile(regraded))
    expect(third.body).toMatchObject({ created: 0, updated: ROWS / 2 })
    expect(await counts()).toEqual(after)
    console.log(
      `[roster 5000 ${kind}] import ${Math.round(first.ms)} ms, unchanged re-import ${Math.round(again.ms)} ms, 2,500 updates ${Math.round(third.ms)} ms`,
    )
    expect(first.ms).toBeLessThan(60_000)
  }, 300_000)
})

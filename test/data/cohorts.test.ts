import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { latestCohortYear, listMilestones } from '../../core/cohorts/list-milestones'
import { ensureBuiltInPrograms, loadProgram } from '../../core/cohorts/load-program'
import { DEMO_HANDLES, isDemoSeeded, seedDemo } from '../../core/cohorts/seed-demo'
import { isDatabaseReady, openDatabase } from '../../core/db'
import { builtInProgram } from '../../core/knowledge/program'
import {
  Activity,
  City,
  Cohort,
  CohortCity,
  Contact,
  District,
  GrowthLog,
  Guardianship,
  IdentityBinding,
  Mentor,
  Milestone,
  Person,
  PersonRole,
  School,
  Student,
  Subject,
  University,
} from '../../entities'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

const clock = fixedClock('2024-03-15T10:00:00+08:00')
const program2023 = builtInProgram(2023)!

const programTables = [Cohort, CohortCity, City, District, University, Subject, Milestone, Contact]
const demoTables = [Person, PersonRole, IdentityBinding, School, Mentor, Student, Guardianship, Activity, GrowthLog]

async function counts(ds: DataSource, tables: Array<new () => object>): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of tables) out[table.name] = await ds.getRepository(table).count()
  return out
}

describe.each(testDbKinds())('cohort data on %s', (kind) => {
  let db: TestDataSource | undefined
  afterEach(async () => {
    await db?.close()
    db = undefined
  })

  it('loads the 2023 program once: every Guangxi city and division, quotas, universities, subjects, milestones, contacts', async () => {
    db = await testDataSource(kind)
    const ds = db.dataSource
    expect(await latestCohortYear(ds)).toBeUndefined()

    expect(await loadProgram(ds, program2023)).toEqual({ loaded: true })
    const first = await counts(ds, programTables)
    expect(first).toEqual({
      Cohort: 1,
      CohortCity: program2023.cities.length,
      City: 14,
      District: 111,
      University: program2023.universities.length,
      Subject: program2023.subjects.names.length,
      Milestone: program2023.milestones.length,
      Contact: program2023.contacts.length,
    })

    expect(await loadProgram(ds, program2023)).toEqual({ loaded: false })
    expect(await ensureBuiltInPrograms(ds)).toEqual([])
    expect(await counts(ds, programTables)).toEqual(first)

    const quotas = await ds
      .getRepository(CohortCity)
      .find({ relations: { city: true }, order: { quota: 'DESC', cityId: 'ASC' } })
    expect(quotas.map((q) => [q.city?.name, q.quota])).toEqual([
      ['南宁市', 30],
      ['柳州市', 15],
      ['桂林市', 15],
    ])
    const nanning = await ds.getRepository(City).findOneByOrFail({ name: '南宁市' })
    const wuming = await ds.getRepository(District).findOneByOrFail({ cityId: nanning.id, name: '武鸣区' })
    expect(wuming.formerNames).toEqual(['武鸣县'])
    const office = await ds.getRepository(Contact).findOneByOrFail({ key: 'office' })
    expect(office).toMatchObject({ phone: '0771-2809218', section: '十一', cityId: null })
    expect(await latestCohortYear(ds)).toBe(2023)
  })

  it('ensureBuiltInPrograms loads what is missing and reports the years', async () => {
    db = await testDataSource(kind)
    expect(await ensureBuiltInPrograms(db.dataSource)).toEqual([2023])
    expect(await ensureBuiltInPrograms(db.dataSource)).toEqual([])
  })

  it("lists the plan's dated steps in date order with CONTRACT §4's shape", async () => {
    db = await testDataSource(kind)
    await ensureBuiltInPrograms(db.dataSource)
    const items = await listMilestones(db.dataSource, 2023)
    expect(items.map((m) => [m.due, m.key])).toEqual([
      ['2023-10-24', 'school_submission'],
      ['2023-10-27', 'city_review'],
      ['2023-11-30', 'meet_and_greet'],
      ['2023-12-31', 'research_direction'],
      ['2024-02-29', 'midterm_evaluation'],
      ['2024-09-30', 'annual_evaluation'],
      ['2024-09-30', 'training_end'],
    ])
    const first = program2023.milestones[0]!
    expect(items[0]).toStrictEqual({
      key: 'school_submission',
      title: first.title,
      due: '2023-10-24',
      section: '九（二）1',
      audience: first.audience,
    })
    const meet = items.find((m) => m.key === 'meet_and_greet')
    expect(Object.keys(meet ?? {}).sort()).toEqual(['audience', 'due', 'key', 'note', 'section', 'title'])
    expect(meet?.note).toBe(program2023.milestones.find((m) => m.key === 'meet_and_greet')?.note)
    expect(await listMilestones(db.dataSource, 1999)).toEqual([])
  })

  it('seeds the demo people once, bound to their handles, with the relations CONTRACT §5 names', async () => {
    db = await testDataSource(kind)
    const ds = db.dataSource
    expect(await isDemoSeeded(ds)).toBe(false)
    // Seeding on an empty database loads the 2023 program it needs.
    expect(await seedDemo(ds, clock)).toEqual({ seeded: true })
    const first = await counts(ds, [...programTables, ...demoTables])
    expect(await seedDemo(ds, clock)).toEqual({ seeded: false })
    expect(await ensureBuiltInPrograms(ds)).toEqual([])
    expect(await counts(ds, [...programTables, ...demoTables])).toEqual(first)
    expect(await isDemoSeeded(ds)).toBe(true)

    const byHandle = async (handle: string) => {
      const binding = await ds.getRepository(IdentityBinding).findOneByOrFail({ channel: 'terminal', externalId: handle })
      return binding.personId
    }
    for (const handle of DEMO_HANDLES) expect(await byHandle(handle)).toBeGreaterThan(0)
    expect(await ds.getRepository(IdentityBinding).countBy({ externalId: 'anonymous' })).toBe(0)

    const studentOf = async (handle: string) =>
      ds.getRepository(Student).findOneOrFail({
        where: { personId: await byHandle(handle) },
        relations: { cohort: true, city: true, school: { district: true }, mentor: { university: true } },
      })
    const one = await studentOf('demo-student')
    expect(one).toMatchObject({ grade: '高一', status: 'active', cohort: { year: 2023 }, city: { name: '南宁市' } })
    expect(one.school).toMatchObject({ name: '南宁市第三中学', district: { name: '青秀区' } })
    expect(one.mentor?.personId).toBe(await byHandle('demo-mentor'))
    expect(one.mentor?.university?.name).toBe('广西大学')
    expect(one.teacherId).toBe(await byHandle('demo-teacher'))
    expect(await ds.getRepository(Guardianship).findBy({ parentId: await byHandle('demo-parent') })).toMatchObject([
      { studentId: one.id },
    ])
    expect(await ds.getRepository(Activity).countBy({ studentId: one.id, kind: 'campus_visit' })).toBe(3)
    expect(await ds.getRepository(GrowthLog).countBy({ studentId: one.id })).toBe(3)

    const two = await studentOf('demo-student-2')
    expect(two.city?.name).toBe('柳州市')
    expect(two.schoolId).not.toBe(one.schoolId)
    expect(two.mentorId).not.toBe(one.mentorId)
    expect(two.mentor?.university?.name).toBe('广西科技大学')
    const parents = await ds.getRepository(Guardianship).findBy({ studentId: two.id })
    expect(parents).toHaveLength(1)
    expect(parents[0]?.parentId).not.toBe(await byHandle('demo-parent'))
    expect(await ds.getRepository(Activity).countBy({ studentId: two.id, kind: 'campus_visit' })).toBe(2)
    expect(await ds.getRepository(GrowthLog).countBy({ studentId: two.id })).toBe(1)

    const staff = await ds.getRepository(PersonRole).findBy({ personId: await byHandle('demo-staff') })
    expect(staff.map((r) => r.role)).toEqual(['office'])

    const days = (await ds.getRepository(Activity).find()).map((a) => a.happenedOn)
    for (const day of days) expect(day >= '2023-10-01' && day <= '2024-09-30').toBe(true)
  })
})

describe('SQLite connection settings', () => {
  it('creates the folder of a sqlite:<path> URL and migrates the new file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'assistant-url-'))
    try {
      const ds = await openDatabase(`sqlite:${join(root, 'nested', 'deeper', 'db.sqlite')}`)
      expect(await isDatabaseReady(ds)).toBe(true)
      await ds.destroy()
      expect(existsSync(join(root, 'nested', 'deeper', 'db.sqlite'))).toBe(true)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })


  it('runs with foreign keys on and in WAL mode', async () => {
    const db = await testDataSource('sqlite')
    try {
      expect(await db.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
      expect(await db.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }])
    } finally {
      await db.close()
    }
  })
})

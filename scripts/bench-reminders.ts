/**
 * `reminders.generate` (CONTRACT §7): every message job run as the scheduler runs it (planned,
 * addressed, written to the outbox) on a cohort of 100,000 students with 1,000,000 activities
 * and growth logs, at the instant most of them fire at once: Monday 2024-09-23 09:00, a week
 * before the annual evaluation (every student, parent, teacher and mentor), with the visit pace,
 * the mentor digest and the missing-log nudges. The cohort is generated first (not timed) and the
 * database left to settle (see settle); the jobs then run in a child process of their own, so `peak_rss_mb` is theirs alone. One line per
 * database. BENCH_STUDENTS sets another size.
 */
import { type Print, onEachDatabase } from './bench-databases'
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { DataSource } from 'typeorm'
import { fixedClock } from '../core/clock'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { datetimeParameter } from '../core/data-source'
import { openDatabase } from '../core/db'
import { messageJobs } from '../core/jobs'
import { Cohort } from '../entities/cohort.entity'
import { City } from '../entities/city.entity'
import { Subject } from '../entities/subject.entity'
import { University } from '../entities/university.entity'

const AT = '2024-09-23T09:00:00+08:00'
const VISITS_PER_STUDENT = 6
const LOGS_PER_STUDENT = 4

/** Inserts rows of literal values (all generated here: numbers and fixed words) in statements of `size` rows. */
async function insertRows(
  ds: DataSource,
  table: string,
  columns: string[],
  rows: Array<Array<string | number | null>>,
  size = 2000,
) {
  const q = (name: string) => ds.driver.escape(name)
  const literal = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES `
  for (let i = 0; i < rows.length; i += size) {
    await ds.query(
      head +
        rows
          .slice(i, i + size)
          .map((r) => `(${r.map(literal).join(', ')})`)
          .join(', '),
    )
  }
}

/** A datetime literal as each database stores one (SQLite keeps milliseconds, MySQL whole seconds). */
function datetime(ds: DataSource, iso: string): string {
  const value = datetimeParameter(ds, new Date(iso))
  return typeof value === 'string' ? value : value.toISOString().replace('T', ' ').slice(0, 19)
}

/** The day `n` days after 2023-10-08, wrapping within the training year. */
function dayOf(n: number): string {
  return new Date(Date.UTC(2023, 9, 8) + (n % 350) * 86_400_000).toISOString().slice(0, 10)
}

/** Generates the cohort: schools, teachers, mentors, students with a parent each, accounts, visits and logs. */
export async function generateCohort(ds: DataSource, students: number): Promise<void> {
  await ensureBuiltInPrograms(ds)
  const cohort = await ds.getRepository(Cohort).findOneByOrFail({ year: 2023 })
  const cities = await ds
    .getRepository(City)
    .find({ where: [{ name: '南宁市' }, { name: '柳州市' }, { name: '桂林市' }] })
  const subject = await ds.getRepository(Subject).findOneByOrFail({ name: '物理' })
  const university = await ds.getRepository(University).findOneByOrFail({ name: '广西大学' })
  const now = datetime(ds, '2023-10-01T00:00:00Z')
  const schools = Math.max(3, Math.round(students / 200))
  const mentors = Math.max(1, Math.round(students / 50))

  await insertRows(
    ds,
    'school',
    ['id', 'name', 'cityId', 'districtId'],
    Array.from({ length: schools }, (_, i) => [
      100_000 + i,
      `测试中学${i}`,
      cities[i % cities.length]?.id as number,
      null,
    ]),
  )
  let person = 1_000_000
  const people: Array<Array<string | number | null>> = []
  const roles: Array<Array<string | number | null>> = []
  const bindings: Array<Array<string | number | null>> = []
  const add = (role: string, schoolId: number | null = null) => {
    const id = person++
    people.push([id, `测试${role}${id}`, null, now])
    roles.push([id, id, role, null, schoolId])
    bindings.push([id, id, 'wechat', `wx-${id}`, now])
    return id
  }
  const teacherIds = Array.from({ length: schools }, (_, i) => add('teacher', 100_000 + i))
  const mentorPeople = Array.from({ length: mentors }, () => add('mentor'))
  const studentRows: Array<Array<string | number | null>> = []
  const guardians: Array<Array<string | number | null>> = []
  for (let i = 0; i < students; i++) {
    const studentPerson = add('student')
    const parent = add('parent')
    const school = i % schools
    studentRows.push([
      100_000 + i,
      studentPerson,
      cohort.id,
      cities[school % cities.length]?.id as number,
      100_000 + school,
      '高一',
      subject.id,
      100_000 + (i % mentors),
      teacherIds[school] as number,
      'active',
    ])
    guardians.push([100_000 + i, parent, 100_000 + i, '母亲'])
  }
  await insertRows(ds, 'person', ['id', 'displayName', 'phone', 'createdAt'], people)
  await insertRows(ds, 'person_role', ['id', 'personId', 'role', 'cityId', 'schoolId'], roles)
  await insertRows(ds, 'identity_binding', ['id', 'personId', 'channel', 'externalId', 'boundAt'], bindings)
  await insertRows(
    ds,
    'mentor',
    ['id', 'personId', 'universityId', 'title', 'subjectId'],
    mentorPeople.map((p, i) => [100_000 + i, p, university.id, '教授', subject.id]),
  )
  await insertRows(
    ds,
    'student',
    ['id', 'personId', 'cohortId', 'cityId', 'schoolId', 'grade', 'subjectId', 'mentorId', 'teacherId', 'status'],
    studentRows,
  )
  await insertRows(ds, 'guardianship', ['id', 'parentId', 'studentId', 'relation'], guardians)

  // Visits spread over the year; the last ones of every student fall in the fortnight before the instant, without a log.
  let activity = 1_000_000
  for (let start = 0; start < students; start += 5000) {
    const visits: Array<Array<string | number | null>> = []
    const logs: Array<Array<string | number | null>> = []
    for (let i = start; i < Math.min(students, start + 5000); i++) {
      for (let v = 0; v < VISITS_PER_STUDENT; v++) {
        const id = activity++
        const day = v < LOGS_PER_STUDENT ? dayOf(i + v * 40) : dayOf(336 + ((i + v) % 14))
        visits.push([
          id,
          100_000 + i,
          cohort.id,
          'campus_visit',
          day,
          '广西大学物理学院',
          null,
          datetime(ds, `${day}T12:00:00+08:00`),
        ])
        if (v < LOGS_PER_STUDENT) {
          logs.push([
            id,
            100_000 + i,
            id,
            day,
            '广西大学物理学院',
            '参加课题组活动，做实验并记录数据。',
            '学会了整理实验记录。',
            'wechat',
            `bench-${id}`,
            datetime(ds, `${day}T20:00:00+08:00`),
          ])
        }
      }
    }
    await insertRows(
      ds,
      'activity',
      ['id', 'studentId', 'cohortId', 'kind', 'happenedOn', 'place', 'title', 'createdAt'],
      visits,
    )
    await insertRows(
      ds,
      'growth_log',
      [
        'id',
        'studentId',
        'activityId',
        'happenedOn',
        'place',
        'content',
        'takeaway',
        'source',
        'clientKey',
        'createdAt',
      ],
      logs,
    )
  }
}

/**
 * This process's own peak resident set, in MB. Linux's VmHWM belongs to the process's memory
 * since its exec; getrusage's maxRSS is not: a forked child inherits the parent's high-water mark
 * (here, the generator's), so it would report the generator's peak, not the jobs'.
 */
function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb) return Math.round(Number(kb) / 1024)
  } catch {
    // Not Linux: maxRSS is the best there is.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

/** In the child process: runs every message job once at AT on the database of `url`; reports seconds, messages and peak RSS. */
async function runJobs(url: string): Promise<{ seconds: number; messages: number; peak_rss_mb: number }> {
  const ds = await openDatabase(url)
  try {
    const clock = fixedClock(AT)
    const started = process.hrtime.bigint()
    for (const job of messageJobs) await job.run({ dataSource: ds, clock })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const messages = Number((await ds.query('SELECT COUNT(*) AS n FROM outbox_message'))[0]?.n ?? 0)
    return {
      seconds: Number(seconds.toFixed(2)),
      messages,
      peak_rss_mb: peakRssMb(),
    }
  } finally {
    await ds.destroy()
  }
}

/**
 * Lets the database finish with the generator's writes before the jobs are timed, as a service's
 * database has long finished with its own when the scheduler fires: SQLite's write-ahead log
 * checkpointed into the file; MySQL/MariaDB's table statistics brought up to date and the
 * buffer pool's dirty pages (half the pool after the generator) written out, waiting at most
 * two minutes for it.
 */
async function settle(ds: DataSource): Promise<void> {
  if (ds.options.type === 'better-sqlite3') {
    await ds.query('PRAGMA wal_checkpoint(TRUNCATE)')
    return
  }
  await ds.query(`ANALYZE TABLE ${GENERATED_TABLES.map((t) => ds.driver.escape(t)).join(', ')}`)
  const dirtyShare = async () => {
    const rows: Array<{ Variable_name: string; Value: string }> = await ds.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total')",
    )
    const value = (name: string) => Number(rows.find((r) => r.Variable_name === name)?.Value ?? 0)
    return value('Innodb_buffer_pool_pages_dirty') / Math.max(1, value('Innodb_buffer_pool_pages_total'))
  }
  for (let waited = 0; waited < 120_000 && (await dirtyShare()) > 0.05; waited += 1000)
    await new Promise((resolve) => setTimeout(resolve, 1000))
}

/** The tables generateCohort fills. */
const GENERATED_TABLES = [
  'school',
  'person',
  'person_role',
  'identity_binding',
  'mentor',
  'student',
  'guardianship',
  'activity',
  'growth_log',
]

/** Generates the cohort on `url`, lets the database settle, then times the jobs in a child process. */
async function measure(url: string, students: number) {
  const ds = await openDatabase(url)
  try {
    await generateCohort(ds, students)
    await settle(ds)
  } finally {
    await ds.destroy()
  }
  const child = fork(__filename, ['--run-jobs', url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise<{ seconds: number; messages: number; peak_rss_mb: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { seconds: number; messages: number; peak_rss_mb: number }))
    child.once('exit', (code) => reject(new Error(`the jobs exited with ${code}`)))
  })
}

/** reminders.generate on SQLite, and on MySQL/MariaDB when TEST_MYSQL_URL is set. */
export function remindersGenerate(print: Print): Promise<void> {
  const students = Number(process.env.BENCH_STUDENTS ?? 100_000)
  const records = students * (VISITS_PER_STUDENT + LOGS_PER_STUDENT)
  return onEachDatabase('reminders.generate', print, async (url) => ({
    students,
    activities_and_logs: records,
    ...(await measure(url, students)),
  }))
}

if (process.argv[2] === '--run-jobs') {
  runJobs(process.argv[3] as string).then(
    (figures) => {
      // Forked by the bench: the figures go back over IPC; run by hand: they are printed.
      if (process.send) process.send(figures)
      else console.log(JSON.stringify(figures))
      process.exit(0)
    },
    (err: unknown) => {
      console.error(`reminders.generate failed: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}

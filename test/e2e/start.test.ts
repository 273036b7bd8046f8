import { type ChildProcess, spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { mysqlTestDataSource } from '../helpers/db'
import { tempSqliteUrl } from '../helpers/server'
import { startMain, stopService } from './service'

const root = `${__dirname}/../..`
const tsx = `${root}/node_modules/.bin/tsx`

let child: ChildProcess | undefined
afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
})

function startService(databaseUrl: string) {
  return startMain({ DATABASE_URL: databaseUrl }, (p) => {
    child = p
  })
}

function rowCounts(path: string) {
  const db = new Database(path, { readonly: true })
  const tables = db
    .prepare(
      // health_probe and rate_limit_window are the running instances' own bookkeeping, not data.
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('migrations', 'health_probe', 'rate_limit_window')",
    )
    .all() as { name: string }[]
  const counts = Object.fromEntries(
    tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  )
  db.close()
  return counts
}

describe('npm start (main.ts)', () => {
  it('serves the 2023 program, stops on SIGTERM, and a second start on the same database adds nothing', async () => {
    const url = tempSqliteUrl('start')
    const first = await startService(url)
    const milestones = (await fetch(`${first.base}/api/v1/milestones?cohort=2023`).then((r) => r.json())) as {
      key: string
      due: string
    }[]
    expect(milestones[0]).toMatchObject({ key: 'school_submission', due: '2023-10-24' })
    expect(await stopService(first.process)).toBe(0)
    const before = rowCounts(url.slice('sqlite:'.length))
    expect(before.milestone).toBeGreaterThan(0)
    expect(before.student).toBeGreaterThan(0)

    const second = await startService(url)
    expect(await fetch(`${second.base}/api/v1/milestones?cohort=2023`).then((r) => r.json())).toEqual(milestones)
    expect(await stopService(second.process)).toBe(0)
    expect(rowCounts(url.slice('sqlite:'.length))).toEqual(before)
  }, 60_000)

  it.skipIf(!process.env.TEST_MYSQL_URL)(
    'on MariaDB too: migrates, loads the program once, and a second start adds nothing',
    async () => {
      const db = await mysqlTestDataSource({ migrate: false })
      const counts = async () => {
        const rows: { n: number | string }[] = await db.dataSource.query(
          'SELECT (SELECT COUNT(*) FROM milestone) + (SELECT COUNT(*) FROM district) + (SELECT COUNT(*) FROM cohort_city) + (SELECT COUNT(*) FROM contact) AS n',
        )
        return Number(rows[0]?.n)
      }
      try {
        const first = await startService(db.url)
        const milestones = await fetch(`${first.base}/api/v1/milestones?cohort=2023`).then((r) => r.json())
        expect((milestones as { due: string }[]).map((m) => m.due)).toContain('2024-02-29')
        expect(await stopService(first.process)).toBe(0)
        const before = await counts()
        expect(before).toBeGreaterThan(100)
        const second = await startService(db.url)
        expect(await fetch(`${second.base}/api/v1/milestones?cohort=2023`).then((r) => r.json())).toEqual(milestones)
        expect(await stopService(second.process)).toBe(0)
        expect(await counts()).toBe(before)
      } finally {
        await db.close()
      }
    },
    90_000,
  )

  it('refuses a bad DATABASE_URL with one readable line and a non-zero exit', () => {
    const r = spawnSync(tsx, ['main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://somewhere/db' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe('DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db')
    expect(r.stdout).toBe('')
  }, 30_000)

  it.each([
    [{ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002' }, 'WECOM_SECRET is required: WeCom is configured without it'],
    [
      { NODE_ENV: 'production', SEED_DEMO: '1' },
      'SEED_DEMO=1 is refused with NODE_ENV=production: demo people never exist in production',
    ],
  ])(
    'refuses to start with %j, in one line',
    (env, line) => {
      const r = spawnSync(tsx, ['main.ts'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: tempSqliteUrl('refused'), ...env },
        encoding: 'utf8',
        timeout: 30_000,
      })
      expect(r.status).toBe(1)
      expect(r.stderr.trim()).toBe(line)
    },
    30_000,
  )

  it('says in one line when the database cannot be reached', () => {
    const r = spawnSync(tsx, ['main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'mysql://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^八桂英才助手 could not start: /)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }, 30_000)
})

import { type ChildProcess, spawn } from 'node:child_process'
import type { DataSource } from 'typeorm'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { ensureBuiltInPrograms } from '../../core/cohorts/load-program'
import { seedDemo } from '../../core/cohorts/seed-demo'
import { createDetectedDataSource } from '../../core/data-source'
import { openDatabase } from '../../core/db'
import { freePort, freshDatabaseUrl, tempSqliteUrl } from '../helpers/server'
import { type DbKind, testDbKinds } from '../helpers/db'
import { stopService, waitHealthy } from './service'

const root = `${__dirname}/../..`
const STARTS = 10
const TABLES = [
  'cohort',
  'city',
  'district',
  'milestone',
  'contact',
  'cohort_city',
  'person',
  'identity_binding',
  'student',
]

let children: ChildProcess[] = []
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  children = []
})

async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const q = ds.options.type === 'better-sqlite3' ? `"${table}"` : `\`${table}\``
    const rows: Array<{ n: number | string }> = await ds.query(`SELECT COUNT(*) AS n FROM ${q}`)
    counts[table] = Number(rows[0]?.n)
  }
  return counts
}

/** What one start writes: the program and the demo people, loaded once into a database of our own. */
async function oneStartsRows(): Promise<Record<string, number>> {
  const ds = await openDatabase(tempSqliteUrl('reference'), async (d) => {
    await ensureBuiltInPrograms(d)
    await seedDemo(d, fixedClock('2023-10-20T10:00:00+08:00'))
  })
  try {
    return await rowCounts(ds)
  } finally {
    await ds.destroy()
  }
}

describe.each(testDbKinds())('%s: ten simultaneous starts on a new database', (kind: DbKind) => {
  it('all become healthy, with one copy of the program and the demo people', async () => {
    const db = await freshDatabaseUrl(kind)
    try {
      const ports = await Promise.all(Array.from({ length: STARTS }, freePort))
      const stderr: string[] = []
      children = ports.map((port) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
          cwd: root,
          env: { ...process.env, PORT: String(port), DATABASE_URL: db.url, SEED_DEMO: '1', LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'ignore', 'pipe'],
        })
        child.stderr?.on('data', (chunk) => stderr.push(String(chunk)))
        return child
      })
      const healthy = await Promise.allSettled(
        ports.map((port, i) => waitHealthy(`http://127.0.0.1:${port}`, children[i] as ChildProcess, 150_000)),
      )
      expect(
        healthy.filter((h) => h.status === 'rejected').map((h) => String((h as PromiseRejectedResult).reason)),
        stderr.join(''),
      ).toEqual([])
      const milestones = await Promise.all(
        ports.map((port) => fetch(`http://127.0.0.1:${port}/api/v1/milestones?cohort=2023`).then((r) => r.json())),
      )
      for (const m of milestones) expect(m).toEqual(milestones[0])

      const ds = await createDetectedDataSource(db.url)
      await ds.initialize()
      try {
        expect(await rowCounts(ds)).toEqual(await oneStartsRows())
      } finally {
        await ds.destroy()
      }
      const exits = await Promise.all(children.map(stopService))
      expect(exits).toEqual(Array(STARTS).fill(0))
    } finally {
      await db.drop()
    }
  }, 200_000)
})

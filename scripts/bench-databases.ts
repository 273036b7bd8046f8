/**
 * The databases a benchmark runs on (CONTRACT §7: one line per database): a fresh SQLite file,
 * and a fresh database on the MySQL/MariaDB server of TEST_MYSQL_URL when it is set. Each is
 * removed afterwards.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'

/** How a benchmark prints its line: `bench <name> key=value …`. */
export type Print = (name: string, figures: Record<string, string | number>) => void

/** Runs `measure` on each benchmark database and prints its figures with `db=sqlite` or `db=mysql`. */
export async function onEachDatabase(
  name: string,
  print: Print,
  measure: (url: string) => Promise<Record<string, string | number>>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`))
  try {
    print(name, { db: 'sqlite', ...(await measure(`sqlite:${join(dir, 'bench.sqlite')}`)) })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const server = process.env.TEST_MYSQL_URL
  if (!server) return
  const database = `bench_${randomBytes(4).toString('hex')}`
  const admin = await createConnection({ uri: server })
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  try {
    const url = new URL(server)
    url.pathname = `/${database}`
    print(name, { db: 'mysql', ...(await measure(url.toString())) })
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
    await admin.end()
  }
}

import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { hostname } from 'node:os'
import Sqlite from 'better-sqlite3'
import { type DataSource, type Migration, MigrationExecutor } from 'typeorm'
import { HealthProbe } from '../entities/health-probe.entity'
import { createDetectedDataSource } from './data-source'
import { within } from './within'

/**
 * Opens the database of a DATABASE_URL and brings its schema up to date by running every
 * pending migration (the service never relies on `synchronize`), then runs `prepare` (loading the
 * program, seeding the demo), all under the startup lock (withStartupLock), so any number of
 * instances starting at once on a new database yield one migrated, loaded database. On SQLite
 * the driver turns foreign keys on and the file runs in WAL mode (see core/data-source.ts).
 * Throws when the database can't be reached or a migration fails; the data source is closed
 * again in that case.
 */
export async function openDatabase(url: string, prepare?: (ds: DataSource) => Promise<void>): Promise<DataSource> {
  const ds = await createDetectedDataSource(url)
  await ds.initialize()
  try {
    sqliteFileOf(ds)
    await withStartupLock(ds, async () => {
      await migrateDatabase(ds)
      await prepare?.(ds)
    })
  } catch (error) {
    await ds.destroy()
    throw error
  }
  return ds
}

/** How long a start waits for another one to finish migrating and loading. */
const STARTUP_LOCK_SECONDS = 120

/**
 * Runs `work` while holding a lock that every instance of the service on the same database
 * takes before it migrates or loads data. MySQL/MariaDB: `GET_LOCK` (named after the database)
 * on a connection of its own, released however `work` ends. SQLite: an exclusive transaction,
 * with a busy timeout, on a companion file `<database>.startup-lock` (the database's own
 * connection has to stay free for the migrations); the operating system drops the lock with
 * the process, so a crashed start never blocks the next. Throws what `work` threw, or when the
 * lock was not had within STARTUP_LOCK_SECONDS.
 */
export async function withStartupLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const type = ds.options.type
  if (type === 'mysql' || type === 'mariadb') {
    const runner = ds.createQueryRunner()
    try {
      const name = `bagui:${String(ds.driver.database ?? '')}`.slice(0, 64)
      const rows: Array<{ got: unknown }> = await runner.query('SELECT GET_LOCK(?, ?) AS got', [
        name,
        STARTUP_LOCK_SECONDS,
      ])
      if (Number(rows[0]?.got) !== 1)
        throw new Error(`another start held the startup lock for ${STARTUP_LOCK_SECONDS} s`)
      try {
        return await work()
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined)
      }
    } finally {
      await runner.release()
    }
  }
  const database = String(ds.options.database ?? '')
  if (type !== 'better-sqlite3' || database === '' || database === ':memory:') return work()
  const lock = new Sqlite(`${database}.startup-lock`, { timeout: STARTUP_LOCK_SECONDS * 1000 })
  try {
    lock.exec('BEGIN EXCLUSIVE')
    return await work()
  } finally {
    lock.close()
  }
}

/**
 * Runs every pending migration in one transaction; returns those it ran. On SQLite, TypeORM
 * switches foreign key enforcement off around migrations, because SQLite changes a table by
 * copying it and dropping the old one, and an enforced drop would delete (CASCADE) or null
 * (SET NULL) the rows pointing at it; each of our migrations checks the keys itself before it
 * commits (entities/migrations/driver-statements.ts). Throws what the failing migration threw.
 */
export async function migrateDatabase(ds: DataSource): Promise<Migration[]> {
  return ds.runMigrations({ transaction: 'all' })
}

/** Reverts the most recent migration, in a transaction; returns its name, or undefined when none had run. */
export async function revertLastMigration(ds: DataSource): Promise<string | undefined> {
  const executed = await new MigrationExecutor(ds).getExecutedMigrations()
  const last = executed.sort((a, b) => b.timestamp - a.timestamp)[0]
  if (!last) return undefined
  await ds.undoLastMigration({ transaction: 'all' })
  return last.name
}

/** Which part of the database check failed: none reached, its file gone, a read, pending migrations, a write, or no answer in time. */
export type ProbeFailure = 'connection' | 'file' | 'read' | 'migrations' | 'write' | 'timeout'

/** What probeDatabase found: ok, or the part that failed and why (for logs and the health reply). */
export type ProbeResult = { ok: true } | { ok: false; failed: ProbeFailure; reason: string }

const INSTANCE = `${hostname()}:${process.pid}`
/** The inode each SQLite data source's file had when first seen: a file deleted or replaced under a running service is noticed. */
const sqliteFiles = new WeakMap<DataSource, { path: string; inode: number }>()

class ProbeFailed extends Error {
  constructor(
    readonly failed: ProbeFailure,
    reason: string,
  ) {
    super(reason)
  }
}

async function step<T>(failed: ProbeFailure, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof ProbeFailed) throw err
    throw new ProbeFailed(failed, err instanceof Error ? err.message.split('\n')[0]! : String(err))
  }
}

/**
 * SQLite keeps writing into a file that was deleted or truncated under it, and those writes are
 * lost; so the file must still be there, be the one opened, and hold at least its header.
 */
function checkSqliteFile(ds: DataSource): void {
  const opened = sqliteFileOf(ds)
  if (!opened) return
  const stat = statSync(opened.path, { throwIfNoEntry: false })
  if (!stat) throw new ProbeFailed('file', `${opened.path} is gone`)
  if (opened.inode !== stat.ino) throw new ProbeFailed('file', `${opened.path} was replaced`)
  if (stat.size < 512) throw new ProbeFailed('file', `${opened.path} was truncated (${stat.size} bytes)`)
}

/** The file a SQLite data source opened and its inode, remembered the first time it is asked (at open); undefined for other databases. */
function sqliteFileOf(ds: DataSource): { path: string; inode: number } | undefined {
  const database = String(ds.options.database ?? '')
  if (ds.options.type !== 'better-sqlite3' || database === ':memory:' || database === '') return undefined
  const known = sqliteFiles.get(ds)
  if (known) return known
  const stat = statSync(database, { throwIfNoEntry: false })
  if (!stat) throw new ProbeFailed('file', `${database} is gone`)
  const opened = { path: database, inode: stat.ino }
  sqliteFiles.set(ds, opened)
  return opened
}

/**
 * Checks the database the way the service uses it: it is connected, (SQLite) its file is the one
 * opened and intact, a read answers, no migration is pending, and a write lands (a row of
 * health_probe is written with a fresh token and read back). Never throws; gives up after
 * `timeoutMs`.
 */
export function probeDatabase(ds: DataSource, timeoutMs = 2_000): Promise<ProbeResult> {
  // Health checks that come in together share one probe: they would otherwise overwrite each other's token.
  const running = probesInFlight.get(ds)
  if (running) return running
  const probe = runProbe(ds, timeoutMs).finally(() => probesInFlight.delete(ds))
  probesInFlight.set(ds, probe)
  return probe
}

const probesInFlight = new WeakMap<DataSource, Promise<ProbeResult>>()

async function runProbe(ds: DataSource, timeoutMs: number): Promise<ProbeResult> {
  const check = async (): Promise<ProbeResult> => {
    if (!ds.isInitialized) throw new ProbeFailed('connection', 'the database is not connected')
    checkSqliteFile(ds)
    await step('read', () => ds.query('SELECT 1'))
    if (await step('read', () => ds.showMigrations())) throw new ProbeFailed('migrations', 'migrations are pending')
    const token = randomBytes(12).toString('hex')
    const probes = ds.getRepository(HealthProbe)
    await step('write', () => probes.upsert({ instance: INSTANCE, token, checkedAt: new Date() }, ['instance']))
    const back = await step('write', () => probes.findOneBy({ instance: INSTANCE }))
    if (back?.token !== token) throw new ProbeFailed('write', 'a written row did not read back')
    return { ok: true }
  }
  try {
    return await within(check(), timeoutMs, () => new ProbeFailed('timeout', `no answer within ${timeoutMs} ms`))
  } catch (err) {
    const failure = err instanceof ProbeFailed ? err : new ProbeFailed('connection', String(err))
    return { ok: false, failed: failure.failed, reason: failure.message }
  }
}

/** True when probeDatabase finds the database connected, migrated, readable and writable. Never throws. */
export async function isDatabaseReady(ds: DataSource): Promise<boolean> {
  return (await probeDatabase(ds)).ok
}

/** Error codes by which the drivers say the database is out of reach, overloaded, gone or broken, rather than that a query was wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_OPTION_PREVENTS_STATEMENT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_FULL',
  'SQLITE_READONLY',
])

/**
 * True when an error means the database is unavailable (down, unreachable, locked, its file gone
 * or broken) rather than that the request was wrong: the server answers those 503 with
 * Retry-After, and the service recovers by itself when the database is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = String((e as { code?: unknown }).code ?? '')
    if (UNAVAILABLE_CODES.has(code) || /^SQLITE_(IOERR|READONLY|CORRUPT|CANTOPEN)/.test(code)) return true
    const name = (e as { name?: unknown }).name
    if (name === 'ConnectionIsNotSetError' || name === 'CannotExecuteNotConnectedError') return true
    if (
      /Pool is closed|Connection lost|connect ETIMEDOUT|Can't add new command when connection is in closed state/i.test(
        String((e as { message?: unknown }).message),
      )
    )
      return true
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause
  }
  return false
}

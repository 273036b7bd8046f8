import { type DataSource, type Migration, MigrationExecutor } from 'typeorm'
import { createDetectedDataSource } from './data-source'

/**
 * Opens the database of a DATABASE_URL and brings its schema up to date by running every
 * pending migration (the service never relies on `synchronize`). On SQLite the driver turns
 * foreign keys on and the file runs in WAL mode (see core/data-source.ts). Throws when the database
 * can't be reached or a migration fails; the data source is closed again in that case.
 */
export async function openDatabase(url: string): Promise<DataSource> {
  const ds = await createDetectedDataSource(url)
  await ds.initialize()
  try {
    await migrateDatabase(ds)
  } catch (error) {
    await ds.destroy()
    throw error
  }
  return ds
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

/** True when the database answers a trivial query and has no pending migration: what /healthz reports. Never throws. */
export async function isDatabaseReady(ds: DataSource): Promise<boolean> {
  try {
    if (!ds.isInitialized) return false
    await ds.query('SELECT 1')
    return !(await ds.showMigrations())
  } catch {
    return false
  }
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

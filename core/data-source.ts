import 'reflect-metadata'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { DataSource, type DataSourceOptions } from 'typeorm'
import { entities } from '../entities'
import { migrations } from '../entities/migrations'

/** The database file of a `sqlite:<path>` URL, or `:memory:`. */
function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length)
  return path === ':memory:' ? path : resolve(path)
}

/** Which server answers a mysql:// URL. */
export type MysqlServer = 'mysql' | 'mariadb'

/**
 * Asks the server of a mysql:// URL whether it is MySQL or MariaDB. TypeORM reads MariaDB's
 * schema correctly only when told (MariaDB reports a nullable column's default as the text
 * NULL), so schema comparisons need to know. Throws when the server can't be reached.
 */
export async function detectMysqlServer(url: string): Promise<MysqlServer> {
  const connection = await createConnection({ uri: url })
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version')
    const version = String((rows as Array<{ version: unknown }>)[0]?.version ?? '')
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql'
  } finally {
    await connection.end()
  }
}

/**
 * TypeORM options for a DATABASE_URL: `sqlite:<path>` (better-sqlite3; the file's folder is
 * created on connect) or `mysql://user:pass@host:port/db` (mysql2, utf8mb4, times in UTC; `server` says
 * whether it is MySQL or MariaDB, see detectMysqlServer, default mysql). Entities and
 * migrations are class lists, never globs; nothing is synchronised or migrated implicitly
 * (see openDatabase in core/db.ts). Throws on any other URL.
 */
export function dataSourceOptions(url: string, server: MysqlServer = 'mysql'): DataSourceOptions {
  if (url.startsWith('sqlite:')) {
    // The better-sqlite3 driver creates the file's folder when it connects, so importing this module touches no disk.
    const database = sqlitePath(url)
    return {
      type: 'better-sqlite3',
      database,
      // WAL lets readers work while the dispatcher writes; foreign keys are switched on by the driver itself.
      enableWAL: database !== ':memory:',
      // Several instances (or a script beside the service) may write at once: wait for the lock rather than fail.
      timeout: 10_000,
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process loses
      // nothing, a power cut at most the last moments; every small write (a dialogue step, a
      // de-duplication row) stops waiting for the disk.
      prepareDatabase: (db: SqliteSetup) => {
        db.pragma('synchronous = NORMAL')
        // 64 MB of page cache instead of SQLite's 2 MB: the outbox's and the activities' indexes stay in memory.
        db.pragma('cache_size = -65536')
        // MySQL's SHA2(text, bits), so the jobs' SQL finds a shared outbox text by its hash on both databases.
        db.function('SHA2', { deterministic: true }, sha2)
      },
      entities,
      migrations,
      synchronize: false,
      migrationsRun: false,
    }
  }
  if (url.startsWith('mysql://')) {
    return {
      type: server,
      connectorPackage: 'mysql2',
      url,
      charset: 'utf8mb4',
      // Instants are written and read as UTC whatever the server's or host's zone.
      timezone: 'Z',
      // A database that does not answer is reported (503, /healthz) within seconds, not after a long TCP wait.
      connectTimeout: 5_000,
      entities,
      migrations,
      synchronize: false,
      migrationsRun: false,
    }
  }
  throw new Error('DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db')
}

/** The part of better-sqlite3's connection prepareDatabase uses. */
interface SqliteSetup {
  pragma(source: string): unknown
  function(name: string, options: { deterministic: boolean }, fn: (...args: unknown[]) => unknown): unknown
}

/** SHA-256 digests computed lately, by text: a job's query hashes a few dozen texts over a million rows. */
const recentSha256 = new Map<string, string>()

/**
 * MySQL's SHA2(text, bits) for SQLite: the hex digest of the text's UTF-8 (0 bits: 256), NULL for
 * NULL text or unknown bits. Remembers the last few thousand SHA-256 digests of texts, so a
 * cohort's reminders hash each distinct text once rather than once a row.
 */
function sha2(text: unknown, bits: unknown): string | null {
  const size = Number(bits) === 0 ? 256 : Number(bits)
  if (text === null || text === undefined || ![224, 256, 384, 512].includes(size)) return null
  const digest = (data: unknown) =>
    createHash(`sha${size}`)
      .update(Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8'))
      .digest('hex')
  if (size !== 256 || typeof text !== 'string') return digest(text)
  let known = recentSha256.get(text)
  if (known === undefined) {
    known = digest(text)
    if (recentSha256.size >= 4096) recentSha256.clear()
    recentSha256.set(text, known)
  }
  return known
}

/** A DataSource (not yet initialised) for a DATABASE_URL; `server` as in dataSourceOptions. */
export function createDataSource(url: string, server?: MysqlServer): DataSource {
  const ds = new DataSource(dataSourceOptions(url, server))
  if (url.startsWith('sqlite:')) serialiseTransactions(ds)
  return ds
}

/**
 * Makes transactions on an embedded SQLite database run one after another. better-sqlite3 is one
 * connection: two transactions begun from different requests or chats at once would nest
 * ("cannot start a transaction within a transaction") and commit each other's work. Waiting
 * costs little, since every statement runs on the one thread anyway. MySQL has a pool and
 * needs none of this.
 */
function serialiseTransactions(ds: DataSource): void {
  const manager = ds.manager
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>
  let tail: Promise<unknown> = Promise.resolve()
  manager.transaction = ((...args: unknown[]) => {
    const run = tail.then(() => begin(...args))
    tail = run.catch(() => undefined)
    return run
  }) as typeof manager.transaction
}

/** A DataSource for a DATABASE_URL that knows, for a mysql:// URL, whether MySQL or MariaDB answers it. */
export async function createDetectedDataSource(url: string): Promise<DataSource> {
  return createDataSource(url, url.startsWith('mysql://') ? await detectMysqlServer(url) : undefined)
}

/**
 * An instant as a raw statement's parameter for a `datetime` column, written as TypeORM writes it
 * for the database: SQLite keeps text in UTC with milliseconds, MySQL takes the Date itself
 * (mysql2 writes it in UTC, the connection's zone).
 */
export function datetimeParameter(ds: DataSource, at: Date): string | Date {
  return ds.options.type === 'better-sqlite3' ? at.toISOString().replace('T', ' ').replace('Z', '') : at
}

/** A `datetime` column's value as a raw query returns it (SQLite: UTC text; MySQL: a Date), as a Date. */
export function datetimeValue(value: unknown): Date {
  if (value instanceof Date) return value
  const text = String(value)
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`)
}

/**
 * Runs a raw statement with `?` placeholders and returns the rows changed (for INSERT, UPDATE,
 * DELETE). For the few statements every chat message runs, where the query builder's own work
 * costs more than the database's.
 */
export async function execute(ds: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  const runner = ds.createQueryRunner()
  try {
    const result = await runner.query(sql, parameters, true)
    return Number(result.affected ?? 0)
  } finally {
    await runner.release()
  }
}

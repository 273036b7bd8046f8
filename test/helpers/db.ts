import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import type { DataSource } from 'typeorm'
import { openDatabase } from '../../core/db'
import { createDetectedDataSource } from '../../core/data-source'

/** The database families a suite can run on. */
export type DbKind = 'sqlite' | 'mysql'

/** A throw-away database for one test file; `close()` disconnects and deletes it. */
export interface TestDataSource {
  kind: DbKind
  url: string
  dataSource: DataSource
  close(): Promise<void>
}

/** How to open the test database: migrated like the service does (default), or connected with an empty schema. */
export interface TestDataSourceOptions {
  migrate?: boolean
}

/** The databases available here: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set. For `describe.each`. */
export function testDbKinds(): DbKind[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite']
}

/** A test data source of the given kind. */
export function testDataSource(kind: DbKind, options: TestDataSourceOptions = {}): Promise<TestDataSource> {
  return kind === 'sqlite' ? sqliteTestDataSource(options) : mysqlTestDataSource(options)
}

async function open(url: string, options: TestDataSourceOptions): Promise<DataSource> {
  if (options.migrate ?? true) return openDatabase(url)
  const ds = await createDetectedDataSource(url)
  await ds.initialize()
  return ds
}

/** A fresh SQLite file in its own temporary folder, removed on close. */
export async function sqliteTestDataSource(options: TestDataSourceOptions = {}): Promise<TestDataSource> {
  const file = join(mkdtempSync(join(tmpdir(), 'assistant-db-')), 'test.sqlite')
  const url = `sqlite:${file}`
  const dataSource = await open(url, options)
  return {
    kind: 'sqlite',
    url,
    dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy()
      rmSync(dirname(file), { recursive: true, force: true })
    },
  }
}

/**
 * A fresh, uniquely named database on the server of TEST_MYSQL_URL, dropped on close, so test
 * files running in parallel never share tables. Throws when TEST_MYSQL_URL is not set.
 */
export async function mysqlTestDataSource(options: TestDataSourceOptions = {}): Promise<TestDataSource> {
  const serverUrl = process.env.TEST_MYSQL_URL
  if (!serverUrl) throw new Error('TEST_MYSQL_URL is not set')
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = await createConnection({ uri: serverUrl })
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let dataSource: DataSource
  try {
    dataSource = await open(url.toString(), options)
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``)
    await admin.end()
    throw error
  }
  return {
    kind: 'mysql',
    url: url.toString(),
    dataSource,
    async close() {
      try {
        if (dataSource.isInitialized) await dataSource.destroy()
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``)
      } finally {
        await admin.end()
      }
    },
  }
}

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

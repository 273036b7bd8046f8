import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { openDatabase } from '../db'
import { ensureBuiltInPrograms } from './load-program'
import { seedDemo } from './seed-demo'

/**
 * Opens the database of DATABASE_URL as `npm start` does: migrated, the built-in programs loaded
 * and, with SEED_DEMO, the demo people seeded, all under the startup lock (core/db.ts), so the
 * service, `npm run chat` and `npm run jobs` started together on a new database load it once.
 * Returns the data source and the cohort years this call loaded. Throws what openDatabase throws.
 */
export async function openLoadedDatabase(
  config: Pick<Config, 'databaseUrl' | 'seedDemo'>,
  clock: Clock,
): Promise<{ dataSource: DataSource; loaded: number[] }> {
  let loaded: number[] = []
  const dataSource = await openDatabase(config.databaseUrl, async (ds) => {
    loaded = await ensureBuiltInPrograms(ds)
    if (config.seedDemo) await seedDemo(ds, clock)
  })
  return { dataSource, loaded }
}

/**
 * `npm run migration:run` (`up`): runs every pending migration on DATABASE_URL.
 * `npm run migration:revert` (`down`): reverts the last migration applied.
 */
import { loadConfig } from '../core/config'
import { migrateDatabase, revertLastMigration } from '../core/db'
import { createDetectedDataSource } from '../core/data-source'

async function main(): Promise<void> {
  const direction = process.argv[2]
  if (direction !== 'up' && direction !== 'down') {
    console.error('usage: tsx scripts/migrate.ts up|down')
    process.exit(2)
  }
  const ds = await createDetectedDataSource(loadConfig().databaseUrl)
  await ds.initialize()
  try {
    if (direction === 'up') {
      const ran = await migrateDatabase(ds)
      console.log(ran.length === 0 ? 'no pending migrations' : `ran ${ran.map((m) => m.name).join(', ')}`)
    } else {
      const reverted = await revertLastMigration(ds)
      console.log(reverted ? `reverted ${reverted}` : 'no migration to revert')
    }
  } finally {
    await ds.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

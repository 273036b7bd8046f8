import 'reflect-metadata'
import { createDataSource } from './core/data-source'

export { createDataSource, createDetectedDataSource, dataSourceOptions, detectMysqlServer } from './core/data-source'
export type { MysqlServer } from './core/data-source'

/**
 * The DataSource the TypeORM CLI uses: DATABASE_URL, or the default embedded database. The
 * service itself never imports this file (core/db.ts uses core/data-source.ts), so a bad
 * DATABASE_URL is reported by the config check, not thrown at import time.
 */
export default createDataSource(process.env.DATABASE_URL || 'sqlite:./data/assistant.sqlite')

import type { QueryRunner } from 'typeorm'

/** One generated statement: SQL, plus its parameters when the schema builder gave any. */
export type Statement = string | [string, unknown[]]

/** A migration's statements for each database family it supports, generated from the same entities. */
export interface DriverStatements {
  sqlite: Statement[]
  mysql: Statement[]
}

/**
 * Runs the statements meant for the query runner's database: SQLite (better-sqlite3) or
 * MySQL/MariaDB. Throws for any other driver rather than guess at its SQL. On SQLite, TypeORM
 * runs migrations with foreign keys unenforced (core/db.ts migrateDatabase says why), so the
 * keys are checked here, inside the transaction: a violation throws and rolls back.
 */
export async function runFor(queryRunner: QueryRunner, statements: DriverStatements, migration: string): Promise<void> {
  const type = queryRunner.connection.driver.options.type
  let list: Statement[]
  if (type === 'better-sqlite3' || type === 'sqlite') list = statements.sqlite
  else if (type === 'mysql' || type === 'mariadb') list = statements.mysql
  else throw new Error(`${migration} has no statements for the ${type} driver`)
  for (const statement of list) {
    if (typeof statement === 'string') await queryRunner.query(statement)
    else await queryRunner.query(statement[0], statement[1])
  }
  if (list !== statements.sqlite) return
  const broken: Array<{ table: string; parent: string }> = await queryRunner.query('PRAGMA foreign_key_check')
  if (broken.length > 0) {
    const where = broken.map((b) => `${b.table} → ${b.parent}`).join(', ')
    throw new Error(`${migration} leaves rows without their parent row: ${where}`)
  }
}

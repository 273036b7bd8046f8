import {
  DataSource,
  type DataSourceOptions,
  type MigrationInterface,
  type QueryRunner,
  TableColumn,
} from 'typeorm'
import { afterEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { seedDemo } from '../../core/cohorts/seed-demo'
import { isDatabaseReady, migrateDatabase, revertLastMigration } from '../../core/db'
import { entities } from '../../entities'
import { GrowthLog, Guardianship, OutboxMessage } from '../../entities'
import { migrations } from '../../entities/migrations'
import { OutboxText1796211025755 } from '../../entities/migrations/1796211025755-OutboxText'
import { runFor } from '../../entities/migrations/driver-statements'
import { dataSourceOptions, datetimeParameter } from '../../core/data-source'
import { outboxPayload } from '../../core/delivery/outbox-payload'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

describe.each(testDbKinds())('migrations on %s', (kind) => {
  let db: TestDataSource | undefined
  afterEach(async () => {
    await db?.close()
    db = undefined
  })

  const tableNames = () => db!.dataSource.entityMetadatas.map((m) => m.tableName)

  async function existingTables(): Promise<string[]> {
    const runner = db!.dataSource.createQueryRunner()
    try {
      const found: string[] = []
      for (const name of tableNames()) if (await runner.hasTable(name)) found.push(name)
      return found
    } finally {
      await runner.release()
    }
  }

  async function pendingSchemaChanges(): Promise<string[]> {
    const sql = await db!.dataSource.driver.createSchemaBuilder().log()
    return sql.upQueries.map((q) => q.query)
  }

  it('go up, all the way down and up again, and then match the entities exactly', async () => {
    db = await testDataSource(kind, { migrate: false })
    const ds = db.dataSource
    expect(await existingTables()).toEqual([])
    expect(await isDatabaseReady(ds)).toBe(false)

    await migrateDatabase(ds)
    expect((await existingTables()).sort()).toEqual(tableNames().sort())
    expect(tableNames()).toHaveLength(entities.length)
    expect(await pendingSchemaChanges()).toEqual([])
    expect(await isDatabaseReady(ds)).toBe(true)

    for (let i = 0; i < migrations.length; i++) await revertLastMigration(ds)
    expect(await existingTables()).toEqual([])

    await migrateDatabase(ds)
    expect((await existingTables()).sort()).toEqual(tableNames().sort())
    expect(await pendingSchemaChanges()).toEqual([])
  })

  it('keep the outbox rows written before the texts were shared, each read with its own text', async () => {
    db = await testDataSource(kind, { migrate: false })
    const before = migrations.slice(0, migrations.indexOf(OutboxText1796211025755))
    const old = new DataSource({ ...dataSourceOptions(db.url), migrations: before } as DataSourceOptions)
    await old.initialize()
    try {
      await migrateDatabase(old)
      const at = datetimeParameter(old, new Date('2024-03-15T02:00:00.000Z'))
      await old.query(
        `INSERT INTO outbox_message (channel, recipient, payload, status, attempts, nextAttemptAt, idempotencyKey, createdAt)
          VALUES ('terminal', 'demo-student', ?, 'pending', 0, ?, 'missing-log:activity:1:1d:1:2024-03-14', ?)`,
        [JSON.stringify({ text: '【成长日志提醒】旧的一条', job: 'missing-log' }), at, at],
      )
    } finally {
      await old.destroy()
    }
    // OutboxText and every migration after it.
    expect((await migrateDatabase(db.dataSource)).map((m) => m.name)).toEqual(
      migrations.slice(migrations.indexOf(OutboxText1796211025755)).map((m) => m.name),
    )
    const rows = await db.dataSource.getRepository(OutboxMessage).find()
    expect(rows.map((r) => [r.textId, outboxPayload(r)])).toEqual([
      [null, { text: '【成长日志提醒】旧的一条', job: 'missing-log' }],
    ])
  })

  it('are applied by openDatabase, and the database then reports ready until it is closed', async () => {
    db = await testDataSource(kind)
    expect(await db.dataSource.showMigrations()).toBe(false)
    expect(await isDatabaseReady(db.dataSource)).toBe(true)
    await db.dataSource.destroy()
    expect(await isDatabaseReady(db.dataSource)).toBe(false)
  })
})

describe('SQLite migrations that rebuild a table', () => {
  const AT = new Date('2024-03-15T02:00:00.000Z')

  /** What TypeORM generates for SQLite when a column changes: copy the table, drop the old one, rename. */
  class WidenGrade1900000000000 implements MigrationInterface {
    name = 'WidenGrade1900000000000'
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.changeColumn(
        'student',
        'grade',
        new TableColumn({ name: 'grade', type: 'varchar', length: '16', isNullable: false }),
      )
      await runFor(queryRunner, { sqlite: [], mysql: [] }, this.name)
    }
    async down(): Promise<void> {}
  }

  class Orphan1900000000001 implements MigrationInterface {
    name = 'Orphan1900000000001'
    async up(queryRunner: QueryRunner): Promise<void> {
      const orphan = `INSERT INTO growth_log (studentId, happenedOn, place, content, takeaway, source, createdAt)
        VALUES (987654, '2023-11-18', 'x', 'x', 'x', 'terminal', '2024-03-15 02:00:00.000')`
      await runFor(queryRunner, { sqlite: [orphan], mysql: [] }, this.name)
    }
    async down(): Promise<void> {}
  }

  async function withExtraMigration(url: string, extra: new () => MigrationInterface): Promise<DataSource> {
    const ds = new DataSource({ ...dataSourceOptions(url), migrations: [...migrations, extra] } as DataSourceOptions)
    await ds.initialize()
    return ds
  }

  it('keep the rows of the tables that point at the rebuilt one, and refuse to commit broken keys', async () => {
    const db = await testDataSource('sqlite')
    let ds: DataSource | undefined
    try {
      await seedDemo(db.dataSource, fixedClock(AT))
      const logs = await db.dataSource.getRepository(GrowthLog).count()
      const parents = await db.dataSource.getRepository(Guardianship).count()
      expect(logs).toBeGreaterThan(0)
      await db.dataSource.destroy()

      ds = await withExtraMigration(db.url, WidenGrade1900000000000)
      expect((await migrateDatabase(ds)).map((m) => m.name)).toEqual(['WidenGrade1900000000000'])
      expect(await ds.getRepository(GrowthLog).count()).toBe(logs)
      expect(await ds.getRepository(Guardianship).count()).toBe(parents)
      expect(await ds.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
      await ds.destroy()

      ds = await withExtraMigration(db.url, Orphan1900000000001)
      await expect(migrateDatabase(ds)).rejects.toThrow(/Orphan1900000000001 leaves rows without their parent row/)
      expect(await ds.getRepository(GrowthLog).count()).toBe(logs)
      expect(await ds.showMigrations()).toBe(true)
    } finally {
      if (ds?.isInitialized) await ds.destroy()
      await db.close()
    }
  })
})

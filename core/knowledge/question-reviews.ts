import type { Database } from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import { datetimeParameter } from '../data-source'
import { QuestionReview } from '../../entities/question-review.entity'
import type { Logger } from '../logger'
import { maskText } from '../privacy/mask'

const SQLITE_INSERT =
  'INSERT INTO "question_review" ("cohortYear", "question", "intent", "confidence", "answer", "createdAt") ' +
  'VALUES (?, ?, ?, ?, ?, ?)'

/** One question kept for the office; the question is masked (core/privacy/mask.ts) before it is queued. */
export interface ReviewRow {
  cohortYear: number
  question: string
  intent: string
  confidence: number
  answer: string
  createdAt: Date
}

const BATCH = 100

/**
 * Keeps low-confidence questions for the office off the request path: `record` only queues (at
 * most `capacity` rows; more are dropped and counted), and a background writer inserts them in
 * batches. Best-effort by design: a person's answer never waits for, or fails with, the database;
 * rows the database refuses are logged and dropped. `close()` writes what is queued (shutdown).
 */
export class ReviewRecorder {
  private queue: ReviewRow[] = []
  private writing: Promise<void> | undefined
  private dropped = 0

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly capacity = 1_000,
  ) {}

  private sqliteInsert: ((rows: ReviewRow[]) => void) | undefined

  /**
   * One batch in one statement or transaction. On SQLite, a statement prepared once in a
   * transaction on the driver's connection: the repository's insert builds and escapes its query
   * anew for every batch, which costs more than the writing.
   */
  private async insert(batch: ReviewRow[]): Promise<void> {
    const ds = this.dataSource
    if (ds.options.type !== 'better-sqlite3') {
      await ds.getRepository(QuestionReview).insert(batch)
      return
    }
    if (!this.sqliteInsert) {
      const db = (ds.driver as unknown as { databaseConnection: Database }).databaseConnection
      const insert = db.prepare(SQLITE_INSERT)
      this.sqliteInsert = db.transaction((rows: ReviewRow[]) => {
        for (const r of rows) {
          insert.run(r.cohortYear, r.question, r.intent, r.confidence, r.answer, datetimeParameter(ds, r.createdAt))
        }
      })
    }
    this.sqliteInsert(batch)
  }

  /** Queues a question for review; returns at once. */
  record(row: ReviewRow): void {
    if (this.queue.length >= this.capacity) {
      this.dropped++
      return
    }
    this.queue.push({ ...row, question: maskText(row.question).slice(0, 500), answer: row.answer.slice(0, 1000) })
    this.writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain())
  }

  /** Writes whatever is queued and waits for it. */
  async close(): Promise<void> {
    await this.writing
    await this.drain()
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH)
        await this.insert(batch).catch((err: unknown) =>
          this.logger.warn({ err, rows: batch.length }, 'could not record questions for review'),
        )
      }
      if (this.dropped > 0) {
        this.logger.warn({ rows: this.dropped }, 'questions for review dropped: the queue was full')
        this.dropped = 0
      }
    } finally {
      this.writing = undefined
    }
  }
}

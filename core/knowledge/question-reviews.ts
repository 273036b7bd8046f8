import type { DataSource } from 'typeorm'
import { QuestionReview } from '../../entities/question-review.entity'
import type { Logger } from '../logger'
import { maskText } from '../privacy/mask'

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
        await this.dataSource
          .getRepository(QuestionReview)
          .insert(batch)
          .catch((err: unknown) =>
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

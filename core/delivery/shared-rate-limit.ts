import type { DataSource, EntityManager } from 'typeorm'
import { windowWithMargin } from './rate-limit'
import type { RatePolicy } from './sender'

/** The prefix of the dispatcher's buckets in rate_limit_window (the HTTP limiter's sweep leaves them alone). */
export const OUTBOX_BUCKET_PREFIX = 'outbox|'

/** How often the sends older than every window are deleted. */
const SWEEP_EVERY_MS = 60_000

/**
 * The same limits as RateLimiter, counted in the database (table rate_limit_window), so that
 * every instance's dispatcher shares them: two instances together send no more to a WeCom
 * member or a group robot than one would. Per key, one row at windowStart 0 serialises the
 * instances (each take locks it first) and holds the platform's block (until, in seconds);
 * the sends are counted per second, in a row per second (windowStart = the second). A send is
 * taken to have happened at the end of its second, so the windows and the least gap are kept
 * conservatively, up to a second longer than asked.
 */
export class DatabaseRateLimiter {
  private readonly sqlite: boolean
  private readonly longestMs: number
  private lastSweep = 0

  constructor(
    private readonly ds: DataSource,
    private readonly policy: RatePolicy,
  ) {
    this.sqlite = ds.options.type === 'better-sqlite3'
    this.longestMs = Math.max(
      this.policy.minGapMs ?? 0,
      ...(this.policy.windows ?? []).map((w) => windowWithMargin(w.perMs)),
    )
  }

  /** The key a message counts against. */
  keyOf(message: { channel: string; recipient: string }): string {
    return this.policy.key(message)
  }

  private bucket(key: string): string {
    return `${OUTBOX_BUCKET_PREFIX}${key}`.slice(0, 191)
  }

  /** Makes sure the key's lock row exists (outside the transaction, so that a race only ignores a duplicate). */
  private async ensureLockRow(bucket: string): Promise<void> {
    await this.ds.query(
      `${this.sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO rate_limit_window (bucket, windowStart, hits) VALUES (?, 0, 0)`,
      [bucket],
    )
  }

  /**
   * Takes a send for `key` at `now` when every instance's sends together leave room (returns 0),
   * or returns how many ms to wait. One short transaction.
   */
  async tryTake(key: string, now: number): Promise<number> {
    const bucket = this.bucket(key)
    await this.ensureLockRow(bucket)
    this.sweep(now)
    return this.ds.transaction(async (m) => {
      // The first statement writes, so SQLite takes its write lock now and MySQL locks the row: one instance at a time.
      await m.query('UPDATE rate_limit_window SET hits = hits WHERE bucket = ? AND windowStart = 0', [bucket])
      const rows: Array<{ windowStart: number | string; hits: number | string }> = await m.query(
        'SELECT windowStart, hits FROM rate_limit_window WHERE bucket = ? AND (windowStart = 0 OR windowStart >= ?) ORDER BY windowStart',
        [bucket, Math.floor((now - this.longestMs) / 1000)],
      )
      const blockedUntil = Number(rows.find((r) => Number(r.windowStart) === 0)?.hits ?? 0) * 1000
      const sends = rows
        .filter((r) => Number(r.windowStart) > 0)
        .flatMap((r) => Array.from({ length: Number(r.hits) }, () => Number(r.windowStart) * 1000 + 999))
      const wait = Math.max(blockedUntil - now, this.waitFor(sends, now))
      if (wait > 0) return wait
      await this.count(m, bucket, Math.floor(now / 1000))
      return 0
    })
  }

  /** How long until a send at `now` keeps every rule, given the earlier sends' times (ascending). */
  private waitFor(sends: number[], now: number): number {
    let wait = 0
    const last = sends[sends.length - 1]
    if (this.policy.minGapMs && last !== undefined) wait = Math.max(wait, last + this.policy.minGapMs - now)
    for (const rule of this.policy.windows ?? []) {
      const span = windowWithMargin(rule.perMs)
      const inWindow = sends.filter((t) => t > now - span)
      if (inWindow.length >= rule.count) {
        wait = Math.max(wait, (inWindow[inWindow.length - rule.count] as number) + span - now)
      }
    }
    return wait
  }

  private async count(m: EntityManager, bucket: string, second: number): Promise<void> {
    await m.query(
      this.sqlite
        ? 'INSERT INTO rate_limit_window (bucket, windowStart, hits) VALUES (?, ?, 1) ON CONFLICT (bucket, windowStart) DO UPDATE SET hits = hits + 1'
        : 'INSERT INTO rate_limit_window (bucket, windowStart, hits) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1',
      [bucket, second],
    )
  }

  /** Stops every instance's sends under `key` until `until` (the platform said the limit was met). */
  async block(key: string, until: number): Promise<void> {
    const bucket = this.bucket(key)
    await this.ensureLockRow(bucket)
    await this.ds.query(
      `UPDATE rate_limit_window SET hits = ${this.sqlite ? 'MAX' : 'GREATEST'}(hits, ?) WHERE bucket = ? AND windowStart = 0`,
      [Math.ceil(until / 1000), bucket],
    )
  }

  /** Deletes the dispatcher's counted seconds that no window reaches any more (every instance may; any one suffices). */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return
    this.lastSweep = now
    // An hour and a half: past the longest window any sender has (WeCom app, 1000 an hour per member, with its margin).
    const before = Math.floor((now - Math.max(this.longestMs, 5_400_000)) / 1000)
    this.ds
      .query('DELETE FROM rate_limit_window WHERE bucket LIKE ? AND windowStart > 0 AND windowStart < ?', [
        `${OUTBOX_BUCKET_PREFIX}%`,
        before,
      ])
      .catch(() => undefined)
  }
}

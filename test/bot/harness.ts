import { Writable } from 'node:stream'
import type { DataSource } from 'typeorm'
import { type Engine, type EngineOptions, createEngine } from '../../bot/engine'
import { databaseStateStore } from '../../bot/state-store'
import type { Inbound, Reply } from '../../bot/types'
import type { Clock } from '../../core/clock'
import { ensureBuiltInPrograms } from '../../core/cohorts/load-program'
import { seedDemo } from '../../core/cohorts/seed-demo'
import { AnswerCache } from '../../core/knowledge/answer-cache'
import { type Logger, createLogger } from '../../core/logger'
import { type DbKind, type TestDataSource, testDataSource } from '../helpers/db'

/** A clock a test moves by hand. */
export interface MovableClock extends Clock {
  set(at: string | Date): void
  advance(ms: number): void
}

/** A clock pinned at `at` that only moves when the test says so. */
export function movableClock(at: string): MovableClock {
  let t = new Date(at).getTime()
  return {
    now: () => new Date(t),
    set: (x) => {
      t = new Date(x).getTime()
    },
    advance: (ms) => {
      t += ms
    },
  }
}

/** A database with the 2023 program and the demo people, an engine on it, and ways to talk to it. */
export interface BotHarness {
  db: TestDataSource
  dataSource: DataSource
  clock: MovableClock
  engine: Engine
  logLines: string[]
  /** A fresh engine on the same database, as after a restart or in a second instance. */
  restart(options?: EngineOptions): Engine
  /** Sends text as a terminal handle (a private chat) and returns the joined replies. */
  say(handle: string, text: string): Promise<string>
  /** Sends any inbound message and returns the replies. */
  send(msg: Partial<Inbound> & { senderId: string; text: string }): Promise<Reply[]>
  close(): Promise<void>
}

/** The demo cohort's pinned moment (CONTRACT's demonstrations use it too). */
export const DEMO_NOW = '2024-03-15T10:00:00+08:00'

/** A debug-level logger whose JSON lines a test can read. */
export function capturedLogger(): { lines: string[]; logger: Logger } {
  const lines: string[] = []
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    }),
  )
  return { lines, logger }
}

/** Opens a harness on a database of the given kind. */
export async function botHarness(kind: DbKind, options: EngineOptions = {}): Promise<BotHarness> {
  const db = await testDataSource(kind)
  const clock = movableClock(DEMO_NOW)
  await ensureBuiltInPrograms(db.dataSource)
  await seedDemo(db.dataSource, clock)
  const { lines: logLines, logger } = capturedLogger()
  const make = (o: EngineOptions) =>
    createEngine(
      { dataSource: db.dataSource, clock, logger, answers: new AnswerCache() },
      { store: databaseStateStore(db.dataSource), ...o },
    )
  const harness: BotHarness = {
    db,
    dataSource: db.dataSource,
    clock,
    engine: make(options),
    logLines,
    restart(o = options) {
      harness.engine = make(o)
      return harness.engine
    },
    async say(handle, text) {
      const replies = await harness.engine.handle({ channel: 'terminal', senderId: handle, text })
      return replies.map((r) => r.text).join('\n')
    },
    send(msg) {
      return harness.engine.handle({ channel: 'terminal', ...msg })
    },
    close: () => db.close(),
  }
  return harness
}

/** The N/10 figures in a reply, in order. */
export function figures(text: string): number[] {
  return [...text.matchAll(/(\d+)\s*\/\s*10/g)].map((m) => Number(m[1]))
}

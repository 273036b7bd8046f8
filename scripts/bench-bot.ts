/**
 * `bot.pipeline` (CONTRACT §7): messages per second and p99 latency through the conversation
 * engine and a channel adapter's own work (message ids, replies split to WeChat's size), on a
 * fresh database with the demo cohort, no LLM.
 * Simulated people talk at once, each waiting for the reply before the next message: most ask
 * questions, some students write growth logs from 写成长日志 to 确认 (a write per message and
 * a saved log per dialogue), others ask for their progress. Each message carries a message id,
 * as the real channels' do, so de-duplication is measured too. One line per database.
 */
import { type Print, onEachDatabase } from './bench-databases'
import pino from 'pino'
import type { DataSource } from 'typeorm'
import { createEngine } from '../bot/engine'
import { WECHAT_TEXT_LIMIT } from '../bot/channels/wechaty'
import { splitReply } from '../bot/split'
import { databaseStateStore } from '../bot/state-store'
import { fixedClock } from '../core/clock'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { seedDemo } from '../core/cohorts/seed-demo'
import { openDatabase } from '../core/db'
import { AnswerCache } from '../core/knowledge/answer-cache'
import { ReviewRecorder } from '../core/knowledge/question-reviews'
import { createLogger } from '../core/logger'
import { IdentityBinding } from '../entities/identity-binding.entity'
import { Person } from '../entities/person.entity'
import { PersonRole } from '../entities/person-role.entity'
import { Student } from '../entities/student.entity'

/** One simulated person's messages, in order. */
type Script = { handle: string; lines: string[] }

function logDialogue(day: number): string[] {
  return [
    '写成长日志',
    `3月${day}日`,
    '广西大学物理学院光学实验室',
    '跟导师团队调节迈克尔逊干涉仪，测量激光波长',
    '明白了干涉条纹与光程差的关系',
    '确认',
  ]
}

/** Adds `count` students to the demo cohort, bound on the terminal as bench-student-<i>. */
async function addStudents(ds: DataSource, count: number, now: Date): Promise<string[]> {
  const template = await ds.getRepository(Student).findOneByOrFail({})
  const handles: string[] = []
  for (let i = 0; i < count; i++) {
    const person = await ds.getRepository(Person).save({ displayName: `测试学生${i}`, phone: null, createdAt: now })
    await ds.getRepository(PersonRole).insert({ personId: person.id, role: 'student', cityId: null, schoolId: null })
    const { id: _id, personId: _p, ...rest } = template
    await ds.getRepository(Student).insert({ ...rest, personId: person.id })
    const handle = `bench-student-${i}`
    await ds
      .getRepository(IdentityBinding)
      .insert({ personId: person.id, channel: 'terminal', externalId: handle, boundAt: now })
    handles.push(handle)
  }
  return handles
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** Runs the pipeline on one database URL; returns the figures. */
async function run(url: string, questions: readonly string[]) {
  const ds = await openDatabase(url)
  const reviews = new ReviewRecorder(ds, createLogger('warn', pino.destination(2)))
  try {
    const clock = fixedClock('2024-03-15T10:00:00+08:00')
    await ensureBuiltInPrograms(ds)
    await seedDemo(ds, clock)
    const students = await addStudents(ds, 80, clock.now())
    const logger = createLogger('warn', pino.destination(2))
    const store = databaseStateStore(ds)
    // The service's own parts: the day's answers and the queue of questions kept for the office.
    const engine = createEngine({ dataSource: ds, clock, logger, answers: new AnswerCache(), reviews }, { store })

    const scripts: Script[] = []
    for (let i = 0; i < 400; i++) {
      scripts.push({
        handle: `bench-guest-${i}`,
        lines: Array.from({ length: 6 }, (_, k) => questions[(i + k) % questions.length] as string),
      })
    }
    for (const [i, handle] of students.entries()) {
      // Every sixth person is a student writing a log, so dialogues and questions are mixed as in service.
      scripts.splice(i * 6, 0, { handle, lines: [...logDialogue(1 + (i % 14)), '我的进度'] })
    }

    let sequence = 0
    // What a channel adapter does around the engine: the message id in, the replies split out.
    const send = async (handle: string, text: string) => {
      const replies = await engine.handle({
        channel: 'terminal',
        senderId: handle,
        text,
        messageId: `bench-${sequence++}`,
      })
      return replies.flatMap((r) => splitReply(r.text, WECHAT_TEXT_LIMIT))
    }
    // Warm-up: every path once (the tokeniser, the places, the answer cache's first entries, the statements).
    for (const q of questions) await send('bench-warm', q)
    for (const line of [...logDialogue(15), '我的进度']) await send('demo-student', line)

    const latencies: number[] = []
    let saved = 0
    // People talking at once; their messages queue on the one thread, as they do in service.
    const concurrency = Number(process.env.BENCH_BOT_CONCURRENCY ?? 8)
    const queue = [...scripts]
    const started = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let s = queue.shift(); s; s = queue.shift()) {
          for (const line of s.lines) {
            const t = process.hrtime.bigint()
            const parts = await send(s.handle, line)
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
            if (parts.some((p) => p.startsWith('已保存'))) saved++
          }
        }
      }),
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    latencies.sort((a, b) => a - b)
    return {
      msgs_per_s: Math.round(latencies.length / seconds),
      p50_ms: Number(percentile(latencies, 50).toFixed(2)),
      p99_ms: Number(percentile(latencies, 99).toFixed(2)),
      messages: latencies.length,
      logs_saved: saved,
      people: scripts.length,
    }
  } finally {
    await reviews.close()
    await ds.destroy()
  }
}

/** bot.pipeline on SQLite, and on MySQL/MariaDB when TEST_MYSQL_URL is set; the guests ask `questions`, the same kinds qa.inprocess times. */
export function botPipeline(print: Print, questions: readonly string[]): Promise<void> {
  return onEachDatabase('bot.pipeline', print, (url) => run(url, questions))
}

/**
 * `npm run bench [-- <prefix>]` — the benchmarks of CONTRACT §7, one line per figure:
 *   bench <name> key=value …
 * Each compares against a baseline measured in the same run where the contract asks for one.
 */
import 'reflect-metadata'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import autocannon from 'autocannon'
import Koa from 'koa'
import { fixedClock } from '../core/clock'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { openDatabase } from '../core/db'
import { answerQuestion } from '../core/knowledge/answer'
import { builtInProgram } from '../core/knowledge/program'
import { createLogger } from '../core/logger'
import { createApp } from '../server/app'
import { listen } from '../server/http'

/** Questions of every kind the assistant answers, in the project's own words. */
const QUESTIONS = [
  '桂林市能选几个学生？',
  '学校最晚哪天把申请表交上去',
  '管理办公室的电话是多少',
  '中期评价什么时候',
  '年度评价要准备哪些材料',
  '我是阳朔中学高二的，物理年级前10%，能报名吗',
  '培养期间要去大学几次',
  '参加要交钱吗',
  '明天天气怎么样',
  '导师都是些什么人',
  '柳州和桂林一共多少名额',
  '师生见面会家长要去吗',
]

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] as number
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits))

function print(name: string, figures: Record<string, string | number>) {
  console.log(
    `bench ${name} ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  )
}

async function qaInProcess() {
  const program = builtInProgram(2023)
  if (!program) throw new Error('no 2023 program')
  const now = new Date('2023-10-20T02:00:00Z')
  for (let i = 0; i < 200; i++) answerQuestion(program, QUESTIONS[i % QUESTIONS.length] as string, now)
  const times: number[] = []
  for (let i = 0; i < 5000; i++) {
    const q = QUESTIONS[i % QUESTIONS.length] as string
    const t = process.hrtime.bigint()
    answerQuestion(program, q, now)
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  times.sort((a, b) => a - b)
  print('qa.inprocess', {
    calls: times.length,
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times[times.length - 1] as number),
  })
}

async function load(url: string, body: string, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 10,
    duration: seconds,
  })
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors }
}

async function httpQa() {
  const quiet = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }))
  const dataSource = await openDatabase(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'assistant-bench-')), 'bench.sqlite')}`,
  )
  await ensureBuiltInPrograms(dataSource)
  const app = createApp({
    dataSource,
    clock: fixedClock('2023-10-20T10:00:00+08:00'),
    logger: quiet,
    config: { qaRateLimitPerMinute: 120, trustProxy: false },
  })
  const bare = new Koa()
  bare.use(async (ctx) => {
    ctx.body = { answer: 'ok', intent: 'baseline', sources: [] }
  })
  const real = await listen(app, 0, '127.0.0.1')
  const baseline = await listen(bare, 0, '127.0.0.1')
  const body = JSON.stringify({ question: '桂林市能选几个学生？' })
  const seconds = Number(process.env.BENCH_SECONDS ?? 5)
  await load(`http://127.0.0.1:${baseline.port}/`, body, 1)
  await load(`http://127.0.0.1:${real.port}/api/v1/qa`, body, 1)
  const base = await load(`http://127.0.0.1:${baseline.port}/`, body, seconds)
  const qa = await load(`http://127.0.0.1:${real.port}/api/v1/qa`, body, seconds)
  await real.close(1000)
  await baseline.close(1000)
  await dataSource.destroy()
  print('http.qa', {
    rps: Math.round(qa.rps),
    baseline_rps: Math.round(base.rps),
    ratio: round(qa.rps / base.rps, 2),
    non2xx: qa.non2xx + qa.errors,
    seconds,
  })
}

const BENCHMARKS: Record<string, () => Promise<void>> = {
  'qa.inprocess': qaInProcess,
  'http.qa': httpQa,
}

async function main() {
  const prefix = process.argv[2] ?? ''
  const chosen = Object.keys(BENCHMARKS).filter((name) => name.startsWith(prefix))
  if (chosen.length === 0) {
    console.error(`no benchmark starts with "${prefix}"; there are: ${Object.keys(BENCHMARKS).join(', ')}`)
    process.exit(1)
  }
  for (const name of chosen) await BENCHMARKS[name]?.()
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})

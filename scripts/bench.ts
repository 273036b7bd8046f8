/**
 * `npm run bench [-- <prefix>]` — the benchmarks of CONTRACT §7, one line per figure:
 *   bench <name> key=value …
 * Each compares against a baseline measured in the same run where the contract asks for one.
 */
import 'reflect-metadata'
import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { answerQuestion } from '../core/knowledge/answer'
import { botPipeline } from './bench-bot'
import { outboxDispatch } from './bench-delivery'
import { remindersGenerate } from './bench-reminders'
import { builtInProgram } from '../core/knowledge/program'

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

/**
 * `answerQuestion` alone over the twelve questions in turn (`qa.inprocess`), or with every
 * question never asked before (`qa.inprocess.unique`: a unique tail, so that nothing the answerer
 * remembers of recent texts — normalised forms, tokens, retrieval scores — helps).
 */
async function qaInProcess(unique = false) {
  const program = builtInProgram(2023)
  if (!program) throw new Error('no 2023 program')
  const now = new Date('2023-10-20T02:00:00Z')
  let n = 0
  const next = () => {
    const q = QUESTIONS[n % QUESTIONS.length] as string
    n++
    return unique ? `${q}${(n - 1).toString(36)}` : q
  }
  for (let i = 0; i < 200; i++) answerQuestion(program, next(), now)
  const times: number[] = []
  for (let i = 0; i < 5000; i++) {
    const q = next()
    const t = process.hrtime.bigint()
    answerQuestion(program, q, now)
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  times.sort((a, b) => a - b)
  print(unique ? 'qa.inprocess.unique' : 'qa.inprocess', {
    calls: times.length,
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times[times.length - 1] as number),
  })
}

/** Loads `url` with POSTs: the given bodies in turn, or a fresh body from `nextBody` for every request. */
async function load(url: string, bodies: string[] | (() => string), seconds: number, connections = 10) {
  const requests =
    typeof bodies === 'function'
      ? [{ method: 'POST' as const, setupRequest: (req: object) => ({ ...req, body: bodies() }) }]
      : bodies.map((body) => ({ method: 'POST' as const, body }))
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests,
    connections,
    duration: seconds,
  })
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

/** Starts scripts/bench-server.ts in its own process and waits for its ports. */
function startBenchServers(): Promise<{ child: ChildProcess; qaPort: number; baselinePort: number }> {
  const child = fork(join(__dirname, 'bench-server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])],
    stdio: 'inherit',
  })
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ...(m as { qaPort: number; baselinePort: number }) }))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

async function httpQa() {
  const { child, qaPort, baselinePort } = await startBenchServers()
  // Each connection cycles through every kind of question; repeated ones come from the day's answer cache, as in service.
  const bodies = QUESTIONS.map((question) => JSON.stringify({ question }))
  const seconds = Number(process.env.BENCH_SECONDS ?? 5)
  const baselineUrl = `http://127.0.0.1:${baselinePort}/`
  const qaUrl = `http://127.0.0.1:${qaPort}/api/v1/qa`
  await load(baselineUrl, bodies, 1)
  await load(qaUrl, bodies, 1)
  const base = await load(baselineUrl, bodies, seconds)
  const qa = await load(qaUrl, bodies, seconds)
  child.disconnect()
  print('http.qa', {
    rps: Math.round(qa.rps),
    baseline_rps: Math.round(base.rps),
    ratio: round(qa.rps / base.rps, 2),
    non2xx: qa.non2xx + qa.errors,
    questions: bodies.length,
    seconds,
  })
}

/**
 * Every request a question never asked before (a known question with a unique tail), so the
 * day's answer cache never answers it: the uncached path, at 50 connections, against the bare
 * Koa route loaded the same way.
 */
async function httpQaUnique() {
  const { child, qaPort, baselinePort } = await startBenchServers()
  let n = 0
  const unique = () => JSON.stringify({ question: `${QUESTIONS[n % QUESTIONS.length]}${(n++).toString(36)}` })
  const seconds = Number(process.env.BENCH_SECONDS ?? 5)
  const connections = 50
  const baselineUrl = `http://127.0.0.1:${baselinePort}/`
  const qaUrl = `http://127.0.0.1:${qaPort}/api/v1/qa`
  await load(baselineUrl, unique, 1, connections)
  await load(qaUrl, unique, 1, connections)
  const base = await load(baselineUrl, unique, seconds, connections)
  const qa = await load(qaUrl, unique, seconds, connections)
  child.disconnect()
  print('http.qa.unique', {
    rps: Math.round(qa.rps),
    baseline_rps: Math.round(base.rps),
    ratio: round(qa.rps / base.rps, 2),
    p99_ms: qa.p99,
    baseline_p99_ms: base.p99,
    non2xx: qa.non2xx + qa.errors,
    connections,
    seconds,
  })
}

const BENCHMARKS: Record<string, () => Promise<void>> = {
  'qa.inprocess': () => qaInProcess(),
  'qa.inprocess.unique': () => qaInProcess(true),
  'http.qa': httpQa,
  'http.qa.unique': httpQaUnique,
  'bot.pipeline': () => botPipeline(print, QUESTIONS),
  'reminders.generate': () => remindersGenerate(print),
  'outbox.dispatch': () => outboxDispatch(print),
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

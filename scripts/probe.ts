/**
 * `npm run probe [-- <count>] [-- http://host:port]` — sends malformed requests (methods,
 * headers, bodies, encodings, paths; 15,000 by default) over raw TCP and counts the answers by
 * status; any 5xx is a failure (exit code 1). Without a URL it starts the service's app on a
 * fresh SQLite database of its own. One line per run:
 *   probe requests=15000 5xx=0 no_answer=… statuses=200:…,400:…
 */
import 'reflect-metadata'
import { connect } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fixedClock } from '../core/clock'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { openDatabase } from '../core/db'
import { createLogger } from '../core/logger'
import { createApp } from '../server/app'
import { listen } from '../server/http'

/** What a probe run saw. */
export interface ProbeReport {
  requests: number
  statuses: Record<string, number>
  /** Requests answered 5xx, with what was sent (cut to 300 characters). */
  failures: Array<{ status: number; request: string }>
  /** Connections closed or timed out without a status line (a body cut short on purpose, a refused upgrade). */
  noAnswer: number
}

/** A small deterministic generator (mulberry32), so a failing request can be reproduced from its seed. */
export function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Next = () => number
const pick = <T>(next: Next, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
  'TRACE',
  'MKCOL',
  'LOCK',
  'get',
  'FOO',
  'P0ST',
  'SEARCH',
  'X'.repeat(40),
]
const PATHS = [
  '/api/v1/qa',
  '/api/v1/eligibility',
  '/api/v1/milestones',
  '/api/v1/milestones?cohort=2023',
  '/api/v1/milestones?cohort=abc',
  '/api/v1/milestones?cohort=2023&cohort=2024',
  '/api/v1/milestones?cohort[]=1',
  '/api/v1/milestones?cohort=%00',
  '/api/v1/milestones?cohort=1e400',
  '/api/v1/milestones?cohort=-0',
  '/healthz',
  '/healthz?x=%',
  '/',
  '/%',
  '/%E4%B8',
  '/..%2f..%2fetc%2fpasswd',
  '//api/v1/qa',
  '/api/v1/qa/',
  '/api/v1/QA',
  '/api/v1/qa?question=名额',
  '/api/v1/students/%E5%BC%A0%E4%B8%89/progress',
  '/api/v1/qa#frag',
  '*',
  'http://evil.example/api/v1/qa',
  `/${'a'.repeat(5000)}`,
  '/api/v1/qa;jsessionid=1',
  '/api/v1/\u0000',
]
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=gbk',
  'application/json; charset=utf-16le',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  '',
  'application/json, text/html',
  '*/*',
]
const BODIES = [
  '{"question":"南宁市选多少个学生？"}',
  '{"question":""}',
  '{"question":null}',
  '{"question":["名额"]}',
  '{"question":{"$gt":""}}',
  '{"question":"\\ud800"}',
  '{"question":"\\u0000\\u0000"}',
  `{"question":"${'名'.repeat(600)}"}`,
  `{"question":"${'😀'.repeat(300)}"}`,
  '{"question":"名额","cohort":"2023"}',
  '{"question":"名额","cohort":1e309}',
  '{"question":"名额","cohort":-1}',
  '{"question":"名额","cohort":2023.5}',
  '{"__proto__":{"question":"x"},"constructor":{"prototype":{"polluted":1}}}',
  '{"city":"南宁","grade":"高一","subjectRankPercent":"ten"}',
  '{"subjectRankPercent":1e309}',
  '{"awards":[null]}',
  '{"awards":"all"}',
  '{"patents":[{"type":"invention","granted":"yes"}]}',
  `{"awards":[${Array(60).fill('{"category":"other","level":"school"}').join(',')}]}`,
  '[]',
  'null',
  '"question"',
  '42',
  '{question:1}',
  '{"question":"名额"',
  '\u00ef\u00bb\u00bf{"question":"名额"}',
  '',
  ' ',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  'question=名额',
  '{"question":"名额"}{"question":"名额"}',
]

function randomBytesOf(next: Next, n: number): Buffer {
  const out = Buffer.alloc(n)
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256)
  return out
}

/** One malformed (or merely odd) request as raw bytes; `cutShort` when it ends before its declared body. */
export function malformedRequest(next: Next): { bytes: Buffer; cutShort: boolean } {
  const method = pick(next, METHODS)
  const path = pick(next, PATHS)
  const kind = Math.floor(next() * 10)
  let body: Buffer =
    kind === 0 ? randomBytesOf(next, Math.floor(next() * 200)) : Buffer.from(pick(next, BODIES), 'utf8')
  if (kind === 1) body = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1])
  if (kind === 2) body = Buffer.from(pick(next, BODIES), 'utf16le')
  const headers: string[] = [`Host: ${pick(next, ['localhost', '', 'a'.repeat(300), '[::1]', 'evil.example:99999'])}`]
  const type = pick(next, CONTENT_TYPES)
  if (type) headers.push(`Content-Type: ${type}`)
  let declared = String(body.length)
  let cutShort = false
  const framing = Math.floor(next() * 12)
  if (framing === 0) declared = String(body.length + 10 + Math.floor(next() * 100))
  if (framing === 1) declared = '-1'
  if (framing === 2) declared = 'abc'
  if (framing === 3) declared = `${body.length}, ${body.length + 1}`
  if (framing === 4) declared = '99999999999'
  if (framing === 0) cutShort = true
  let payload = body
  if (framing === 5) {
    headers.push('Transfer-Encoding: chunked')
    payload = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
  } else if (framing === 6) {
    headers.push('Transfer-Encoding: chunked')
    payload = Buffer.concat([Buffer.from('zz\r\n'), body, Buffer.from('\r\n')])
  } else if (framing === 7) {
    headers.push('Transfer-Encoding: chunked', `Content-Length: ${body.length}`)
  } else if (framing !== 8) {
    headers.push(`Content-Length: ${declared}`)
  }
  const extra = Math.floor(next() * 14)
  if (extra === 0) headers.push('Content-Encoding: gzip')
  if (extra === 1) headers.push('Content-Encoding: br, deflate')
  if (extra === 2)
    headers.push(`X-Forwarded-For: ${pick(next, ['1.2.3.4', 'garbage', '', '::1, 127.0.0.1', ','.repeat(100)])}`)
  if (extra === 3) headers.push(`X-Big: ${'x'.repeat(20_000)}`)
  if (extra === 4) headers.push('Expect: 100-continue')
  if (extra === 5) headers.push('Bad Header: x', 'X-Ctl: a\u0001b')
  if (extra === 6) headers.push('Connection: upgrade', 'Upgrade: websocket')
  if (extra === 7) headers.push('Origin: https://evil.example', 'Access-Control-Request-Method: POST')
  if (extra === 8) headers.push('Accept-Encoding: gzip', 'Accept: text/html')
  if (extra === 9) headers.push(`Cookie: ${'a=b; '.repeat(500)}`)
  if (extra === 10) headers.push('Content-Type: application/json', 'Content-Type: text/plain')
  if (extra === 11) headers.push('Authorization: Bearer \u00ff\u00fe')
  const version = pick(next, ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'HTTX/1.1'])
  const head = Buffer.from(
    `${method} ${path} ${version}\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`,
    'latin1',
  )
  return { bytes: Buffer.concat([head, payload]), cutShort }
}

/** Sends one request on its own connection; resolves with the status, or undefined when none came. */
function send(
  host: string,
  port: number,
  bytes: Buffer,
  cutShort: boolean,
  timeoutMs: number,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    let answer = ''
    const socket = connect(port, host, () => {
      socket.write(bytes)
      if (cutShort) socket.end()
    })
    const done = () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer)
      socket.destroy()
      resolve(match ? Number(match[1]) : undefined)
    }
    socket.setTimeout(timeoutMs, done)
    socket.on('data', (chunk) => {
      // An interim 100 Continue is not the answer: skip it and wait for the final status line.
      answer = (answer + chunk.toString('latin1')).replace(/^HTTP\/1\.[01] 1\d\d[^\r]*\r\n(?:[^\r]+\r\n)*\r\n/, '')
      if (/^HTTP\/1\.[01] \d{3}/.test(answer)) done()
    })
    socket.on('error', done)
    socket.on('close', done)
  })
}

/** Sends `count` malformed requests to `host:port`, `concurrency` at a time, from `seed`. */
export async function probe(
  target: { host: string; port: number },
  count: number,
  options: { seed?: number; concurrency?: number; timeoutMs?: number } = {},
): Promise<ProbeReport> {
  const next = random(options.seed ?? 20231024)
  const report: ProbeReport = { requests: 0, statuses: {}, failures: [], noAnswer: 0 }
  let issued = 0
  const worker = async () => {
    while (issued < count) {
      issued++
      const { bytes, cutShort } = malformedRequest(next)
      const status = await send(target.host, target.port, bytes, cutShort, options.timeoutMs ?? 2_000)
      report.requests++
      if (status === undefined) {
        report.noAnswer++
        continue
      }
      report.statuses[status] = (report.statuses[status] ?? 0) + 1
      if (status >= 500) report.failures.push({ status, request: bytes.toString('latin1').slice(0, 300) })
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 32 }, worker))
  return report
}

/** The app on a fresh SQLite database of its own, quiet, loopback unlimited (the probe is one client). */
async function startOwnService() {
  const dataSource = await openDatabase(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'assistant-probe-')), 'probe.sqlite')}`,
    async (ds) => {
      await ensureBuiltInPrograms(ds)
    },
  )
  const logger = createLogger('info', new Writable({ write: (_c, _e, done) => done() }))
  const app = createApp({
    dataSource,
    clock: fixedClock('2023-10-20T10:00:00+08:00'),
    logger,
    config: { qaRateLimitPerMinute: 120, trustProxy: 1, exemptLoopback: true },
  })
  const running = await listen(app, 0, '127.0.0.1')
  return {
    port: running.port,
    stop: async () => {
      await running.close(1000)
      await dataSource.destroy()
    },
  }
}

async function main() {
  const args = process.argv.slice(2)
  const url = args.find((a) => /^https?:\/\//.test(a))
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 15_000)
  const own = url ? undefined : await startOwnService()
  const target = url
    ? { host: new URL(url).hostname, port: Number(new URL(url).port || 80) }
    : { host: '127.0.0.1', port: own!.port }
  const started = Date.now()
  const report = await probe(target, count)
  await own?.stop()
  const statuses = Object.entries(report.statuses)
    .map(([s, n]) => `${s}:${n}`)
    .join(',')
  console.log(
    `probe requests=${report.requests} 5xx=${report.failures.length} no_answer=${report.noAnswer} seconds=${((Date.now() - started) / 1000).toFixed(1)} statuses=${statuses}`,
  )
  for (const f of report.failures.slice(0, 10)) console.log(`  ${f.status} ← ${JSON.stringify(f.request)}`)
  process.exit(report.failures.length > 0 ? 1 : 0)
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`probe failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import Database from 'better-sqlite3'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort, tempSqliteUrl } from '../helpers/server'
import { waitHealthy } from './service'

const root = `${__dirname}/../..`

let child: ChildProcess | undefined
afterEach(() => {
  // The whole group: should the signal not have reached the service, npm's children must not outlive the test.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  child = undefined
})

interface LoadResult {
  answered: number
  toldToClose: number
  lost: string[]
}

/** One request over a keep-alive agent; resolves with the status, or rejects with the socket's error code. */
function send(agent: Agent, port: number, i: number) {
  return new Promise<{ status: number; close: boolean }>((resolve, reject) => {
    const qa = i % 2 === 0
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: qa ? 'POST' : 'GET',
        path: qa ? '/api/v1/qa' : '/api/v1/milestones?cohort=2023',
        headers: qa ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, close: res.headers.connection === 'close' }))
      },
    )
    req.on('error', (err: NodeJS.ErrnoException) => reject(err.code ?? err.message))
    req.end(qa ? JSON.stringify({ question: `南宁市选多少个学生？第${i}问` }) : undefined)
  })
}

/**
 * Keeps `connections` keep-alive clients busy until the server refuses new connections. A request
 * refused before it was accepted (ECONNREFUSED) was never sent; any other error is a lost request.
 */
async function loadUntilRefused(port: number, connections: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const result: LoadResult = { answered: 0, toldToClose: 0, lost: [] }
  let i = 0
  const worker = async () => {
    for (;;) {
      try {
        const r = await send(agent, port, i++)
        if (r.status !== 200) result.lost.push(`status ${r.status}`)
        result.answered++
        if (r.close) result.toldToClose++
      } catch (code) {
        if (code !== 'ECONNREFUSED') result.lost.push(String(code))
        return
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  agent.destroy()
  return result
}

/** Starts `command`, loads it, sends SIGTERM to the process the command started, and reports. */
async function stopUnderLoad(command: string, args: string[], env: Record<string, string>) {
  const port = await freePort()
  child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', QA_RATE_LIMIT_PER_MIN: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const proc = child
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  await waitHealthy(`http://127.0.0.1:${port}`, proc)
  const load = loadUntilRefused(port, 8)
  await new Promise((r) => setTimeout(r, 700))
  const signalled = Date.now()
  proc.kill('SIGTERM')
  const code = await exited
  const seconds = (Date.now() - signalled) / 1000
  return { code, seconds, load: await load }
}

describe('a stop signal under load stops the whole service gracefully', () => {
  it('npm start: the signal to npm reaches the service; no request lost, exit 0 within 5 s', async () => {
    const { code, seconds, load } = await stopUnderLoad('npm', ['start', '--silent'], {
      DATABASE_URL: tempSqliteUrl('stop'),
    })
    expect(code).toBe(0)
    expect(seconds).toBeLessThan(5)
    expect(load.lost).toEqual([])
    expect(load.answered).toBeGreaterThan(20)
    expect(load.toldToClose, 'keep-alive clients are told Connection: close').toBeGreaterThan(0)
  }, 60_000)

  describe('the production start (npm run build, then node dist/main.js)', () => {
    beforeAll(() => {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 120_000 })
      expect(build.status, build.stderr).toBe(0)
    }, 130_000)

    it('no request lost, exit 0 within 5 s, and no demo people in production', async () => {
      const url = tempSqliteUrl('stop-prod')
      const { code, seconds, load } = await stopUnderLoad('node', ['dist/main.js'], {
        NODE_ENV: 'production',
        DATABASE_URL: url,
      })
      expect(code).toBe(0)
      expect(seconds).toBeLessThan(5)
      expect(load.lost).toEqual([])
      expect(load.answered).toBeGreaterThan(20)
      const db = new Database(url.slice('sqlite:'.length), { readonly: true })
      const people = db.prepare('SELECT COUNT(*) AS n FROM person').get() as { n: number }
      const cohorts = db.prepare('SELECT COUNT(*) AS n FROM cohort').get() as { n: number }
      db.close()
      expect([people.n, cohorts.n]).toEqual([0, 1])
    }, 60_000)
  })
})

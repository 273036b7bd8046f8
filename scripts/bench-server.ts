/**
 * The servers `npm run bench` loads, in a process of their own so that the load generator does
 * not share their event loop: the real app as production runs it (on a fresh SQLite database
 * with the 2023 program, every request counted by the rate limiter)
 * and a bare Koa JSON route (reads the JSON body, answers JSON) as the baseline. Reports both ports to the parent over IPC.
 */
import 'reflect-metadata'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Koa from 'koa'
import { fixedClock } from '../core/clock'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { openDatabase } from '../core/db'
import { createLogger } from '../core/logger'
import { createApp } from '../server/app'
import { listen } from '../server/http'

async function serve() {
  const quiet = createLogger('info', new Writable({ write: (_c, _e, done) => done() }))
  const dataSource = await openDatabase(
    `sqlite:${join(mkdtempSync(join(tmpdir(), 'assistant-bench-')), 'bench.sqlite')}`,
  )
  await ensureBuiltInPrograms(dataSource)
  const app = createApp({
    dataSource,
    clock: fixedClock('2023-10-20T10:00:00+08:00'),
    logger: quiet,
    // Rate limits counted as in production (the database store, one upsert per request): the
    // load generator is loopback, which development exempts, so the exemption is off and the
    // limit is set beyond what any run reaches, so that nothing is refused but everything counted.
    config: { qaRateLimitPerMinute: 100_000_000, trustProxy: 0, exemptLoopback: false },
  })
  // The baseline is the least a JSON route does: read the request's JSON (the same way the app's
  // jsonBody does), answer JSON. Nothing else.
  const bare = new Koa()
  bare.use(async (ctx) => {
    const text = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      ctx.req.on('data', (chunk: Buffer) => chunks.push(chunk))
      ctx.req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      ctx.req.once('error', reject)
    })
    const { question } = JSON.parse(text) as { question: string }
    ctx.body = { answer: question, intent: 'baseline', sources: [] }
  })
  const real = await listen(app, 0, '127.0.0.1')
  const baseline = await listen(bare, 0, '127.0.0.1')
  process.send?.({ qaPort: real.port, baselinePort: baseline.port })
  process.on('disconnect', async () => {
    await real.close(500)
    await baseline.close(500)
    await dataSource.destroy()
    process.exit(0)
  })
}

serve().catch((err: unknown) => {
  console.error(`bench server failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})

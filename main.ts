import 'reflect-metadata'
import { readFileSync } from 'node:fs'
import { openLoadedDatabase } from './core/cohorts/open-loaded-database'
import { wecomOAuth } from './core/auth/platform-login'
import { createClock } from './core/clock'
import { ConfigError, loadConfig } from './core/config'
import { jobs } from './core/jobs'
import { startScheduler } from './core/jobs/scheduler'
import { answerQuestion } from './core/knowledge/answer'
import { ReviewRecorder } from './core/knowledge/question-reviews'
import { parsePlanText } from './core/knowledge/plan-text'
import { savePlanArticles } from './core/knowledge/plan-articles'
import { builtInProgram } from './core/knowledge/program'
import { createLlm } from './core/llm'
import { createLogger } from './core/logger'
import { type Closer, stopOnSignals } from './core/shutdown'
import { startChannels, startWecomCallbackChannel } from './bot/channels'
import { startDelivery } from './core/delivery/start-delivery'
import { createEngine } from './bot/engine'
import { AnswerCache } from './core/knowledge/answer-cache'
import { createApp } from './server/app'
import { listen } from './server/http'
import { databaseRateLimitStore } from './server/middlewares/rate-limit'
import { redisRateLimitStore } from './server/middlewares/redis-rate-limit'

/** Wires config → database → core → HTTP server and scheduler, and stops them in order on SIGTERM/SIGINT (closers). */
async function main() {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const clock = createClock(config.pinnedNow)
  // Migrations, the program and the demo people under one lock: simultaneous starts do it once.
  const { dataSource, loaded } = await openLoadedDatabase(config, clock)
  if (config.planTextFile) {
    const cohort = builtInProgram()?.cohort
    if (cohort) {
      const count = await savePlanArticles(dataSource, cohort, parsePlanText(readFileSync(config.planTextFile, 'utf8')))
      logger.info({ cohort, articles: count }, 'plan text loaded')
    }
  }
  // Answer one question before serving: it loads the tokeniser's dictionary (~0.2 s), so the first person does not wait for it.
  const program = builtInProgram()
  if (program) answerQuestion(program, '名额', clock.now())
  const llm = config.llm ? createLlm(config.llm) : undefined
  const answers = new AnswerCache()
  const reviews = new ReviewRecorder(dataSource, logger)
  const engine = createEngine(
    { dataSource, clock, logger, llm, answers, reviews },
    { perMinute: config.botRatePerMinute },
  )
  // The callback's replies are queued in the outbox; the dispatcher (started below) is woken for them.
  let delivery: ReturnType<typeof startDelivery> | undefined
  const wecomApp = startWecomCallbackChannel({ engine, logger, dataSource, clock }, config, () => delivery?.wake())
  const wecomCallback = wecomApp && { keys: wecomApp.keys, receive: wecomApp.app.receive }
  const oauth = wecomOAuth({ dataSource, clock }, config.wecom)
  // With REDIS_URL the limits are counted in Redis, and in the database while Redis is away.
  const rateLimits = config.redisUrl
    ? redisRateLimitStore(config.redisUrl, { fallback: databaseRateLimitStore(dataSource, { logger }), logger })
    : undefined
  const app = createApp({
    dataSource,
    clock,
    logger,
    config,
    llm,
    answers,
    reviews,
    rateLimits,
    wecomCallback,
    wecomOAuth: oauth,
  })
  const http = await listen(app, config.port, config.host)
  const scheduler = startScheduler(jobs, { dataSource, clock, logger, llm }, logger)
  const channels = await startChannels({ engine, logger, dataSource, clock }, config)
  delivery = startDelivery({ dataSource, clock, logger }, config, channels)
  logger.info(
    {
      port: http.port,
      database: config.database.kind,
      programs: loaded,
      demo: config.seedDemo,
      llm: Boolean(llm),
      channels: channels.names,
    },
    `八桂英才助手 listening on http://127.0.0.1:${http.port}`,
  )

  // Stopped in this order: what takes work in first (HTTP finishes its requests in flight, the
  // dispatcher its sends, the channels their messages), then what works in the background, the database last. A new
  // component that must be stopped gets its line here.
  const closers: Closer[] = [
    { name: 'http', close: () => http.close(3_000, 300) },
    { name: 'wecom callback', close: async () => wecomApp?.stop() },
    { name: 'outbox dispatcher', close: () => delivery.stop() },
    { name: 'channels', close: () => channels.stop() },
    { name: 'scheduler', close: () => scheduler.stop() },
    { name: 'question reviews', close: () => reviews.close() },
    { name: 'rate limits', close: async () => rateLimits?.close() },
    { name: 'database', close: () => dataSource.destroy() },
  ]
  stopOnSignals(closers, logger)
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    const message = err instanceof Error ? err.message : String(err)
    console.error(`八桂英才助手 could not start: ${message.split('\n')[0]}`)
  }
  process.exit(1)
})

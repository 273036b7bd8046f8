import cors from '@koa/cors'
import Router from '@koa/router'
import Koa from 'koa'
import helmet from 'koa-helmet'
import type { DataSource } from 'typeorm'
import type { Clock } from '../core/clock'
import type { Config } from '../core/config'
import { AnswerCache } from '../core/knowledge/answer-cache'
import type { ReviewRecorder } from '../core/knowledge/question-reviews'
import type { Llm } from '../core/llm'
import type { Logger } from '../core/logger'
import { jsonBody } from './middlewares/body'
import { errors } from './middlewares/errors'
import { databaseRateLimitStore, isLoopback, type RateLimitStore, rateLimit } from './middlewares/rate-limit'
import { requestLog } from './middlewares/request-log'
import { eligibilityRoutes } from './routes/eligibility/eligibility'
import { healthRoutes } from './routes/health/health'
import { milestoneRoutes } from './routes/milestones/milestones'
import { qaRoutes } from './routes/qa/qa'

/** What the HTTP app needs from the running service. */
export interface AppDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  config: Pick<Config, 'qaRateLimitPerMinute' | 'trustProxy'> &
    Partial<Pick<Config, 'corsOrigins'>> & {
      /**
       * Leave loopback callers unlimited: only in development and tests, where the chat, scripts
       * and checks run on the same host. Never in production, where a reverse proxy on the same
       * host would make every client loopback.
       */
      exemptLoopback?: boolean
    }
  llm?: Llm
  answers?: AnswerCache
  /** Where low-confidence questions are queued for the office (one per service, flushed at shutdown). */
  reviews?: ReviewRecorder
  /** Where rate limits are counted; by default the database, so that every instance shares them. */
  rateLimits?: RateLimitStore
}

/** Builds the Koa app: error shape, request log, security headers, CORS, JSON bodies, rate limits on the public question routes, and the routes. */
export function createApp(deps: AppDeps): Koa {
  const hops = deps.config.trustProxy
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops })
  const qaDeps = { ...deps, answers: deps.answers ?? new AnswerCache() }
  app.silent = true
  app.use(errors(deps.logger))
  app.use(requestLog(deps.logger))
  app.use(securityHeaders())
  app.use(corsFor(deps.config.corsOrigins ?? []))
  app.use(jsonBody())

  const limited = rateLimit({
    limit: deps.config.qaRateLimitPerMinute,
    clock: deps.clock,
    store: deps.rateLimits ?? databaseRateLimitStore(deps.dataSource, { logger: deps.logger }),
    scope: 'qa',
    trustProxy: hops,
    exempt: deps.config.exemptLoopback ? isLoopback : undefined,
  })
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && (ctx.path === '/api/v1/qa' || ctx.path === '/api/v1/eligibility')) {
      return limited(ctx, next)
    }
    return next()
  })

  const router = new Router()
  healthRoutes(router, deps.dataSource, deps.logger)
  milestoneRoutes(router, deps.dataSource)
  qaRoutes(router, qaDeps)
  eligibilityRoutes(router)
  app.use(router.routes())
  app.use(router.allowedMethods())
  return app
}

/**
 * Security headers on every reply (helmet): nosniff, no referrer, a CSP that lets an HTML reply
 * load nothing and be framed by no one, and `Cache-Control: no-store`, because replies may carry
 * a minor's personal data and no cache between the service and the person may keep them.
 */
function securityHeaders(): Koa.Middleware {
  const headers = helmetHeaders()
  return (ctx, next) => {
    const res = ctx.res
    res.setHeader('Cache-Control', 'no-store')
    for (const [name, value] of headers) res.setHeader(name, value)
    return next()
  }
}

/**
 * The headers helmet sets with the service's options, asked of it once: with no nonce and no
 * option that reads the request they are the same on every reply, so each reply gets the list
 * instead of a run through helmet's dozen middlewares.
 */
export function helmetHeaders(): [string, string][] {
  const headers: [string, string][] = []
  const res = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
    getHeader: () => undefined,
  }
  // helmet runs synchronously: the headers are all set once the call returns.
  void helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  })({ req: {}, res } as unknown as Koa.Context, async () => undefined)
  if (headers.length === 0) throw new Error('helmet set no headers synchronously')
  return headers
}

/** CORS for the configured origins only (CORS_ORIGINS: the console, a web view); any other origin gets no CORS headers. */
function corsFor(origins: readonly string[]): Koa.Middleware {
  const allowed = new Set(origins)
  return cors({
    origin: (ctx) => {
      const origin = ctx.get('Origin')
      return allowed.has(origin) ? origin : ''
    },
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization'],
    exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
    maxAge: 600,
  })
}

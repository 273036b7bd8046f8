import Router from '@koa/router'
import Koa from 'koa'
import type { DataSource } from 'typeorm'
import type { Clock } from '../core/clock'
import type { Config } from '../core/config'
import { AnswerCache } from '../core/knowledge/answer-cache'
import type { Llm } from '../core/llm'
import type { Logger } from '../core/logger'
import { jsonBody } from './middlewares/body'
import { errors } from './middlewares/errors'
import { isLoopback, rateLimit } from './middlewares/rate-limit'
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
  config: Pick<Config, 'qaRateLimitPerMinute' | 'trustProxy'> & {
    /** Count loopback clients too (tests); by default they are the service's own components and not limited. */
    rateLimitLoopback?: boolean
  }
  llm?: Llm
  answers?: AnswerCache
}

/** Builds the Koa app: error shape, request log, JSON bodies, rate limits on the public question routes, and the routes. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.config.trustProxy })
  const qaDeps = { ...deps, answers: deps.answers ?? new AnswerCache() }
  app.silent = true
  app.use(errors(deps.logger))
  app.use(requestLog(deps.logger))
  app.use(jsonBody())

  // Behind a reverse proxy (TRUST_PROXY=1) ctx.ip is the forwarded client, so loopback stays exempt only for local callers.
  const limited = rateLimit({
    limit: deps.config.qaRateLimitPerMinute,
    clock: deps.clock,
    exempt: deps.config.rateLimitLoopback ? undefined : isLoopback,
  })
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && (ctx.path === '/api/v1/qa' || ctx.path === '/api/v1/eligibility')) {
      return limited(ctx, next)
    }
    return next()
  })

  const router = new Router()
  healthRoutes(router, deps.dataSource)
  milestoneRoutes(router, deps.dataSource)
  qaRoutes(router, qaDeps)
  eligibilityRoutes(router)
  app.use(router.routes())
  app.use(router.allowedMethods())
  return app
}

import cors from '@koa/cors'
import Router from '@koa/router'
import Koa from 'koa'
import helmet from 'koa-helmet'
import type { DataSource } from 'typeorm'
import type { WecomOAuth } from '../core/auth/platform-login'
import { lazySessions, type Sessions } from '../core/auth/session'
import type { Clock } from '../core/clock'
import type { Config } from '../core/config'
import { AnswerCache } from '../core/knowledge/answer-cache'
import type { ReviewRecorder } from '../core/knowledge/question-reviews'
import type { Llm } from '../core/llm'
import type { Logger } from '../core/logger'
import { Authenticator, requireSignIn } from './middlewares/auth'
import { jsonBody } from './middlewares/body'
import { errors } from './middlewares/errors'
import { databaseRateLimitStore, isLoopback, type RateLimitStore, rateLimit } from './middlewares/rate-limit'
import { requestLog } from './middlewares/request-log'
import { eligibilityRoutes } from './routes/eligibility/eligibility'
import { evaluationRoutes } from './routes/evaluations/evaluations'
import { healthRoutes } from './routes/health/health'
import { milestoneRoutes } from './routes/milestones/milestones'
import { alumniRoutes } from './routes/alumni/alumni'
import { applicationRoutes } from './routes/applications/applications'
import { authRoutes } from './routes/auth/auth'
import { Api } from './routes/define'
import { documentPublicRoutes } from './routes/public-routes'
import { meRoutes } from './routes/me/me'
import { officeRoutes } from './routes/office/office'
import { broadcastRoutes } from './routes/broadcasts/broadcasts'
import { logRoutes } from './routes/logs/logs'
import { announcementRoutes } from './routes/announcements/announcements'
import { subscriptionRoutes } from './routes/subscriptions/subscriptions'
import { openApiRoute } from './routes/openapi/openapi'
import { qaRoutes } from './routes/qa/qa'
import { type WecomCallbackDeps, wecomCallbackRoutes } from './routes/wecom/wecom'

/** What the HTTP app needs from the running service. */
export interface AppDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  config: Pick<Config, 'qaRateLimitPerMinute' | 'trustProxy'> &
    Partial<Pick<Config, 'corsOrigins' | 'devLogin' | 'wx' | 'sessionSecret'>> & {
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
  /** Where rate limits are counted (Redis with REDIS_URL, see main.ts); by default the database, so that every instance shares them. */
  rateLimits?: RateLimitStore
  /** Session tokens; by default signed with SESSION_SECRET or the key kept in the database. */
  sessions?: Sessions
  /** Staff sign-in through WeCom OAuth, when the WeCom app is configured. */
  wecomOAuth?: WecomOAuth
  /** The WeCom app callback (`/wecom/callback`), when WECOM_TOKEN and WECOM_ENCODING_AES_KEY are set. */
  wecomCallback?: WecomCallbackDeps
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
  const sessions = deps.sessions ?? lazySessions(deps, deps.config.sessionSecret)
  const authenticator = new Authenticator({ ...deps, sessions })
  const router = new Router()
  const api = new Api(router, authenticator)
  app.use(requireSignIn(authenticator, (path) => router.match(path, 'GET').path.length > 0))
  app.use(wecomCallbackRoutes(deps.wecomCallback))
  app.use(jsonBody(undefined, (ctx) => api.takesRawBody(ctx)))

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

  healthRoutes(router, deps.dataSource, deps.logger)
  milestoneRoutes(router, deps.dataSource)
  qaRoutes(router, qaDeps)
  eligibilityRoutes(router)
  documentPublicRoutes(api)
  authRoutes(api, {
    ...deps,
    sessions,
    config: {
      devLogin: deps.config.devLogin ?? false,
      wx: deps.config.wx ?? { apiBase: 'https://api.weixin.qq.com' },
    },
  })
  meRoutes(api, deps)
  applicationRoutes(api, deps)
  evaluationRoutes(api, deps)
  alumniRoutes(api, deps)
  officeRoutes(api, deps)
  broadcastRoutes(api, deps)
  logRoutes(api, deps)
  announcementRoutes(api, deps)
  subscriptionRoutes(api, {
    ...deps,
    templateIds: deps.config.wx?.subscribeTemplateId ? [deps.config.wx.subscribeTemplateId] : [],
  })
  openApiRoute(router, api)
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

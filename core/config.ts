import { z } from 'zod'

/** Raised when the environment holds a value the service cannot run with; its message is one readable line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

const flag = z
  .enum(['0', '1', 'true', 'false', ''], { message: 'must be 1 or 0' })
  .transform((v) => (v === '' ? undefined : v === '1' || v === 'true'))
  .optional()

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), `${name} must be an http(s):// URL`)
    .optional()

const databaseUrl = z
  .string()
  .trim()
  .default('sqlite:./data/assistant.sqlite')
  .refine(
    (v) => /^sqlite:.+$/.test(v) || /^mysql:\/\/[^/\s]+\/[^/\s?]+/.test(v),
    'DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db',
  )

const isoInstant = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .refine(
    (v) =>
      v === undefined ||
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))),
    'ASSISTANT_NOW must be an ISO instant with a zone, e.g. 2024-03-15T10:00:00+08:00',
  )
  .optional()

const envSchema = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z
    .string()
    .trim()
    .default('3000')
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, 'PORT must be a whole number from 0 to 65535')
    .transform(Number),
  HOST: z.string().trim().default('0.0.0.0'),
  NODE_ENV: z.string().trim().default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SEED_DEMO: flag,
  ASSISTANT_NOW: isoInstant,
  PLAN_TEXT_FILE: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: httpUrl('OPENAI_BASE_URL'),
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z
    .string()
    .trim()
    .default('3000')
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, 'LLM_TIMEOUT_MS must be a positive whole number of milliseconds')
    .transform(Number),
  QA_RATE_LIMIT_PER_MIN: z
    .string()
    .trim()
    .default('120')
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, 'QA_RATE_LIMIT_PER_MIN must be a positive whole number')
    .transform(Number),
  TRUST_PROXY: z
    .string()
    .trim()
    .default('0')
    .transform((v) => (v === 'true' ? '1' : v === 'false' || v === '' ? '0' : v))
    .refine((v) => /^\d$/.test(v), 'TRUST_PROXY must be the number of reverse proxies in front of the service (0 to 9)')
    .transform(Number),
  CORS_ORIGINS: z
    .string()
    .trim()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine(
      (list) => list.every((o) => /^https?:\/\/[^\s/]+$/.test(o)),
      'CORS_ORIGINS must be a comma-separated list of origins such as https://console.example.org (no path)',
    ),
  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v),
    'WECOM_ENCODING_AES_KEY must be the 43 letters and digits WeCom shows',
  ),
  WECOM_API_BASE: httpUrl('WECOM_API_BASE'),
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_BOT_WS_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^wss?:\/\/[^\s/]+/.test(v), 'WECOM_BOT_WS_URL must be a ws:// or wss:// URL')
    .optional(),
  BOT_RATE_LIMIT_PER_MIN: z
    .string()
    .trim()
    .default('20')
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, 'BOT_RATE_LIMIT_PER_MIN must be a positive whole number')
    .transform(Number),
  SESSION_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'SESSION_SECRET must be at least 32 characters (e.g. openssl rand -base64 48)',
  ),
  WX_APPID: optionalText,
  WX_SECRET: optionalText,
  WX_API_BASE: httpUrl('WX_API_BASE'),
  WX_SUBSCRIBE_TEMPLATE_ID: optionalText,
  REDIS_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine(
      (v) => v === undefined || /^rediss?:\/\/\S+$/.test(v),
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
    )
    .optional(),
})

/** The service's configuration, read once from the environment at start. */
export interface Config {
  database: { kind: 'sqlite'; path: string } | { kind: 'mysql'; url: string }
  databaseUrl: string
  port: number
  host: string
  production: boolean
  logLevel: string
  seedDemo: boolean
  /** The instant the clock is pinned to (ASSISTANT_NOW), if any. */
  pinnedNow?: Date
  planTextFile?: string
  llm?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number }
  qaRateLimitPerMinute: number
  /**
   * How many reverse proxies stand in front of the service (TRUST_PROXY): the client is the
   * address that many hops from the right of X-Forwarded-For; 0 reads no header at all.
   */
  trustProxy: number
  /** Where rate limits are counted when set (REDIS_URL); otherwise the database. */
  redisUrl?: string
  /** Browser origins (the console, a web view of the mini-program) allowed to call the API across origins. */
  corsOrigins: string[]
  /** Whether loopback callers go unlimited: only in development and tests (NODE_ENV unset, `development` or `test`). */
  exemptLoopback: boolean
  /** Whether `POST /api/v1/auth/dev-login` may exist: only with demo people and never in production. */
  devLogin: boolean
  /** The key that signs session tokens (SESSION_SECRET); unset: a key the service keeps in its database. */
  sessionSecret?: string
  wechaty: { puppet?: string; token?: string }
  /** The WeCom intelligent bot's long connection; present only when both id and secret are set. */
  wecomBot?: { botId: string; secret: string; wsUrl?: string }
  /** Messages per person and minute on the WeChat and WeCom channels before the bot asks them to slow down. */
  botRatePerMinute: number
  wecom: {
    corpId?: string
    agentId?: string
    secret?: string
    token?: string
    encodingAesKey?: string
    apiBase: string
  }
  wx: { appId?: string; secret?: string; apiBase: string; subscribeTemplateId?: string }
}

/**
 * Parses the environment into a Config.
 * @throws ConfigError with one readable line naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const variable = String(issue?.path[0] ?? 'environment')
    const message = issue?.message ?? 'is not valid'
    throw new ConfigError(message.startsWith(variable) ? message : `${variable} ${message}`)
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  if (production && e.SEED_DEMO)
    throw new ConfigError('SEED_DEMO=1 is refused with NODE_ENV=production: demo people never exist in production')
  const missing = missingChannelSecret(e)
  if (missing) throw new ConfigError(missing)
  const database = e.DATABASE_URL.startsWith('sqlite:')
    ? { kind: 'sqlite' as const, path: e.DATABASE_URL.slice('sqlite:'.length) }
    : { kind: 'mysql' as const, url: e.DATABASE_URL }
  const seedDemo = !production && (e.SEED_DEMO ?? database.kind === 'sqlite')
  return {
    database,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    production,
    logLevel: e.LOG_LEVEL,
    seedDemo,
    pinnedNow: e.ASSISTANT_NOW ? new Date(e.ASSISTANT_NOW) : undefined,
    planTextFile: e.PLAN_TEXT_FILE,
    llm:
      e.OPENAI_API_KEY || e.OPENAI_BASE_URL
        ? {
            apiKey: e.OPENAI_API_KEY ?? 'unused',
            baseUrl: e.OPENAI_BASE_URL,
            model: e.LLM_MODEL ?? 'gpt-4o-mini',
            timeoutMs: e.LLM_TIMEOUT_MS,
          }
        : undefined,
    qaRateLimitPerMinute: e.QA_RATE_LIMIT_PER_MIN,
    trustProxy: e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    corsOrigins: e.CORS_ORIGINS,
    exemptLoopback: e.NODE_ENV === 'development' || e.NODE_ENV === 'test',
    devLogin: seedDemo && !production,
    sessionSecret: e.SESSION_SECRET,
    wechaty: { puppet: e.WECHATY_PUPPET, token: e.WECHATY_PUPPET_SERVICE_TOKEN },
    wecomBot:
      e.WECOM_BOT_ID && e.WECOM_BOT_SECRET
        ? { botId: e.WECOM_BOT_ID, secret: e.WECOM_BOT_SECRET, wsUrl: e.WECOM_BOT_WS_URL }
        : undefined,
    botRatePerMinute: e.BOT_RATE_LIMIT_PER_MIN,
    wecom: {
      corpId: e.WECOM_CORP_ID,
      agentId: e.WECOM_AGENT_ID,
      secret: e.WECOM_SECRET,
      token: e.WECOM_TOKEN,
      encodingAesKey: e.WECOM_ENCODING_AES_KEY,
      apiBase: e.WECOM_API_BASE ?? 'https://qyapi.weixin.qq.com',
    },
    wx: {
      appId: e.WX_APPID,
      secret: e.WX_SECRET,
      apiBase: e.WX_API_BASE ?? 'https://api.weixin.qq.com',
      subscribeTemplateId: e.WX_SUBSCRIBE_TEMPLATE_ID,
    },
  }
}

/**
 * A channel is configured as soon as one of its identifying variables is set; it then needs its
 * secrets, or it would start half-working (a bot that receives and cannot answer). Returns the
 * one-line complaint for the first missing secret, or undefined.
 */
function missingChannelSecret(e: z.infer<typeof envSchema>): string | undefined {
  const needs: Array<[boolean, string, string | undefined]> = [
    [Boolean(e.WECOM_CORP_ID), 'WECOM_SECRET', e.WECOM_SECRET],
    [Boolean(e.WECOM_CORP_ID), 'WECOM_AGENT_ID', e.WECOM_AGENT_ID],
    [Boolean(e.WECOM_SECRET || e.WECOM_AGENT_ID || e.WECOM_TOKEN), 'WECOM_CORP_ID', e.WECOM_CORP_ID],
    [Boolean(e.WECOM_TOKEN), 'WECOM_ENCODING_AES_KEY', e.WECOM_ENCODING_AES_KEY],
    [Boolean(e.WECOM_ENCODING_AES_KEY), 'WECOM_TOKEN', e.WECOM_TOKEN],
    [Boolean(e.WECOM_BOT_ID), 'WECOM_BOT_SECRET', e.WECOM_BOT_SECRET],
    [Boolean(e.WECOM_BOT_SECRET), 'WECOM_BOT_ID', e.WECOM_BOT_ID],
    [Boolean(e.WX_APPID), 'WX_SECRET', e.WX_SECRET],
    [Boolean(e.WX_SECRET), 'WX_APPID', e.WX_APPID],
    [e.WECHATY_PUPPET === 'wechaty-puppet-service', 'WECHATY_PUPPET_SERVICE_TOKEN', e.WECHATY_PUPPET_SERVICE_TOKEN],
  ]
  const gap = needs.find(([configured, , value]) => configured && !value)
  if (!gap) return undefined
  const channel = gap[1].startsWith('WX_')
    ? 'the mini-program'
    : gap[1].startsWith('WECHATY')
      ? 'wechaty'
      : gap[1].startsWith('WECOM_BOT')
        ? 'the WeCom bot'
        : 'WeCom'
  return `${gap[1]} is required: ${channel} is configured without it`
}

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
  TRUST_PROXY: flag,
  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: optionalText,
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
  WX_APPID: optionalText,
  WX_SECRET: optionalText,
  WX_API_BASE: httpUrl('WX_API_BASE'),
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
  /** Whether to read the client's address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean
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
  wx: { appId?: string; secret?: string; apiBase: string }
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
  const database = e.DATABASE_URL.startsWith('sqlite:')
    ? { kind: 'sqlite' as const, path: e.DATABASE_URL.slice('sqlite:'.length) }
    : { kind: 'mysql' as const, url: e.DATABASE_URL }
  return {
    database,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO ?? database.kind === 'sqlite',
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
    trustProxy: e.TRUST_PROXY ?? false,
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
    wx: { appId: e.WX_APPID, secret: e.WX_SECRET, apiBase: e.WX_API_BASE ?? 'https://api.weixin.qq.com' },
  }
}

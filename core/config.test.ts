import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database with the demo people', () => {
    const c = loadConfig({})
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/assistant.sqlite' })
    expect(c.port).toBe(3000)
    expect(c.seedDemo).toBe(true)
    expect(c.llm).toBeUndefined()
    expect(c.pinnedNow).toBeUndefined()
  })

  it('reads MySQL, seeds no demo there unless asked, and pins the clock', () => {
    const c = loadConfig({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/test',
      ASSISTANT_NOW: '2024-03-15T10:00:00+08:00',
    })
    expect(c.database.kind).toBe('mysql')
    expect(c.seedDemo).toBe(false)
    expect(c.pinnedNow?.toISOString()).toBe('2024-03-15T02:00:00.000Z')
    expect(loadConfig({ DATABASE_URL: 'mysql://root@h:1/db', SEED_DEMO: '1' }).seedDemo).toBe(true)
  })

  it('configures the LLM only when given an endpoint or key', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'k', LLM_MODEL: 'm' })
    expect(c.llm).toEqual({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 3000 })
  })

  it.each([
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO must be 1 or 0'],
    [
      { ASSISTANT_NOW: '2024-03-15' },
      'ASSISTANT_NOW must be an ISO instant with a zone, e.g. 2024-03-15T10:00:00+08:00',
    ],
    [{ OPENAI_BASE_URL: 'localhost:8080' }, 'OPENAI_BASE_URL must be an http(s):// URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be the number of reverse proxies in front of the service (0 to 9)'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS must be a comma-separated list of origins'],
    [{ REDIS_URL: '127.0.0.1:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ NODE_ENV: 'production', SEED_DEMO: '1' }, 'SEED_DEMO=1 is refused with NODE_ENV=production'],
    [{ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002' }, 'WECOM_SECRET is required: WeCom is configured without it'],
    [{ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' }, 'WECOM_AGENT_ID is required'],
    [{ WECOM_SECRET: 's' }, 'WECOM_CORP_ID is required'],
    [
      { WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's', WECOM_AGENT_ID: '1', WECOM_TOKEN: 't' },
      'WECOM_ENCODING_AES_KEY is required',
    ],
    [{ WECOM_ENCODING_AES_KEY: 'short' }, 'WECOM_ENCODING_AES_KEY must be the 43 letters and digits WeCom shows'],
    [{ WX_APPID: 'wx1' }, 'WX_SECRET is required: the mini-program is configured without it'],
    [{ WECOM_BOT_ID: 'bot1' }, 'WECOM_BOT_SECRET is required: the WeCom bot is configured without it'],
    [{ WECHATY_PUPPET: 'wechaty-puppet-service' }, 'WECHATY_PUPPET_SERVICE_TOKEN is required'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('reads the number of trusted proxies (1 meaning one hop, true kept as one) and the CORS origins', () => {
    expect(loadConfig({}).trustProxy).toBe(0)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({}).redisUrl).toBeUndefined()
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0')
    expect(loadConfig({}).corsOrigins).toEqual([])
    expect(loadConfig({ CORS_ORIGINS: 'https://console.example.org, http://localhost:5173' }).corsOrigins).toEqual([
      'https://console.example.org',
      'http://localhost:5173',
    ])
  })

  it('in production: no demo people, no dev-login, no loopback exemption from rate limits', () => {
    const dev = loadConfig({})
    expect([dev.production, dev.seedDemo, dev.devLogin, dev.exemptLoopback]).toEqual([false, true, true, true])
    const prod = loadConfig({ NODE_ENV: 'production' })
    expect([prod.production, prod.seedDemo, prod.devLogin, prod.exemptLoopback]).toEqual([true, false, false, false])
    expect(loadConfig({ NODE_ENV: 'staging' }).exemptLoopback).toBe(false)
  })

  it('accepts a channel with all its secrets', () => {
    const c = loadConfig({
      WECOM_CORP_ID: 'ww1',
      WECOM_SECRET: 's',
      WECOM_AGENT_ID: '1000002',
      WECOM_TOKEN: 't',
      WECOM_ENCODING_AES_KEY: 'a'.repeat(43),
      WX_APPID: 'wx1',
      WX_SECRET: 'x',
    })
    expect(c.wecom.corpId).toBe('ww1')
    expect(c.wx.appId).toBe('wx1')
  })
})

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
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})

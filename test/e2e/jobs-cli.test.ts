import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempSqliteUrl } from '../helpers/server'

const root = `${__dirname}/../..`

function jobs(databaseUrl: string, args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'jobs', '--', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean), stderr: run.stderr }
}

describe('npm run jobs (CONTRACT §9)', () => {
  it('prints one JSON line per message it would queue, writes nothing on --dry-run, and once without it', () => {
    const url = tempSqliteUrl('jobs')
    // Monday 2024-09-23 at 23:00: the annual evaluation's week-before reminder, and quiet hours for families.
    const at = '2024-09-23T23:00:00+08:00'
    const dry = jobs(url, ['--at', at, '--dry-run', '--json'])
    expect(dry.status).toBe(0)
    const messages = dry.lines.map((l) => JSON.parse(l) as Record<string, string>)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['channel', 'job', 'role', 'sendAt', 'text', 'to'])
    const student = messages.find((m) => m.to === 'demo-student' && m.job === 'deadline-reminders')
    expect(student?.text).toContain('成长日志')
    expect(student?.sendAt).toBe(new Date('2024-09-24T07:00:00+08:00').toISOString())
    const mentor = messages.find((m) => m.to === 'demo-mentor' && m.job === 'deadline-reminders')
    expect(mentor?.sendAt).toBe(new Date(at).toISOString())

    const again = jobs(url, ['--at', at, '--dry-run', '--json'])
    expect(again.lines).toEqual(dry.lines)
    const written = jobs(url, ['--at', at])
    expect(written.lines.at(-1)).toBe(`${messages.length} messages, ${messages.length} new in the outbox`)
    expect(jobs(url, ['--at', at]).lines.at(-1)).toBe(`${messages.length} messages, 0 new in the outbox`)
    const bad = jobs(url, ['--at', 'tomorrow'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('--at')
  }, 120_000)
})

import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tempSqliteUrl } from '../helpers/server'

const root = `${__dirname}/../..`

/** Runs `npm run --silent chat -- --as <handle> --json` with the lines as its input, as CONTRACT §5 shows it. */
function chat(databaseUrl: string, handle: string, lines: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'chat', '--', '--as', handle, '--json'], {
    cwd: root,
    input: `${lines.join('\n')}\n`,
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: '1', ASSISTANT_NOW: '2024-03-15T10:00:00+08:00' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  const out = run.stdout.split('\n').filter((l) => l !== '')
  return {
    status: run.status,
    out,
    replies: out.map((l) => (JSON.parse(l) as { replies: string[] }).replies.join('\n')),
  }
}

describe('npm run chat (CONTRACT §5)', () => {
  it('prints exactly one JSON line per input line, and a half-finished dialogue survives to the next run', () => {
    const url = tempSqliteUrl('chat')
    const first = chat(url, 'demo-student', ['我的进度', '', '写成长日志', '前天'])
    expect(first.status).toBe(0)
    expect(first.out).toHaveLength(4)
    expect(first.replies[0]).toMatch(/3\/10/)
    expect(first.replies[1]).toBe('')
    expect(first.replies[3]).toMatch(/地点|哪里/)
    const second = chat(url, 'demo-student', [
      '广西大学',
      '做了电路实验并测量电阻',
      '学会了使用万用表',
      '确认',
      '我的进度',
    ])
    expect(second.out).toHaveLength(5)
    expect(second.replies[0]).toMatch(/内容|做了什么/)
    expect(second.replies[2]).toContain('2024年3月13日')
    expect(second.replies[3]).toMatch(/4\/10/)
    const stranger = chat(url, 'anonymous', ['我的进度', '转人工 能不能换导师？'])
    expect(stranger.replies[0]).toContain('绑定')
    const id = /编号\s*(\d+)/.exec(stranger.replies[1] ?? '')?.[1]
    expect(id).toBeDefined()
    const staff = chat(url, 'demo-staff', ['待处理', `回复 ${id} 请先和导师沟通，再联系管理办公室`])
    expect(staff.replies[0]).toContain(`编号 ${id}`)
    expect(staff.replies[1]).toContain('已回复')
    // The answer waits in the outbox and is shown to the asker the next time they talk.
    expect(chat(url, 'anonymous', ['你好']).replies[0]).toContain('请先和导师沟通')
  }, 120_000)
})

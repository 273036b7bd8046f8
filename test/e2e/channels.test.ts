import { type ChildProcess, spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { type FakeWecomBotServer, fakeId, startFakeWecomBotServer } from '../fakes/wecom-bot-server'
import { freePort, tempSqliteUrl } from '../helpers/server'

const root = `${__dirname}/../..`
const tsx = `${root}/node_modules/.bin/tsx`

async function until<T>(check: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

let child: ChildProcess | undefined
let server: FakeWecomBotServer | undefined
afterEach(async () => {
  child?.kill('SIGKILL')
  child = undefined
  await server?.close()
  server = undefined
})

describe('npm start with the chat channels', () => {
  it('says once which channels are off, and answers over the WeCom bot when it is configured', async () => {
    server = await startFakeWecomBotServer({ botId: 'bot-e2e', secret: 'secret-e2e' })
    const port = await freePort()
    const log: string[] = []
    child = spawn(tsx, ['main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: tempSqliteUrl('channels'),
        WECOM_BOT_ID: 'bot-e2e',
        WECOM_BOT_SECRET: 'secret-e2e',
        WECOM_BOT_WS_URL: server.url,
        WECHATY_PUPPET: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (d) => log.push(String(d)))
    await until(() => server?.current(), 45_000)
    expect(log.join('')).toContain('wechat channel off')
    expect(log.join('')).not.toContain('wecom bot channel off')

    const reqId = server.pushMessage({
      msgid: fakeId('msg'),
      aibotid: 'bot-e2e',
      chattype: 'single',
      from: { userid: 'e2e-user' },
      msgtype: 'text',
      text: { content: '南宁市选拔多少名学生？' },
    })
    const final = await until(
      () => server?.sent('aibot_respond_msg', reqId).find((f) => f.body?.stream?.finish === true),
      20_000,
    )
    expect(final.body.stream.content).toContain('30')
    expect(server.violations).toEqual([])

    const exit = new Promise<number | null>((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  }, 90_000)
})

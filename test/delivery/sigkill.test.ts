import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { type FakeApiServer, startFakeApiServer } from '../fakes/wecom-api-server'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'
import { drained, queueMessages } from './outbox'

const CHILD = join(__dirname, 'dispatch-child.ts')
const MESSAGES = 2_000
const CONCURRENCY = 8
const LEASE_MS = 3_000

/** Starts a dispatcher process and waits for its `ready`. */
function startChild(db: TestDataSource, fake: FakeApiServer, instance: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      API_BASE: fake.url,
      INSTANCE: instance,
      CONCURRENCY: String(CONCURRENCY),
      LEASE_MS: String(LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`dispatcher exited with ${code}`)))
  })
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe.each(testDbKinds())('a dispatcher killed with SIGKILL on %s', (kind) => {
  let db: TestDataSource
  let fake: FakeApiServer
  const children: ChildProcess[] = []

  beforeAll(async () => {
    db = await testDataSource(kind)
    fake = await startFakeApiServer({ webhookLimit: 1_000_000 })
  })
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    await fake.close()
    await db.close()
  })

  it('delivers every one of 2,000 messages after a restart, duplicates no more than its concurrency', async () => {
    const texts = Array.from({ length: MESSAGES }, (_, i) => `msg-${i}`)
    await queueMessages(
      db.dataSource,
      texts.map((text, i) => ({ channel: 'wecom_webhook', recipient: `robot-${i % 40}`, text })),
      new Date(),
    )
    const first = await startChild(db, fake, 'first')
    children.push(first)
    await until(() => fake.receipts.length >= MESSAGES / 3, 60_000)
    const exited = new Promise((r) => first.once('exit', r))
    first.kill('SIGKILL')
    await exited
    const atKill = fake.receipts.length
    expect(atKill).toBeLessThan(MESSAGES)
    const stranded = await db.dataSource.getRepository(OutboxMessage).countBy({ status: 'sending' })

    children.push(await startChild(db, fake, 'second'))
    await drained(db.dataSource, ['wecom_webhook'], 90_000)

    const received = fake.receipts.map((r) => r.text)
    expect(new Set(received)).toEqual(new Set(texts))
    const duplicates = received.length - MESSAGES
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY)
    expect(stranded).toBeLessThanOrEqual(CONCURRENCY)
    expect(await db.dataSource.getRepository(OutboxMessage).countBy({ status: 'sent' })).toBe(MESSAGES)
  }, 180_000)
})

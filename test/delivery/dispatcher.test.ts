import pino from 'pino'
import { In } from 'typeorm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createClock } from '../../core/clock'
import { createDetectedDataSource } from '../../core/data-source'
import { claimDue } from '../../core/delivery/claim'
import { type Dispatcher, startDispatcher } from '../../core/delivery/dispatcher'
import { queueQuery } from '../../core/jobs/messages'
import { outboxPayload } from '../../core/delivery/outbox-payload'
import { wecomAppSender } from '../../core/delivery/senders/wecom-app'
import { wecomWebhookSender } from '../../core/delivery/senders/wecom-webhook'
import { OutboxAttempt } from '../../entities/outbox-attempt.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { OutboxText } from '../../entities/outbox-text.entity'
import { type FakeApiServer, startFakeApiServer } from '../fakes/wecom-api-server'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'
import { clearOutbox, drained, expectPacedSixteen, queueMessages } from './outbox'

const logger = pino({ level: 'silent' })
const clock = createClock()

describe.each(testDbKinds())('outbox dispatcher on %s', (kind) => {
  let db: TestDataSource
  let fake: FakeApiServer
  let running: Dispatcher[] = []
  // MariaDB keeps datetimes in whole seconds: leases shorter than a few seconds would blur.
  const leaseMs = 3_000
  const fast = { pollMs: 20, leaseMs, baseBackoffMs: 20, maxBackoffMs: 200, throttleMs: 200 }

  beforeAll(async () => {
    db = await testDataSource(kind)
  })
  afterAll(async () => {
    await db.close()
  })
  beforeEach(async () => {
    fake = await startFakeApiServer({ webhookLimit: 1000, webhookWindowMs: 1000 })
    await clearOutbox(db.dataSource)
  })
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop()))
    running = []
    await fake.close()
  })

  const webhook = () => wecomWebhookSender({ apiBase: fake.url, windows: [{ count: 1000, perMs: 1000 }] })
  const start = (...args: Parameters<typeof startDispatcher>) => {
    const d = startDispatcher(...args)
    running.push(d)
    return d
  }
  const rows = () => db.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })

  it('claims each due row once between simultaneous claimers, leaves other channels and future rows alone', async () => {
    const now = new Date()
    await queueMessages(
      db.dataSource,
      [
        ...Array.from({ length: 40 }, (_, i) => ({ channel: 'wecom_webhook', recipient: `k${i % 4}`, text: `m${i}` })),
        { channel: 'terminal', recipient: 'alice', text: 'shown by the chat' },
        { channel: 'unreached', recipient: 'person:1', text: 'for the office' },
      ],
      now,
    )
    await queueMessages(
      db.dataSource,
      [{ channel: 'wecom_webhook', recipient: 'k0', text: 'later' }],
      new Date(now.getTime() + 60_000),
    )
    const options = { channels: ['wecom_webhook'], leaseMs }
    // Rounds of four simultaneous claims until nothing is left: SKIP LOCKED may pass rows over in one round.
    const claims: OutboxMessage[][] = [[], [], [], []]
    for (let round = 0; round < 20; round++) {
      const got = await Promise.all(
        Array.from({ length: 4 }, (_, i) => claimDue(db.dataSource, `i${i}`, now, 5, options)),
      )
      for (const [i, rows] of got.entries()) claims[i]?.push(...rows)
      if (got.every((r) => r.length === 0)) break
    }
    const ids = claims.flat().map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(40)
    for (const [i, claim] of claims.entries()) for (const r of claim) expect(r.lockedBy).toBe(`i${i}`)
    const left = await rows()
    expect(
      left
        .filter((r) => r.status === 'pending')
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['terminal', 'unreached', 'wecom_webhook'])
    expect(await claimDue(db.dataSource, 'late', now, 100, options)).toHaveLength(0)
  })

  it('takes over a crashed instance’s claim once its lease has expired, and only then', async () => {
    const claimedAt = new Date(Date.now() - 1_000)
    await queueMessages(db.dataSource, [{ channel: 'wecom_webhook', recipient: 'k1', text: 'stranded' }], claimedAt)
    const options = { channels: ['wecom_webhook'], leaseMs }
    expect(await claimDue(db.dataSource, 'crashed', claimedAt, 10, options)).toHaveLength(1)
    expect(
      await claimDue(db.dataSource, 'other', new Date(claimedAt.getTime() + leaseMs - 1_000), 10, options),
    ).toHaveLength(0)
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: webhook() }, { ...fast, instance: 'heir' })
    await drained(db.dataSource, ['wecom_webhook'], 15_000)
    expect(fake.receipts.map((r) => r.text)).toEqual(['stranded'])
    const [row] = await rows()
    expect(row?.status).toBe('sent')
  })

  it('sends a job’s row with its shared text, stored once for all its rows, beside a row that carries its own', async () => {
    const now = new Date()
    const shared = '【成长日志提醒】同一句话，发给两个人。'
    const query = {
      sql: "SELECT 901 AS personId, 'teacher' AS role, 's' AS subject, '2024-09-23' AS day, ? AS text UNION ALL SELECT 902, 'teacher', 's', '2024-09-23', ?",
      parameters: [shared, shared],
    }
    await queueQuery(db.dataSource, 'test-job', { ...query, texts: [shared] }, now)
    await queueQuery(db.dataSource, 'other-job', { ...query, texts: [] }, now)
    await queueMessages(db.dataSource, [{ channel: 'unreached', recipient: 'person:903', text: 'own text' }], now)
    const written = await rows()
    expect(written.map((r) => outboxPayload(r))).toEqual([
      { job: 'test-job', text: shared },
      { job: 'test-job', text: shared },
      { job: 'other-job', text: shared },
      { job: 'other-job', text: shared },
      { text: 'own text' },
    ])
    expect(new Set(written.slice(0, 4).map((r) => r.textId)).size).toBe(1)
    expect(await db.dataSource.getRepository(OutboxText).countBy({ text: shared })).toBe(1)
    // Rows of `unreached` are never sent: readdress the first two to a robot.
    await db.dataSource.getRepository(OutboxMessage).update(
      { id: In(written.slice(0, 2).map((r) => r.id)) },
      {
        channel: 'wecom_webhook',
      },
    )
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: webhook() }, { ...fast, concurrency: 1 })
    await drained(db.dataSource, ['wecom_webhook'])
    expect(fake.receipts.map((r) => r.text)).toEqual([shared, shared])
  })

  it('retries passing failures with backoff until delivered, and dead-letters with the reason', async () => {
    fake.failNext({ status: 500 }, { errcode: -1 }, { errcode: 45009 }, { status: 502 })
    await queueMessages(
      db.dataSource,
      [
        { channel: 'wecom_webhook', recipient: 'good', text: 'eventually' },
        { channel: 'wecom_webhook', recipient: 'bad-key', text: 'never' },
      ],
      new Date(),
    )
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: webhook() }, { ...fast, concurrency: 1 })
    await drained(db.dataSource, ['wecom_webhook'])
    const [good, bad] = await rows()
    expect(good?.status).toBe('sent')
    expect(bad?.status).toBe('dead')
    expect(bad?.lastError).toMatch(/^errcode 93000/)
    expect(fake.receipts.map((r) => r.text)).toEqual(['eventually'])
    const attempts = await db.dataSource.getRepository(OutboxAttempt).find({ order: { id: 'ASC' } })
    const outcomes = attempts.map((a) => a.outcome).sort()
    expect(outcomes).toEqual(['permanent', 'retry', 'retry', 'retry', 'sent', 'throttle'])
    expect(attempts.find((a) => a.outcome === 'throttle')?.error).toMatch(/45009/)
    expect(good?.attempts).toBe(attempts.filter((a) => a.messageId === good?.id).length)
  })

  it('gives up after maxAttempts, keeping the last reason', async () => {
    fake.failNext({ status: 500 }, { status: 500 }, { status: 500 })
    await queueMessages(db.dataSource, [{ channel: 'wecom_webhook', recipient: 'k', text: 'doomed' }], new Date())
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: webhook() }, { ...fast, maxAttempts: 3 })
    await drained(db.dataSource, ['wecom_webhook'])
    const [row] = await rows()
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastError: 'gave up after 3 attempts: HTTP 500' })
    expect(fake.receipts).toHaveLength(0)
  })

  it('gets through timeouts and random errors in the end', async () => {
    fake.failNext({ timeout: true })
    fake.failRandomly(0.3, [{ status: 500 }, { errcode: -1 }, { errcode: 45009 }])
    const sender = wecomWebhookSender({ apiBase: fake.url, timeoutMs: 300, windows: [{ count: 1000, perMs: 1000 }] })
    const texts = Array.from({ length: 30 }, (_, i) => `n${i}`)
    await queueMessages(
      db.dataSource,
      texts.map((text, i) => ({ channel: 'wecom_webhook', recipient: `k${i % 3}`, text })),
      new Date(),
    )
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: sender }, { ...fast, maxAttempts: 50 })
    await drained(db.dataSource, ['wecom_webhook'], 25_000)
    expect(new Set(fake.receipts.map((r) => r.text))).toEqual(new Set(texts))
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true)
  })

  it('refreshes the WeCom app token on 42001 and retries at once; the token is shared through the database', async () => {
    await queueMessages(db.dataSource, [{ channel: 'wecom', recipient: 'zhangsan', text: 'first' }], new Date())
    const app = { apiBase: fake.url, corpId: 'corp', agentId: '1000002', secret: 's' }
    const deps = { dataSource: db.dataSource, clock, logger }
    const first = start(deps, { wecom: wecomAppSender(deps, app) }, fast)
    await drained(db.dataSource, ['wecom'])
    await first.stop()
    expect(fake.tokensIssued()).toBe(1)
    // Another instance finds the stored token and fetches none.
    await queueMessages(db.dataSource, [{ channel: 'wecom', recipient: 'zhangsan', text: 'second' }], new Date())
    start(deps, { wecom: wecomAppSender(deps, app) }, fast)
    await drained(db.dataSource, ['wecom'])
    expect(fake.tokensIssued()).toBe(1)
    fake.expireTokens()
    await queueMessages(db.dataSource, [{ channel: 'wecom', recipient: 'zhangsan', text: 'third' }], new Date())
    await drained(db.dataSource, ['wecom'])
    expect(fake.tokensIssued()).toBe(2)
    expect(fake.receipts.map((r) => r.text)).toEqual(['first', 'second', 'third'])
    const third = (await rows()).at(-1)
    const outcomes = await db.dataSource
      .getRepository(OutboxAttempt)
      .find({ where: { messageId: third?.id }, order: { id: 'ASC' } })
    expect(outcomes.map((a) => a.outcome)).toEqual(['token', 'sent'])
    expect(third?.status).toBe('sent')
  })

  it('paces a group robot to its per-minute limit, measured at the fake (window scaled to 1 s)', async () => {
    await fake.close()
    fake = await startFakeApiServer({ webhookLimit: 5, webhookWindowMs: 1_000 })
    const sender = wecomWebhookSender({ apiBase: fake.url, windows: [{ count: 5, perMs: 1_000 }] })
    await queueMessages(
      db.dataSource,
      Array.from({ length: 16 }, (_, i) => ({ channel: 'wecom_webhook', recipient: 'robot', text: `p${i}` })),
      new Date(),
    )
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: sender }, { ...fast, concurrency: 4 })
    await drained(db.dataSource, ['wecom_webhook'], 20_000)
    expect(fake.violations).toEqual([])
    expectPacedSixteen(fake.receipts)
  })

  it('keeps a group robot’s limit with two dispatchers sending to it at once: the limit is counted in the database', async () => {
    await fake.close()
    fake = await startFakeApiServer({ webhookLimit: 5, webhookWindowMs: 1_000 })
    const second = kind === 'mysql' ? await createDetectedDataSource(db.url) : undefined
    if (second) await second.initialize()
    try {
      const robot = () => wecomWebhookSender({ apiBase: fake.url, windows: [{ count: 5, perMs: 1_000 }] })
      await queueMessages(
        db.dataSource,
        Array.from({ length: 20 }, (_, i) => ({ channel: 'wecom_webhook', recipient: 'robot', text: `s${i}` })),
        new Date(),
      )
      // Each instance alone keeps 5 a second; unshared, the two together would send 10.
      start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: robot() }, { ...fast, instance: 'one' })
      start(
        { dataSource: second ?? db.dataSource, clock, logger },
        { wecom_webhook: robot() },
        { ...fast, instance: 'two' },
      )
      await drained(db.dataSource, ['wecom_webhook'], 40_000)
      const times = fake.receipts.map((r) => r.at)
      expect(times).toHaveLength(20)
      expect(fake.violations).toEqual([])
      for (const t of times) expect(times.filter((u) => u >= t && u < t + 1_000).length).toBeLessThanOrEqual(5)
      const by = await db.dataSource.getRepository(OutboxAttempt).find()
      expect(new Set(by.map((a) => a.instance))).toEqual(new Set(['one', 'two']))
    } finally {
      await Promise.all(running.map((d) => d.stop()))
      running = []
      if (second) await second.destroy()
    }
  }, 60_000)

  it('splits a long text to the channel’s limit and sends the parts in order, resuming after a failed part', async () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}段：${'请按时提交成长日志和培养报告。'.repeat(12)}`,
    )
    const text = paragraphs.join('\n\n')
    expect(Buffer.byteLength(text)).toBeGreaterThan(4096 * 3)
    fake.failNext({ pass: true }, { status: 500 })
    await queueMessages(db.dataSource, [{ channel: 'wecom_webhook', recipient: 'robot', text }], new Date())
    start({ dataSource: db.dataSource, clock, logger }, { wecom_webhook: webhook() }, fast)
    await drained(db.dataSource, ['wecom_webhook'])
    const parts = fake.receipts.map((r) => r.text)
    expect(parts.length).toBeGreaterThanOrEqual(4)
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(4096)
    expect(parts.join('\n\n')).toBe(text)
    const [row] = await rows()
    expect(row).toMatchObject({ status: 'sent', partsSent: parts.length })
  })

  it('lets two dispatchers run at once without sending any message twice', async () => {
    const second = kind === 'mysql' ? await createDetectedDataSource(db.url) : undefined
    if (second) await second.initialize()
    try {
      const texts = Array.from({ length: 300 }, (_, i) => `d${i}`)
      await queueMessages(
        db.dataSource,
        texts.map((text, i) => ({ channel: 'wecom_webhook', recipient: `k${i % 25}`, text })),
        new Date(),
      )
      start(
        { dataSource: db.dataSource, clock, logger },
        { wecom_webhook: webhook() },
        { ...fast, instance: 'one', concurrency: 8 },
      )
      start(
        { dataSource: second ?? db.dataSource, clock, logger },
        { wecom_webhook: webhook() },
        { ...fast, instance: 'two', concurrency: 8 },
      )
      await drained(db.dataSource, ['wecom_webhook'], 30_000)
      const received = fake.receipts.map((r) => r.text)
      expect(received).toHaveLength(300)
      expect(new Set(received)).toEqual(new Set(texts))
      const by = await db.dataSource.getRepository(OutboxAttempt).find()
      expect(new Set(by.map((a) => a.instance))).toEqual(new Set(['one', 'two']))
    } finally {
      await Promise.all(running.map((d) => d.stop()))
      running = []
      if (second) await second.destroy()
    }
  })
})

import pino from 'pino'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../core/actor'
import { queueBroadcast } from '../../core/announcements/broadcast'
import { createClock } from '../../core/clock'
import { DEMO_COHORT, seedDemo } from '../../core/cohorts/seed-demo'
import { readAudience } from '../../core/groups/audience'
import { labelGroup } from '../../core/groups/groups'
import { type Dispatcher, startDispatcher } from '../../core/delivery/dispatcher'
import type { Senders } from '../../core/delivery/sender'
import { wecomAppSender, wecomAppTokens } from '../../core/delivery/senders/wecom-app'
import { WECOM_APPCHAT_CHANNEL, wecomAppchatSender } from '../../core/delivery/senders/wecom-appchat'
import type { WindowRule } from '../../core/delivery/sender'
import { ApiToken } from '../../entities/api-token.entity'
import { Cohort } from '../../entities/cohort.entity'
import { Group } from '../../entities/group.entity'
import { OutboxAttempt } from '../../entities/outbox-attempt.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { type FakeApiServer, startFakeApiServer } from '../fakes/wecom-api-server'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'
import { clearOutbox, drained, expectPacedSixteen, queueMessages } from './outbox'

const logger = pino({ level: 'silent' })
const clock = createClock()
const fast = { pollMs: 20, leaseMs: 3_000, baseBackoffMs: 20, maxBackoffMs: 200, throttleMs: 200 }
const channel = WECOM_APPCHAT_CHANNEL
const OFFICE: Actor = { roles: [{ role: 'office', cityId: null, schoolId: null }] }

describe.each(testDbKinds())('WeCom app group chats on %s', (kind) => {
  let db: TestDataSource
  let fake: FakeApiServer
  let running: Dispatcher[] = []
  const deps = () => ({ dataSource: db.dataSource, clock, logger })
  const app = (windows?: WindowRule[]) => ({
    apiBase: fake.url,
    corpId: 'corp',
    agentId: '1000002',
    secret: 's',
    windows,
  })
  const start = (senders: Senders, options = {}) => {
    const d = startDispatcher(deps(), senders, { ...fast, ...options })
    running.push(d)
    return d
  }
  const rows = () => db.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })
  const attemptsOf = (messageId: number | undefined) =>
    db.dataSource.getRepository(OutboxAttempt).find({ where: { messageId }, order: { id: 'ASC' } })

  beforeAll(async () => {
    db = await testDataSource(kind)
    await seedDemo(db.dataSource, clock)
  })
  afterAll(async () => {
    await db.close()
  })
  beforeEach(async () => {
    fake = await startFakeApiServer()
    fake.createChat('wrNanningParents', ['zhangsan', 'lisi'])
    fake.createChat('wrLiuzhouParents', ['wangwu'])
    await clearOutbox(db.dataSource)
    // Each test's fake issues its own tokens: forget the last one's.
    await db.dataSource.getRepository(ApiToken).clear()
  })
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop()))
    running = []
    await fake.close()
  })

  it('sends the text to the chat by its chatid with the app’s token, the one the member messages use', async () => {
    await queueMessages(
      db.dataSource,
      [
        { channel, recipient: 'wrNanningParents', text: '【八桂英才计划通知】周六上午九点见面会' },
        { channel: 'wecom', recipient: 'zhangsan', text: '明天提交中期材料' },
      ],
      new Date(),
    )
    const tokens = wecomAppTokens(deps(), app())
    start({
      [channel]: wecomAppchatSender(deps(), { ...app(), tokens }),
      wecom: wecomAppSender(deps(), { ...app(), tokens }),
    })
    await drained(db.dataSource, [channel, 'wecom'])
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent'])
    const chat = fake.receipts.find((r) => r.api === 'appchat')
    expect(chat).toMatchObject({
      to: 'wrNanningParents',
      token: 'token-1',
      text: '【八桂英才计划通知】周六上午九点见面会',
    })
    expect(chat?.body).toEqual({
      chatid: 'wrNanningParents',
      msgtype: 'text',
      text: { content: '【八桂英才计划通知】周六上午九点见面会' },
    })
    // One app, one token: the member message and the chat message shared it.
    expect(fake.tokensIssued()).toBe(1)
    expect(fake.receipts.map((r) => r.api).sort()).toEqual(['appchat', 'message'])
  })

  it('refreshes a refused token (42001) and retries at once', async () => {
    const sender = wecomAppchatSender(deps(), app())
    start({ [channel]: sender })
    await queueMessages(db.dataSource, [{ channel, recipient: 'wrNanningParents', text: 'first' }], new Date())
    await drained(db.dataSource, [channel])
    fake.expireTokens()
    await queueMessages(db.dataSource, [{ channel, recipient: 'wrNanningParents', text: 'second' }], new Date())
    await drained(db.dataSource, [channel])
    expect(fake.tokensIssued()).toBe(2)
    expect(fake.receipts.map((r) => [r.text, r.token])).toEqual([
      ['first', 'token-1'],
      ['second', 'token-2'],
    ])
    const second = (await rows()).at(-1)
    expect(second?.status).toBe('sent')
    expect((await attemptsOf(second?.id)).map((a) => a.outcome)).toEqual(['token', 'sent'])
    expect(fake.requests.filter((r) => r.api === 'appchat').map((r) => r.result)).toEqual([
      'errcode 0',
      'errcode 42001',
      'errcode 0',
    ])
  })

  it('backs off on 45009 and delivers later, while another chat goes on', async () => {
    fake.failNext({ errcode: 45009 })
    await queueMessages(db.dataSource, [{ channel, recipient: 'wrNanningParents', text: 'held' }], new Date())
    start({ [channel]: wecomAppchatSender(deps(), app()) }, { throttleMs: 1_500, concurrency: 1 })
    await new Promise((r) => setTimeout(r, 300))
    await queueMessages(db.dataSource, [{ channel, recipient: 'wrLiuzhouParents', text: 'other chat' }], new Date())
    await drained(db.dataSource, [channel])
    const [held, other] = await rows()
    expect(held).toMatchObject({ status: 'sent', attempts: 2 })
    expect(other).toMatchObject({ status: 'sent', attempts: 1 })
    expect((await attemptsOf(held?.id)).map((a) => a.outcome)).toEqual(['throttle', 'sent'])
    const refused = fake.requests.find((r) => r.result === 'errcode 45009')
    const delivered = fake.receipts.find((r) => r.text === 'held')
    // The pause is 1.5 s; MariaDB keeps whole seconds, so allow for its rounding.
    expect((delivered?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000)
    expect(fake.receipts.map((r) => r.text)).toEqual(['other chat', 'held'])
  })

  it('dead-letters a chat WeCom does not know, with the reason, after one attempt', async () => {
    await queueMessages(
      db.dataSource,
      [
        { channel, recipient: 'wrGone', text: '通知' },
        { channel, recipient: 'wrLiuzhouParents', text: '通知' },
      ],
      new Date(),
    )
    start({ [channel]: wecomAppchatSender(deps(), app()) })
    await drained(db.dataSource, [channel])
    const [gone, ok] = await rows()
    expect(gone).toMatchObject({ status: 'dead', attempts: 1 })
    expect(gone?.lastError).toBe('errcode 86003: chatid not found')
    expect(ok?.status).toBe('sent')
    expect(fake.receipts.map((r) => r.to)).toEqual(['wrLiuzhouParents'])
  })

  it('splits a long text into parts of at most 2048 bytes, sent in order', async () => {
    const text = Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}条：${'请按时提交成长日志和培养报告。'.repeat(8)}`,
    ).join('\n\n')
    expect(Buffer.byteLength(text)).toBeGreaterThan(2048 * 2)
    await queueMessages(db.dataSource, [{ channel, recipient: 'wrNanningParents', text }], new Date())
    start({ [channel]: wecomAppchatSender(deps(), app()) })
    await drained(db.dataSource, [channel])
    const parts = fake.receipts.map((r) => r.text)
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(2048)
    expect(parts.join('\n\n')).toBe(text)
    expect(fake.violations).toEqual([])
    const [row] = await rows()
    expect(row).toMatchObject({ status: 'sent', partsSent: parts.length })
  })

  it('paces each chat to its window, measured at the fake (a minute scaled to 1 s)', async () => {
    await fake.close()
    fake = await startFakeApiServer({ appchatLimit: 5, appchatWindowMs: 1_000 })
    fake.createChat('wrNanningParents', ['zhangsan', 'lisi'])
    await queueMessages(
      db.dataSource,
      Array.from({ length: 16 }, (_, i) => ({ channel, recipient: 'wrNanningParents', text: `p${i}` })),
      new Date(),
    )
    start({ [channel]: wecomAppchatSender(deps(), app([{ count: 5, perMs: 1_000 }])) }, { concurrency: 4 })
    await drained(db.dataSource, [channel], 20_000)
    expect(fake.violations).toEqual([])
    expectPacedSixteen(fake.receipts)
  })

  it('reaches a group chat of the app that the office labelled, when a broadcast is meant for it', async () => {
    const ds = db.dataSource
    const cohortId = (await ds.getRepository(Cohort).findOneByOrFail({ year: DEMO_COHORT })).id
    await labelGroup(deps(), OFFICE, {
      group: { kind: 'wecom_appchat', externalId: 'wrNanningParents', name: '南宁家长（应用群）' },
      cohortId,
      words: '南宁 家长',
    })
    const group = await ds
      .getRepository(Group)
      .findOneByOrFail({ kind: 'wecom_appchat', externalId: 'wrNanningParents' })
    expect(group).toMatchObject({ cohortId, audience: 'parent' })
    const audience = await readAudience(ds, cohortId, '南宁 家长')
    if (!audience) throw new Error('南宁 家长 is an audience of the demo cohort')
    await queueBroadcast(deps(), OFFICE, { cohortId, audience, text: '周六上午九点见面会' })
    start({ [channel]: wecomAppchatSender(deps(), app()) })
    await drained(ds, [channel])
    const row = await ds.getRepository(OutboxMessage).findOneByOrFail({ channel })
    expect(row).toMatchObject({ recipient: 'wrNanningParents', status: 'sent' })
    expect(row.idempotencyKey).toMatch(new RegExp(`:group:${group.id}$`))
    expect(fake.receipts.map((r) => [r.to, r.text])).toEqual([
      ['wrNanningParents', '【八桂英才计划通知】周六上午九点见面会'],
    ])
  })
})

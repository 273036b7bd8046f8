import pino from 'pino'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createClock } from '../../core/clock'
import { grantConsent } from '../../core/delivery/consents'
import { type Dispatcher, startDispatcher } from '../../core/delivery/dispatcher'
import { miniprogramSender } from '../../core/delivery/senders/miniprogram'
import { wechatySenders } from '../../core/delivery/senders/wechaty'
import { wecomAppSender } from '../../core/delivery/senders/wecom-app'
import { wecomBotSender } from '../../core/delivery/senders/wecom-bot'
import type { Senders } from '../../core/delivery/sender'
import { OutboxAttempt } from '../../entities/outbox-attempt.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { SubscribeConsent } from '../../entities/subscribe-consent.entity'
import { type FakeApiServer, startFakeApiServer } from '../fakes/wecom-api-server'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'
import { clearOutbox, drained, queueMessages } from './outbox'

const logger = pino({ level: 'silent' })
const clock = createClock()
const fast = { pollMs: 20, leaseMs: 3_000, baseBackoffMs: 20, maxBackoffMs: 200, throttleMs: 200 }

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.each(testDbKinds())('outbox senders on %s', (kind) => {
  let db: TestDataSource
  let fake: FakeApiServer
  let running: Dispatcher[] = []
  const deps = () => ({ dataSource: db.dataSource, clock, logger })
  const start = (senders: Senders, options = {}) => {
    const d = startDispatcher(deps(), senders, { ...fast, ...options })
    running.push(d)
    return d
  }
  const rows = () => db.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })
  const attempts = () => db.dataSource.getRepository(OutboxAttempt).find({ order: { id: 'ASC' } })

  beforeAll(async () => {
    db = await testDataSource(kind)
  })
  afterAll(async () => {
    await db.close()
  })
  beforeEach(async () => {
    fake = await startFakeApiServer({ users: ['zhangsan', 'lisi'] })
    await clearOutbox(db.dataSource)
  })
  afterEach(async () => {
    await Promise.all(running.map((d) => d.stop()))
    running = []
    await fake.close()
  })

  it('WeCom app: a recipient WeCom does not know is a dead letter with errcode 81013', async () => {
    await queueMessages(
      db.dataSource,
      [
        { channel: 'wecom', recipient: 'zhangsan', text: '明天提交中期材料' },
        { channel: 'wecom', recipient: 'ghost', text: '明天提交中期材料' },
      ],
      new Date(),
    )
    const app = wecomAppSender(deps(), { apiBase: fake.url, corpId: 'c', agentId: '1000002', secret: 's' })
    start({ wecom: app })
    await drained(db.dataSource, ['wecom'])
    const [ok, ghost] = await rows()
    expect(ok?.status).toBe('sent')
    expect(ghost).toMatchObject({ status: 'dead', attempts: 1 })
    expect(ghost?.lastError).toMatch(/^errcode 81013/)
    expect(fake.receipts[0]?.body).toMatchObject({ touser: 'zhangsan', msgtype: 'text', agentid: 1000002 })
  })

  it('mini-program: spends one consent per message, waits without one, and forgets consents on 43101', async () => {
    const mp = miniprogramSender(deps(), { apiBase: fake.url, appId: 'wxapp', secret: 's', templateId: 'tpl-1' })
    const long = '请在本周五前提交你的年度培养报告和成长日志，逾期将影响年度评价'
    await queueMessages(
      db.dataSource,
      [
        { channel: 'miniprogram', recipient: 'openid-a', text: long },
        { channel: 'miniprogram', recipient: 'openid-a', text: '第二条' },
      ],
      new Date(),
    )
    await grantConsent(db.dataSource, 'openid-a', 'tpl-1', new Date())
    start({ miniprogram: mp }, { waitMs: 60_000 })
    await until(async () => (await rows()).every((r) => r.status === 'sent' || r.attempts > 0 || r.lastError))
    let [first, second] = await rows()
    expect(first?.status).toBe('sent')
    expect(second).toMatchObject({ status: 'pending', attempts: 0, lastError: 'no subscribe consent left' })
    expect(second?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000)
    expect(fake.receipts).toHaveLength(1)
    const value = fake.receipts[0]?.body.data.thing1.value as string
    expect([...value].length).toBeLessThanOrEqual(20)
    expect(value.startsWith('请在本周五前提交')).toBe(true)
    expect(await db.dataSource.getRepository(SubscribeConsent).findOneBy({ openid: 'openid-a' })).toMatchObject({
      remaining: 0,
    })

    // The user accepts again: the waiting message goes once it is due; WeChat refuses it (43101).
    await grantConsent(db.dataSource, 'openid-a', 'tpl-1', new Date(), 2)
    await db.dataSource.getRepository(OutboxMessage).update({ id: second?.id }, { nextAttemptAt: new Date() })
    fake.failNext({ errcode: 43101 })
    // The attempt is recorded before the row is handed back: wait for both.
    await until(
      async () =>
        (await attempts()).filter((a) => a.messageId === second?.id).length >= 2 &&
        (await rows())[1]?.status !== 'sending',
    )
    ;[first, second] = await rows()
    expect(second?.status).toBe('pending')
    expect(second?.lastError).toMatch(/43101/)
    expect(await db.dataSource.getRepository(SubscribeConsent).findOneBy({ openid: 'openid-a' })).toMatchObject({
      remaining: 0,
    })
    expect(fake.receipts).toHaveLength(1)
  })

  it('WeCom bot push: only the connection holder claims the rows; one claimed as the connection moved is handed back', async () => {
    let holder = false
    const pushed: Array<{ chatid: string; markdown: string }> = []
    const bot = {
      isHolder: () => holder,
      async push(chatid: string, markdown: string) {
        if (!holder) throw new Error('wecom bot: this instance holds no connection')
        pushed.push({ chatid, markdown })
      },
    }
    await queueMessages(
      db.dataSource,
      [{ channel: 'wecom_chat', recipient: 'chat-1', text: '**通知** 周六见面会' }],
      new Date(),
    )
    start({ wecom_chat: wecomBotSender(bot) })
    await new Promise((r) => setTimeout(r, 200))
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 0, lockedBy: null })

    // Holder when claiming, no longer when pushing: released, no attempt counted.
    let flips = 0
    const moving = {
      isHolder: () => (flips++ === 0 ? true : holder),
      push: bot.push,
    }
    await Promise.all(running.map((d) => d.stop()))
    running = []
    start({ wecom_chat: wecomBotSender(moving) })
    await until(async () => flips >= 2)
    await Promise.all(running.map((d) => d.stop()))
    running = []
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 0, lockedBy: null })
    expect(await attempts()).toHaveLength(0)

    holder = true
    start({ wecom_chat: wecomBotSender(bot) })
    await drained(db.dataSource, ['wecom_chat'])
    expect(pushed).toEqual([{ chatid: 'chat-1', markdown: '**通知** 周六见面会' }])
  })

  it('wechaty: finds contacts and rooms by stable id and paces room messages', async () => {
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const wechaty = WechatyBuilder.build({ puppet })
    await wechaty.start()
    const botUser = mocker.createContact({ name: 'Bot' })
    mocker.login(botUser)
    const [alice, bob] = mocker.createContacts(2) as [mock.ContactMock, mock.ContactMock]
    const room = mocker.createRoom({ memberIdList: [botUser.id, alice.id, bob.id], topic: '桂林物理组' })
    const sent: Array<{ to?: string; room?: string; text: string; at: number }> = []
    puppet.on('message', ({ messageId }) => {
      const p = mocker.messagePayload(messageId)
      if (p.talkerId === botUser.id) sent.push({ to: p.listenerId, room: p.roomId, text: p.text ?? '', at: Date.now() })
    })
    try {
      await until(() => wechaty.isLoggedIn)
      await queueMessages(
        db.dataSource,
        [
          ...['一', '二', '三'].map((n) => ({ channel: 'wechat_room', recipient: room.id, text: `群通知${n}` })),
          { channel: 'wechat', recipient: alice.id, text: '你的成长日志还没写' },
        ],
        new Date(),
      )
      start(wechatySenders(wechaty, { roomGapMs: 300, contactGapMs: 0 }), { maxHoldMs: 1_000 })
      await drained(db.dataSource, ['wechat', 'wechat_room'])
      await until(() => sent.length >= 4)
      const inRoom = sent.filter((s) => s.room === room.id)
      expect(inRoom.map((s) => s.text)).toEqual(['群通知一', '群通知二', '群通知三'])
      for (let i = 1; i < inRoom.length; i++) {
        expect((inRoom[i]?.at ?? 0) - (inRoom[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(280)
      }
      expect(sent.filter((s) => !s.room)).toMatchObject([{ to: alice.id, text: '你的成长日志还没写' }])
    } finally {
      await Promise.all(running.map((d) => d.stop()))
      running = []
      await wechaty.stop()
    }
  })
})

import { randomBytes } from 'node:crypto'
import { decrypt } from '@wecom/crypto'
import pino from 'pino'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type WecomApp, startWecomApp } from '../../bot/channels/wecom-app'
import { type WechatKf, startWechatKf } from '../../bot/channels/wechat-kf'
import { createEngine } from '../../bot/engine'
import type { Actor } from '../../core/actor'
import { ensureBuiltInPrograms } from '../../core/cohorts/load-program'
import { seedDemo } from '../../core/cohorts/seed-demo'
import { openDatabase } from '../../core/db'
import { type Dispatcher, startDispatcher } from '../../core/delivery/dispatcher'
import { queueReply } from '../../core/delivery/queue-reply'
import { wechatKfSender } from '../../core/delivery/senders/wechat-kf'
import { wecomAppSender } from '../../core/delivery/senders/wecom-app'
import { ForbiddenError } from '../../core/errors'
import { answerQuestion } from '../../core/knowledge/answer'
import { AnswerCache } from '../../core/knowledge/answer-cache'
import { builtInProgram } from '../../core/knowledge/program'
import { KF_CHANNEL, listHeldKfMessages } from '../../core/wechat-kf/customers'
import { kfApi } from '../../core/wechat-kf/kf-api'
import {
  IdentityBinding,
  InviteCode,
  OutboxMessage,
  ProcessedMessage,
  WechatKfCursor,
  WechatKfCustomer,
} from '../../entities'
import { createApp } from '../../server/app'
import { listen, type RunningServer } from '../../server/http'
import { movableClock } from '../bot/harness'
import { type FakeApiServer, startFakeApiServer } from '../fakes/wecom-api-server'
import {
  appMessageXml,
  type CallbackSettings,
  callbackQuery,
  envelopeXml,
  kfEventXml,
  sealForWecom,
  wecomSignature,
} from '../fakes/wecom-callback'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'
import { eventually } from '../helpers/server'

const logger = pino({ level: 'silent' })
const SETTINGS: CallbackSettings = {
  token: 'cbToken2024',
  encodingAesKey: randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 43),
  corpId: 'ww0a1b2c3d4e5f6789',
}
const APP = { corpId: SETTINGS.corpId, agentId: '1000002', secret: 'app-secret' }
const KF_ACCOUNT = 'wkOpenKf0001'
const OFFICE: Actor = { personId: 1, roles: [{ role: 'office', cityId: null, schoolId: null }] }
const nowSeconds = () => Math.floor(Date.now() / 1000)
const fast = { pollMs: 20, leaseMs: 3_000, baseBackoffMs: 20, maxBackoffMs: 200, throttleMs: 200 }

/** One running instance of the service's callback side: engine, channels, HTTP app and dispatcher. */
interface Instance {
  base: string
  kf: WechatKf
  app: WecomApp
  dispatcher: Dispatcher
  stop(): Promise<void>
}

describe.each(testDbKinds())('WeCom app callback on %s', (kind) => {
  let db: TestDataSource
  let ds: DataSource
  let fake: FakeApiServer
  let service: Instance
  const clock = movableClock('2024-03-15T10:00:00+08:00')

  async function startInstance(dataSource: DataSource, now?: () => number): Promise<Instance> {
    const deps = { dataSource, clock, logger }
    const engine = createEngine({ ...deps, answers: new AnswerCache() })
    const api = () => kfApi(deps, { apiBase: fake.url, ...APP })
    let dispatcher: Dispatcher | undefined
    const wake = () => dispatcher?.wake()
    const kf = startWechatKf({ ...deps, engine }, { api: api(), leaseMs: 3_000, onQueued: wake })
    const app = startWecomApp({ ...deps, engine }, { kf, onQueued: wake })
    const http: RunningServer = await listen(
      createApp({
        ...deps,
        config: { qaRateLimitPerMinute: 1_000, trustProxy: 0 },
        wecomCallback: { keys: SETTINGS, receive: app.receive, now },
      }),
      0,
      '127.0.0.1',
    )
    dispatcher = startDispatcher(
      deps,
      {
        wecom: wecomAppSender(deps, { apiBase: fake.url, ...APP }),
        [KF_CHANNEL]: wechatKfSender(deps, { api: api() }),
      },
      fast,
    )
    const running = dispatcher
    return {
      base: `http://127.0.0.1:${http.port}`,
      kf,
      app,
      dispatcher: running,
      async stop() {
        await http.close(1_000)
        await app.stop()
        await kf.stop()
        await running.stop()
      },
    }
  }

  const outbox = () => ds.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })
  const processed = () => ds.getRepository(ProcessedMessage).count()

  async function post(xml: string, options: { timestamp?: number; receiveId?: string; query?: string } = {}) {
    const sealed = sealForWecom(SETTINGS, xml, options)
    const query = options.query ?? callbackQuery(sealed)
    const started = Date.now()
    const res = await fetch(`${service.base}/wecom/callback?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: envelopeXml(SETTINGS.corpId, sealed.encrypt),
    })
    return { status: res.status, text: await res.text(), ms: Date.now() - started }
  }

  const sayAsMember = (from: string, content: string, msgId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`) =>
    post(appMessageXml({ corpId: SETTINGS.corpId, from, content, msgId }))

  /** The text the fake WeCom API received for a member, once it arrived. */
  const receivedBy = (to: string, count = 1) =>
    eventually(async () => {
      const got = fake.receipts.filter((r) => r.to === to)
      return got.length >= count ? got.map((r) => r.text) : undefined
    }, 10_000)

  beforeAll(async () => {
    db = await testDataSource(kind)
    ds = db.dataSource
    await ensureBuiltInPrograms(ds)
    await seedDemo(ds, clock)
    // As main.ts does before serving: the tokeniser's dictionary loads once, not in the first person's time.
    const program = builtInProgram()
    if (program) answerQuestion(program, '名额', clock.now())
    fake = await startFakeApiServer()
    service = await startInstance(ds)
  })
  afterAll(async () => {
    await service?.stop()
    await fake?.close()
    if (ds !== db.dataSource && ds.isInitialized) await ds.destroy()
    await db?.close()
  })

  describe('URL verification (GET)', () => {
    it("answers the decrypted echostr of WeCom's own test vector, as plain text", async () => {
      const official = await listen(
        createApp({
          dataSource: ds,
          clock,
          logger,
          config: { qaRateLimitPerMinute: 1_000, trustProxy: 0 },
          wecomCallback: {
            keys: {
              token: 'QDG6eK',
              encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
              corpId: 'wx5823bf96d3bd56c7',
            },
            receive: () => {},
            now: () => 1409659589_000,
          },
        }),
        0,
        '127.0.0.1',
      )
      try {
        const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=='
        const query = `msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780`
        const res = await fetch(
          `http://127.0.0.1:${official.port}/wecom/callback?${query}&echostr=${encodeURIComponent(echostr)}`,
        )
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
        expect(await res.text()).toBe('1616140317555161061')
        // A raw `+` (not percent-encoded) is read as a `+`, not as a space.
        const raw = await fetch(`http://127.0.0.1:${official.port}/wecom/callback?${query}&echostr=${echostr}`)
        expect(await raw.text()).toBe('1616140317555161061')
      } finally {
        await official.close(1_000)
      }
    })

    it('answers an echo string sealed now with our settings, and 401 for a bad signature or an old one', async () => {
      const echo = sealForWecom(SETTINGS, '8172635441928374')
      const ok = await fetch(`${service.base}/wecom/callback?${callbackQuery(echo, echo.encrypt)}`)
      expect([ok.status, await ok.text()]).toEqual([200, '8172635441928374'])

      const forged = { ...echo, signature: 'f'.repeat(40) }
      const bad = await fetch(`${service.base}/wecom/callback?${callbackQuery(forged, echo.encrypt)}`)
      expect(bad.status).toBe(401)
      expect(await bad.json()).toEqual({ error: { code: 'unauthorized', message: '签名无效' } })

      const old = sealForWecom(SETTINGS, '8172635441928374', { timestamp: Math.floor(Date.now() / 1000) - 301 })
      const stale = await fetch(`${service.base}/wecom/callback?${callbackQuery(old, old.encrypt)}`)
      expect(stale.status).toBe(401)
      expect(await stale.json()).toEqual({ error: { code: 'unauthorized', message: '时间戳超出 5 分钟有效期' } })
    })
  })

  describe('messages (POST)', () => {
    it('seals as @wecom/crypto opens: the test encrypts independently of the library', () => {
      const sealed = sealForWecom(SETTINGS, '<xml>你好</xml>')
      expect(decrypt(SETTINGS.encodingAesKey, sealed.encrypt)).toMatchObject({
        message: '<xml>你好</xml>',
        id: SETTINGS.corpId,
      })
    })

    it('answers a text message at once with an empty 200, and the reply reaches the member through the outbox', async () => {
      const res = await sayAsMember('zhangsan', '南宁市选拔多少名学生？', '7301000000000000001')
      expect(res).toMatchObject({ status: 200, text: '' })
      expect(res.ms).toBeLessThan(1_000)
      const [reply] = await receivedBy('zhangsan')
      expect(reply).toContain('30')
      const row = (await outbox()).find((r) => r.idempotencyKey === 'wecom-app:7301000000000000001:reply')
      expect(row).toMatchObject({ channel: 'wecom', recipient: 'zhangsan' })
      await eventually(
        async () => (await ds.getRepository(OutboxMessage).findOneBy({ id: row?.id }))?.status === 'sent',
      )
      expect(fake.receipts.find((r) => r.to === 'zhangsan')?.body).toMatchObject({ msgtype: 'text', agentid: 1000002 })
    })

    it('handles the same MsgId once, however often WeCom sends it', async () => {
      const xml = appMessageXml({
        corpId: SETTINGS.corpId,
        from: 'lisi',
        content: '帮助',
        msgId: '7301000000000000002',
      })
      const answers = await Promise.all([post(xml), post(xml), post(xml)])
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      await receivedBy('lisi')
      await sayAsMember('lisi', '帮助', '7301000000000000003')
      await receivedBy('lisi', 2)
      expect(fake.receipts.filter((r) => r.to === 'lisi')).toHaveLength(2)
      expect(
        await ds.getRepository(ProcessedMessage).countBy({ channel: 'wecom', messageId: '7301000000000000002' }),
      ).toBe(1)
      expect((await outbox()).filter((r) => r.idempotencyKey === 'wecom-app:7301000000000000002:reply')).toHaveLength(1)
    })

    it('refuses a bad signature and a stale timestamp with 401, and writes nothing', async () => {
      const [rows, seen] = [(await outbox()).length, await processed()]
      const xml = appMessageXml({
        corpId: SETTINGS.corpId,
        from: 'wangwu',
        content: '帮助',
        msgId: '7301000000000000004',
      })
      const sealed = sealForWecom(SETTINGS, xml)
      const forged = await post(xml, { query: callbackQuery({ ...sealed, signature: '0'.repeat(40) }) })
      expect(forged.status).toBe(401)
      expect(JSON.parse(forged.text)).toEqual({ error: { code: 'unauthorized', message: '签名无效' } })
      // Signed with another token: as bad as a forged signature.
      const other = sealForWecom({ ...SETTINGS, token: 'another-token' }, xml)
      expect((await post(xml, { query: callbackQuery(other) })).status).toBe(401)
      const stale = await post(xml, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })
      expect(stale.status).toBe(401)
      expect(JSON.parse(stale.text).error.code).toBe('unauthorized')
      const future = await post(xml, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 })
      expect(future.status).toBe(401)
      // Well signed, but sealed for another corp.
      expect((await post(xml, { receiveId: 'wwSomeOtherCorp' })).status).toBe(401)
      await new Promise((r) => setTimeout(r, 300))
      expect([(await outbox()).length, await processed()]).toEqual([rows, seen])
      expect(fake.receipts.filter((r) => r.to === 'wangwu')).toEqual([])
    })

    it('answers malformed requests with 4xx in the error shape, never 5xx, and writes nothing', async () => {
      const [rows, seen] = [(await outbox()).length, await processed()]
      const sealed = sealForWecom(
        SETTINGS,
        appMessageXml({ corpId: SETTINGS.corpId, from: 'x', content: 'y', msgId: '1' }),
      )
      const url = `${service.base}/wecom/callback`
      const q = callbackQuery(sealed)
      const send = async (path: string, init: RequestInit = {}) => {
        const res = await fetch(path, { method: 'POST', ...init })
        const text = await res.text()
        return { status: res.status, body: text ? JSON.parse(text) : undefined }
      }
      const cases: Array<[string, Promise<{ status: number; body: { error?: { code: string } } }>, number]> = [
        ['no query', send(url, { body: envelopeXml(SETTINGS.corpId, sealed.encrypt) }), 400],
        ['a short signature', send(`${url}?msg_signature=abc&timestamp=1&nonce=2`, { body: '<xml/>' }), 400],
        [
          'a repeated parameter',
          send(`${url}?${q}&nonce=3`, { body: envelopeXml(SETTINGS.corpId, sealed.encrypt) }),
          400,
        ],
        ['a broken escape', send(`${url}?${q}&x=%E4%`, { body: envelopeXml(SETTINGS.corpId, sealed.encrypt) }), 400],
        ['an empty body', send(`${url}?${q}`, { body: '' }), 400],
        ['JSON', send(`${url}?${q}`, { body: JSON.stringify({ Encrypt: sealed.encrypt }) }), 400],
        ['XML without Encrypt', send(`${url}?${q}`, { body: '<xml><ToUserName>a</ToUserName></xml>' }), 400],
        ['broken XML', send(`${url}?${q}`, { body: `<xml><Encrypt><![CDATA[${sealed.encrypt}]]></xml>` }), 400],
        [
          'an entity bomb',
          send(`${url}?${q}`, {
            body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>',
          }),
          400,
        ],
        ['a body too large', send(`${url}?${q}`, { body: `<xml><Encrypt>${'A'.repeat(70_000)}</Encrypt></xml>` }), 413],
        ['a method it lacks', send(`${url}?${q}`, { method: 'PUT', body: '<xml/>' }), 405],
      ]
      for (const [what, pending, status] of cases) {
        const got = await pending
        expect({ what, status: got.status }).toEqual({ what, status })
        expect(typeof got.body?.error?.code, what).toBe('string')
      }
      // Correctly signed ciphertext that decrypts to nothing readable: 400, not 500.
      const junk = randomBytes(48).toString('base64')
      const signed = sealForWecom(SETTINGS, 'x')
      const junkQuery = callbackQuery({
        ...signed,
        signature: wecomSignature(SETTINGS.token, signed.timestamp, signed.nonce, junk),
      })
      const junkRes = await send(`${url}?${junkQuery}`, { body: envelopeXml(SETTINGS.corpId, junk) })
      expect(junkRes.status).toBeGreaterThanOrEqual(400)
      expect(junkRes.status).toBeLessThan(500)
      // A sealed message that is not XML inside.
      const notXml = await post('plain words')
      expect(notXml.status).toBe(400)
      await new Promise((r) => setTimeout(r, 200))
      expect([(await outbox()).length, await processed()]).toEqual([rows, seen])
    })

    it('answers pictures with a note that it reads text, and binds a member with an invite code', async () => {
      await post(
        appMessageXml({
          corpId: SETTINGS.corpId,
          from: 'zhaoliu',
          msgType: 'image',
          msgId: '7301000000000000005',
          extra: { PicUrl: 'http://127.0.0.1:9/p.jpg', MediaId: 'm1' },
        }),
      )
      expect((await receivedBy('zhaoliu'))[0]).toContain('文字')

      const student = await ds
        .getRepository(IdentityBinding)
        .findOneByOrFail({ channel: 'terminal', externalId: 'demo-student' })
      await ds.getRepository(InviteCode).insert({
        code: 'WECOM123',
        personId: student.personId,
        role: 'student',
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 86_400_000),
        usedAt: null,
      })
      await sayAsMember('zhaoliu', '绑定 WECOM123')
      expect((await receivedBy('zhaoliu', 2))[1]).toContain('绑定成功')
      await sayAsMember('zhaoliu', '我的进度')
      expect((await receivedBy('zhaoliu', 3))[2]).toMatch(/\d+\/10/)
      expect(await ds.getRepository(IdentityBinding).countBy({ channel: 'wecom', externalId: 'zhaoliu' })).toBe(1)
    })
  })

  describe('WeChat users through 微信客服', () => {
    const customer = 'wmCustomer0001'
    const event = (token = `evt-${Math.random()}`) => post(kfEventXml(SETTINGS.corpId, KF_ACCOUNT, token))
    const kfReceived = (to: string, count: number) =>
      eventually(async () => {
        const got = fake.receipts.filter((r) => r.api === 'kf' && r.to === to)
        return got.length >= count ? got : undefined
      }, 10_000)

    it('pulls the stream on the event, answers through kf/send_msg, and keeps the cursor', async () => {
      fake.kfCustomerSays(KF_ACCOUNT, customer, '南宁市选拔多少名学生？', nowSeconds() - 20)
      fake.kfStreamAdd(KF_ACCOUNT, {
        msgid: 'sys-1',
        send_time: Math.floor(Date.now() / 1000),
        origin: 4,
        msgtype: 'event',
        event: {},
      })
      const res = await event('token-one')
      expect(res).toMatchObject({ status: 200, text: '' })
      const [sent] = await kfReceived(customer, 1)
      expect(sent?.body).toMatchObject({ touser: customer, open_kfid: KF_ACCOUNT, msgtype: 'text' })
      expect(sent?.text).toContain('30')
      expect(fake.kfSyncs[0]).toEqual({ openKfId: KF_ACCOUNT, cursor: '', token: 'token-one' })
      expect(await ds.getRepository(WechatKfCursor).findOneByOrFail({ openKfId: KF_ACCOUNT })).toMatchObject({
        cursor: 'c2',
      })
    })

    it('goes on from the stored cursor after a restart, and binds as on other channels', async () => {
      await service.stop()
      await ds.destroy()
      // A new process: a new connection to the same database, new channels, new HTTP server.
      ds = await openDatabase(db.url)
      service = await startInstance(ds)
      const student = await ds
        .getRepository(IdentityBinding)
        .findOneByOrFail({ channel: 'terminal', externalId: 'demo-student-2' })
      await ds.getRepository(InviteCode).insert({
        code: 'KEFU5678',
        personId: student.personId,
        role: 'student',
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 86_400_000),
        usedAt: null,
      })
      const syncsBefore = fake.kfSyncs.length
      fake.kfCustomerSays(KF_ACCOUNT, customer, '绑定 KEFU5678', nowSeconds() - 10)
      await event()
      const sent = await kfReceived(customer, 2)
      expect(sent[1]?.text).toContain('绑定成功')
      expect(fake.kfSyncs[syncsBefore]?.cursor).toBe('c2')
      expect(fake.kfSyncs.slice(syncsBefore).every((s) => s.cursor !== '')).toBe(true)
      expect(await ds.getRepository(IdentityBinding).countBy({ channel: 'wechat-kf', externalId: customer })).toBe(1)
    })

    it('sends at most 5 messages in the 48 h after the last one; the rest are held, listed, and sent when the user writes', async () => {
      // The customer's last message (绑定) has used 1 of its 5 sends: 4 more go, 2 are held.
      for (let i = 1; i <= 6; i++) {
        await queueReply(
          ds,
          { channel: KF_CHANNEL, recipient: customer, text: `提醒 ${i}`, idempotencyKey: `kf-test:${i}` },
          clock.now(),
        )
      }
      service.dispatcher.wake()
      await kfReceived(customer, 6)
      await eventually(async () => {
        const rows = await ds.getRepository(OutboxMessage).findBy({ channel: KF_CHANNEL, status: 'pending' })
        return rows.length === 2 && rows.every((r) => r.lastError?.startsWith('kf_window')) ? rows : undefined
      })
      const customerRow = await ds.getRepository(WechatKfCustomer).findOneByOrFail({ externalUserId: customer })
      expect(customerRow.sentSince).toBe(5)
      const held = await listHeldKfMessages({ dataSource: ds }, OFFICE)
      expect(held.total).toBe(2)
      expect(held.messages.map((m) => [m.recipient, m.text])).toEqual([
        [customer, '提醒 5'],
        [customer, '提醒 6'],
      ])
      expect(held.messages[0]?.reason).toContain('5 条')
      await expect(
        listHeldKfMessages(
          { dataSource: ds },
          { personId: 2, roles: [{ role: 'parent', cityId: null, schoolId: null }] },
        ),
      ).rejects.toThrow(ForbiddenError)
      // The office sees them in the chat too; nobody else may.
      const office = createEngine({ dataSource: ds, clock, logger })
      const ask = async (senderId: string) =>
        (await office.handle({ channel: 'terminal', senderId, text: '客服待发' })).map((r) => r.text).join('\n')
      expect(await ask('demo-staff')).toMatch(/共 2 条[\s\S]*wmCustomer0001｜提醒 5[\s\S]*提醒 6/)
      expect(await ask('demo-parent')).toContain('没有权限')
      await new Promise((r) => setTimeout(r, 200))
      expect(fake.receipts.filter((r) => r.api === 'kf' && r.to === customer)).toHaveLength(6)

      // The user writes again: the held two go first, then the answer.
      fake.kfCustomerSays(KF_ACCOUNT, customer, '帮助')
      await event()
      const all = await kfReceived(customer, 9)
      expect(all.slice(6, 8).map((r) => r.text)).toEqual(['提醒 5', '提醒 6'])
      expect(all[8]?.text).toContain('成长日志')
      expect((await listHeldKfMessages({ dataSource: ds }, OFFICE)).total).toBe(0)
      expect(fake.violations).toEqual([])
    })

    it("holds the reply to a message older than 48 h rather than break the platform's rule", async () => {
      const old = Math.floor(Date.now() / 1000) - 49 * 3600
      const msgid = fake.kfCustomerSays(KF_ACCOUNT, 'wmLateCustomer', '帮助', old)
      await event()
      const row = await eventually(async () => {
        const r = await ds.getRepository(OutboxMessage).findOneBy({ idempotencyKey: `${KF_CHANNEL}:${msgid}:reply` })
        return r?.lastError ? r : undefined
      })
      expect(row.status).toBe('pending')
      expect(row.lastError).toContain('48 小时')
      expect(fake.receipts.filter((r) => r.to === 'wmLateCustomer')).toEqual([])
      expect(fake.violations).toEqual([])
    })

    it('lets one instance pull at a time: two instances on one event stream read each page once', async () => {
      const second = await startInstance(ds)
      try {
        const syncsBefore = fake.kfSyncs.length
        const people = ['wmA', 'wmB', 'wmC', 'wmD', 'wmE']
        for (const p of people) fake.kfCustomerSays(KF_ACCOUNT, p, '帮助')
        await Promise.all([service.kf.sync(KF_ACCOUNT, 't1'), second.kf.sync(KF_ACCOUNT, 't2')])
        for (const p of people) await kfReceived(p, 1)
        const cursors = fake.kfSyncs.slice(syncsBefore).map((s) => s.cursor)
        expect(new Set(cursors).size).toBe(cursors.length)
        for (const p of people) expect(fake.receipts.filter((r) => r.to === p)).toHaveLength(1)
      } finally {
        await second.stop()
      }
    })
  })
})

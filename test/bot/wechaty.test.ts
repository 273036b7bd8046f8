import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { type WechatyChannel, startWechaty } from '../../bot/channels/wechaty'
import type { Engine } from '../../bot/engine'
import { Group } from '../../entities/group.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { testDbKinds } from '../helpers/db'
import { type BotHarness, botHarness, figures } from './harness'

/** Waits until `check` holds, or fails after `ms`. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A quiet moment: long enough for a reply that should not come to have come. */
const settle = () => new Promise((r) => setTimeout(r, 300))

interface World {
  mocker: mock.Mocker
  channel: WechatyChannel
  botUser: mock.ContactMock
  /** Texts the bot sent, in order, with where they went. */
  sent: Array<{ to: string; room?: string; text: string }>
}

/** A mock WeChat world with the bot logged in, talking to `engine`. */
async function world(engine: Engine, h: BotHarness): Promise<World> {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const channel = await startWechaty({ engine, logger: createSilentLogger(h) }, { puppet, printQr: () => {} })
  const botUser = mocker.createContact({ name: 'Bot' })
  mocker.login(botUser)
  const sent: World['sent'] = []
  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId)
    if (payload.talkerId !== botUser.id) return
    sent.push({ to: payload.listenerId ?? '', room: payload.roomId, text: payload.text ?? '' })
  })
  return { mocker, channel, botUser, sent }
}

/** Says `text` to the bot in a private chat and returns what the bot answered. */
async function privately(w: World, who: mock.ContactMock, text: string): Promise<string> {
  const before = w.sent.length
  who.say(text).to(w.botUser)
  await until(() => w.sent.length > before)
  await settle()
  return w.sent
    .slice(before)
    .map((s) => s.text)
    .join('\n')
}

function createSilentLogger(h: BotHarness) {
  return {
    ...console,
    info() {},
    warn() {},
    debug() {},
    error: (...a: unknown[]) => h.logLines.push(JSON.stringify(a)),
  } as never
}

/** Binds a mock contact to a demo person, as an invite code would. */
async function bindAs(h: BotHarness, contactId: string, handle: string) {
  const repo = h.dataSource.getRepository(IdentityBinding)
  const { personId } = await repo.findOneByOrFail({ channel: 'terminal', externalId: handle })
  await repo.insert({ personId, channel: 'wechat', externalId: contactId, boundAt: h.clock.now() })
}

describe.each(testDbKinds())('WeChat channel through wechaty-puppet-mock on %s', (kind) => {
  let h: BotHarness
  let w: World
  beforeAll(async () => {
    h = await botHarness(kind)
  })
  afterAll(async () => {
    await h.close()
  })
  afterEach(async () => {
    await w?.channel.stop()
  })

  it('answers a private chat and ignores its own messages', async () => {
    w = await world(h.engine, h)
    const [alice] = w.mocker.createContacts(1) as [mock.ContactMock]
    alice.say('南宁市选拔多少名学生？').to(w.botUser)
    await until(() => w.sent.length > 0)
    await settle()
    expect(w.sent).toHaveLength(1)
    expect(w.sent[0]?.to).toBe(alice.id)
    expect(w.sent[0]?.text).toContain('30')
  })

  it('in a group answers only when @mentioned, @mentions the asker, and knows the group by its id', async () => {
    w = await world(h.engine, h)
    const [alice, bob] = w.mocker.createContacts(2) as [mock.ContactMock, mock.ContactMock]
    const room = w.mocker.createRoom({ topic: '南宁家长群', memberIdList: [alice.id, bob.id, w.botUser.id] })
    alice.say('南宁名额多少').to(room)
    await settle()
    expect(w.sent).toHaveLength(0)
    bob.say('@Bot\u2005南宁名额多少', [w.botUser]).to(room)
    await until(() => w.sent.length > 0)
    expect(w.sent[0]?.room).toBe(room.id)
    expect(w.sent[0]?.text.startsWith(`@${bob.payload.name}`)).toBe(true)
    expect(w.sent[0]?.text).toContain('30')
    const group = await h.dataSource.getRepository(Group).findOneByOrFail({ kind: 'room', externalId: room.id })
    expect(group.name).toBe('南宁家长群')
  })

  it('keeps two people of one group in their own dialogues, interleaved', async () => {
    w = await world(h.engine, h)
    const [alice, bob] = w.mocker.createContacts(2) as [mock.ContactMock, mock.ContactMock]
    const room = w.mocker.createRoom({ topic: '咨询群', memberIdList: [alice.id, bob.id, w.botUser.id] })
    const ask = async (who: mock.ContactMock, text: string) => {
      const before = w.sent.length
      who.say(`@Bot\u2005${text}`, [w.botUser]).to(room)
      await until(() => w.sent.length > before)
      return w.sent
        .slice(before)
        .map((s) => s.text)
        .join('\n')
    }
    expect(await ask(alice, '我家孩子能报名吗')).toContain('请告诉我')
    expect(await ask(bob, '孩子能参加吗')).toContain('请告诉我')
    await ask(alice, '桂林市七星区')
    await ask(bob, '柳州')
    expect(await ask(bob, '高二，综合排名年级前15%')).toMatch(/可以报名/)
    const alicesVerdict = await ask(alice, '高三')
    expect(alicesVerdict).toMatch(/不符合/)
    expect(alicesVerdict).toContain('桂林')
  })

  it('takes a growth log from a bound student, continuing after a restart of the bot', async () => {
    w = await world(h.engine, h)
    const [student] = w.mocker.createContacts(1) as [mock.ContactMock]
    await bindAs(h, student.id, 'demo-student')
    const ask = (text: string) => privately(w, student, text)
    const start = figures(await ask('我的进度'))
    expect(await ask('写成长日志')).toMatch(/日期|哪天/)
    expect(await ask('3月13日')).toMatch(/地点/)
    await w.channel.stop()

    const engine = h.restart()
    w = await world(engine, h)
    const again = w.mocker.createContact({ id: student.id, name: student.payload.name })
    const say = (text: string) => privately(w, again, text)
    expect(await say('广西大学电气工程学院')).toMatch(/内容/)
    expect(await say('参观电力系统实验室')).toMatch(/收获/)
    expect(await say('了解了电网调度')).toContain('确认')
    const saved = await say('确认')
    expect(figures(saved).reduce((a, b) => a + b, 0)).toBe(start.reduce((a, b) => a + b, 0) + 2)
  })

  it('handles a redelivered message once, ignores replayed history and answers non-text politely', async () => {
    w = await world(h.engine, h)
    const [carol] = w.mocker.createContacts(1) as [mock.ContactMock]
    carol.say('柳州名额多少').to(w.botUser)
    await until(() => w.sent.length === 1)
    const first = [...w.mocker.cacheMessagePayload.values()].find((p) => p.talkerId === carol.id)
    w.mocker.puppet.emit('message', { messageId: first?.id as string })
    await settle()
    expect(w.sent).toHaveLength(1)

    const old = w.mocker.MessageMock.create({
      id: 'old-message-1',
      talkerId: carol.id,
      listenerId: w.botUser.id,
      timestamp: Date.now() - 3_600_000,
      type: types.Message.Text,
      text: '桂林名额多少',
    })
    w.mocker.puppet.emit('message', { messageId: old.id })
    await settle()
    expect(w.sent).toHaveLength(1)

    const image = w.mocker.MessageMock.create({
      id: 'image-1',
      talkerId: carol.id,
      listenerId: w.botUser.id,
      timestamp: Date.now(),
      type: types.Message.Image,
    })
    w.mocker.puppet.emit('message', { messageId: image.id })
    await until(() => w.sent.length === 2)
    expect(w.sent[1]?.text).toContain('文字')
  })

  it('asks a fast sender to slow down once', async () => {
    const limited = h.restart({ perMinute: 3 })
    w = await world(limited, h)
    const [dave] = w.mocker.createContacts(1) as [mock.ContactMock]
    for (let i = 0; i < 6; i++) {
      dave.say(`你好${i}`).to(w.botUser)
      await settle()
    }
    expect(w.sent).toHaveLength(4)
    expect(w.sent[3]?.text).toContain('稍等')
    h.restart({})
  })
})

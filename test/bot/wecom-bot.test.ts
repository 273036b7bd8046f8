import { WSClient } from '@wecom/aibot-node-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type WecomBot,
  WECOM_BOT_TEXT_LIMIT,
  startWecomBot,
  streamBubbles,
  stripMentions,
} from '../../bot/channels/wecom-bot'
import { utf8Bytes } from '../../bot/split'
import { ChannelLease } from '../../entities/channel-lease.entity'
import { Group } from '../../entities/group.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { type FakeWecomBotServer, type ReceivedFrame, fakeId, startFakeWecomBotServer } from '../fakes/wecom-bot-server'
import { testDbKinds } from '../helpers/db'
import { type BotHarness, botHarness, capturedLogger, figures } from './harness'

/** Polls until `check` returns something truthy; fails with `what` after the deadline. */
async function until<T>(what: string, check: () => T | Promise<T>, ms = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The demo people, as WeCom userids. */
const WX = {
  student: 'wx-demo-student',
  staff: 'wx-demo-staff',
  parent: 'wx-demo-parent',
}

/** A message body from a WeCom user in a single chat: its type and that type's content. */
function messageBody(userid: string, msgtype: string, content: Record<string, unknown>) {
  return { msgid: fakeId('msg'), chattype: 'single', from: { userid }, msgtype, [msgtype]: content }
}

/** A text message body from a WeCom user, private unless a group chatid is given. */
function textBody(userid: string, content: string, chatid?: string) {
  const body = messageBody(userid, 'text', { content })
  return chatid ? { ...body, chattype: 'group', chatid } : body
}

describe('WeCom bot helpers', () => {
  it('removes the @mention of the bot around a group message', () => {
    expect(stripMentions('@八桂英才助手 我的进度')).toBe('我的进度')
    expect(stripMentions('@八桂英才助手\u2005报名截止是哪天？')).toBe('报名截止是哪天？')
    expect(stripMentions('我的进度 @八桂英才助手')).toBe('我的进度')
    expect(stripMentions('发邮件到 a@b.cn 可以吗')).toBe('发邮件到 a@b.cn 可以吗')
  })

  it('accumulates replies in one bubble and opens another only past the byte limit, in order', () => {
    expect(streamBubbles([{ text: '第一段' }, { text: '第二段' }])).toEqual([['第一段', '第一段\n\n第二段']])
    const long = Array.from({ length: 1500 }, (_, i) => `第${i}句话写在这里。`).join('\n')
    const bubbles = streamBubbles([{ text: '开头' }, { text: long }])
    expect(bubbles.length).toBeGreaterThan(1)
    for (const bubble of bubbles) for (const c of bubble) expect(utf8Bytes(c)).toBeLessThanOrEqual(WECOM_BOT_TEXT_LIMIT)
    const finals = bubbles.map((b) => b[b.length - 1])
    expect(finals.join('\n').replace(/\s+/g, '')).toBe(`开头${long}`.replace(/\s+/g, ''))
  })
})

describe.each(testDbKinds())('WeCom bot channel on %s', (kind) => {
  let h: BotHarness
  let server: FakeWecomBotServer
  let bot: WecomBot
  let logs: string[]
  const credentials = { botId: 'aib-test-bot', secret: 'test-secret' }

  beforeAll(async () => {
    h = await botHarness(kind)
    const bindings = h.dataSource.getRepository(IdentityBinding)
    for (const [role, userid] of Object.entries(WX)) {
      const terminal = await bindings.findOneByOrFail({ channel: 'terminal', externalId: `demo-${role}` })
      await bindings.insert({ personId: terminal.personId, channel: 'wecom', externalId: userid, boundAt: new Date() })
    }
    server = await startFakeWecomBotServer(credentials)
    const captured = capturedLogger()
    logs = captured.lines
    bot = startWecomBot(
      { dataSource: h.dataSource, clock: h.clock, logger: captured.logger, engine: h.engine },
      { ...credentials, wsUrl: server.url, leaseMs: 3_000, holder: 'main' },
    )
    await until('the bot to connect', () => server.current())
  })
  afterAll(async () => {
    await bot?.stop()
    await server?.close()
    await h?.close()
  })

  /** The stream frames answering a pushed message, once its last bubble is finished. */
  async function answered(reqId: string): Promise<ReceivedFrame[]> {
    return until(`the reply to ${reqId}`, () => {
      const frames = server.sent('aibot_respond_msg', reqId)
      return frames.at(-1)?.body?.stream?.finish ? frames : undefined
    })
  }
  const finalText = (frames: ReceivedFrame[]): string => frames.at(-1)?.body?.stream?.content ?? ''
  async function ask(userid: string, content: string, chatid?: string): Promise<string> {
    return finalText(await answered(server.pushMessage(textBody(userid, content, chatid))))
  }

  it('subscribes with its bot id and secret and holds the lease', async () => {
    const subscribe = server.frames.find((f) => f.cmd === 'aibot_subscribe')
    expect(subscribe?.body).toEqual({ bot_id: credentials.botId, secret: credentials.secret })
    expect(server.stats).toMatchObject({ accepted: 1, refused: 0 })
    expect(bot.isHolder()).toBe(true)
    const lease = await h.dataSource
      .getRepository(ChannelLease)
      .findOneByOrFail({ name: `wecom-bot:${credentials.botId}` })
    expect(lease.holder).toBe('main')
  })

  it('answers a single-chat question in one stream, finished last', async () => {
    const expected = (await h.send({ senderId: 'demo-student', text: '报名截止是哪天？' })).map((r) => r.text)
    const frames = await answered(server.pushMessage(textBody(WX.student, '报名截止是哪天？')))
    expect(new Set(frames.map((f) => f.body.stream.id)).size).toBe(1)
    expect(frames.map((f) => f.body.stream.finish)).toEqual([...frames.slice(1).map(() => false), true])
    expect(frames.every((f) => f.body.msgtype === 'stream')).toBe(true)
    expect(finalText(frames)).toBe(expected.join('\n\n'))
    expect(finalText(frames).length).toBeGreaterThan(0)
  })

  it('handles a group @mention as the sender in that group, and notes the group', async () => {
    const reply = await ask(WX.student, '@八桂英才助手 我的进度', 'wrGroupNanning01')
    expect(figures(reply)).toEqual([3, 3])
    const group = await h.dataSource
      .getRepository(Group)
      .findOneBy({ kind: 'wecom_chat', externalId: 'wrGroupNanning01' })
    expect(group).not.toBeNull()
  })

  it('walks a growth-log dialogue, offers 确认/取消 as a card, and saves on its click', async () => {
    expect(await ask(WX.student, '写成长日志')).toMatch(/日期|哪天/)
    expect(await ask(WX.student, '上周五')).toMatch(/地点|哪里/)
    expect(await ask(WX.student, '广西大学物理学院光学实验室')).toMatch(/内容|做了什么/)
    expect(await ask(WX.student, '调节迈克尔逊干涉仪测量激光波长')).toMatch(/收获|体会/)
    const frames = await answered(server.pushMessage(textBody(WX.student, '学会了分析实验误差')))
    const last = frames.at(-1)!
    expect(last.body.msgtype).toBe('stream_with_template_card')
    expect(last.body.stream.content).toContain('2024年3月8日')
    const card = last.body.template_card
    expect(card.card_type).toBe('button_interaction')
    expect(card.button_list.map((b: { text: string }) => b.text)).toEqual(['确认', '取消'])
    expect(await h.dataSource.getRepository(GrowthLog).countBy({ happenedOn: '2024-03-08' })).toBe(0)

    const confirm = card.button_list[0]
    const click = server.pushEvent({
      msgid: fakeId('evt'),
      chattype: 'single',
      from: { userid: WX.student },
      event: { eventtype: 'template_card_event', event_key: confirm.key, task_id: card.task_id },
    })
    const update = await until('the card update', () => server.sent('aibot_respond_update_msg', click)[0])
    expect(update.body.template_card.task_id).toBe(card.task_id)
    expect(JSON.stringify(update.body.template_card)).toContain('你已选择：确认')
    expect(update.at - server.frames.find((f) => f.headers.req_id === click)!.at).toBeLessThan(5_000)
    const saved = await until('the saved note', () =>
      server.sent('aibot_send_msg').find((f) => f.body.markdown?.content?.includes('已保存')),
    )
    expect(saved.body.chatid).toBe(WX.student)
    const said = server
      .sent('aibot_send_msg')
      .filter((f) => f.body.chatid === WX.student)
      .map((f) => f.body.markdown.content)
      .join('\n')
    expect(figures(said)).toEqual([4, 4])
    const log = await h.dataSource.getRepository(GrowthLog).findOneByOrFail({ happenedOn: '2024-03-08' })
    expect(log.place).toBe('广西大学物理学院光学实验室')
    expect(log.source).toBe('wecom')
  })

  it('answers a message WeCom delivers twice (same msgid) once', async () => {
    const body = textBody(WX.parent, '报名截止是哪天？')
    const first = server.pushMessage(body)
    await answered(first)
    const again = server.pushMessage(body)
    // Messages of one chat are handled in order: once the next one is answered, the duplicate was handled.
    await ask(WX.parent, '帮助')
    expect(server.sent('aibot_respond_msg', first).length).toBeGreaterThan(0)
    expect(server.sent('aibot_respond_msg', again)).toEqual([])
  })

  it('takes a voice message by its transcript', async () => {
    const reqId = server.pushMessage(messageBody(WX.student, 'voice', { content: '我的进度' }))
    expect(figures(finalText(await answered(reqId)))).toEqual([4, 4])
  })

  it('answers an image politely that it reads only text', async () => {
    const reqId = server.pushMessage(messageBody(WX.student, 'image', { url: 'http://127.0.0.1:9/image', aeskey: 'x' }))
    expect(finalText(await answered(reqId))).toContain('只能看懂文字')
  })

  it("welcomes a person entering the chat with their role's menu", async () => {
    const welcome = async (userid: string) => {
      const reqId = server.pushEvent({ msgid: fakeId('evt'), from: { userid }, event: { eventtype: 'enter_chat' } })
      const frame = await until('the welcome', () => server.sent('aibot_respond_welcome_msg', reqId)[0])
      return frame.body.text.content as string
    }
    const staff = await welcome(WX.staff)
    expect(staff).toContain('广播')
    const student = await welcome(WX.student)
    expect(student).toContain('写成长日志')
    expect(student).not.toContain('广播')
    expect(await welcome('wx-stranger')).toContain('绑定')
  })

  it('pushes markdown to a chat on its own initiative', async () => {
    await bot.push('wrGroupNanning01', '**提醒**：本周五前提交成长日志。')
    const frame = server.sent('aibot_send_msg').find((f) => f.body.chatid === 'wrGroupNanning01')
    expect(frame?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: '**提醒**：本周五前提交成长日志。' },
    })
  })

  it('broke no WeCom rule and logged no message text or userid', () => {
    expect(server.violations).toEqual([])
    const all = logs.join('')
    expect(all).toContain('wecom bot connected')
    for (const secret of [WX.student, WX.staff, WX.parent, '写成长日志', '光学实验室', credentials.secret]) {
      expect(all).not.toContain(secret)
    }
  })

  describe('one connection per bot', () => {
    const pair = { botId: 'aib-pair-bot', secret: 'pair-secret' }
    let pairServer: FakeWecomBotServer
    const started: WecomBot[] = []
    beforeAll(async () => {
      pairServer = await startFakeWecomBotServer(pair)
    })
    afterAll(async () => {
      await Promise.all(started.map((b) => b.stop()))
      await pairServer.close()
    })
    const start = (holder: string, leaseMs = 3_000) => {
      const b = startWecomBot(
        { dataSource: h.dataSource, clock: h.clock, logger: capturedLogger().logger, engine: h.engine },
        { ...pair, wsUrl: pairServer.url, leaseMs, holder },
      )
      started.push(b)
      return b
    }

    it('lets exactly one of two instances connect, and the other take over within seconds when it stops', async () => {
      const a = start('instance-a')
      const b = start('instance-b')
      await until('one instance to connect', () => pairServer.current())
      // Both instances try every second (a third of the lease): by now the other has tried again.
      await new Promise((r) => setTimeout(r, 1_500))
      expect(pairServer.stats.accepted).toBe(1)
      expect([a.isHolder(), b.isHolder()].filter(Boolean)).toHaveLength(1)
      const [holder, other] = a.isHolder() ? [a, b] : [b, a]
      await expect(other.push(WX.student, '不该发出')).rejects.toThrow(/holds no connection/)

      const stoppedAt = Date.now()
      await holder.stop()
      expect(holder.isHolder()).toBe(false)
      await until('the other instance to connect', () => pairServer.stats.accepted === 2 && pairServer.current(), 3_000)
      expect(Date.now() - stoppedAt).toBeLessThan(3_000)
      expect(other.isHolder()).toBe(true)
      expect(pairServer.stats.replaced).toBe(0)
      await other.stop()
      expect(await h.dataSource.getRepository(ChannelLease).countBy({ name: `wecom-bot:${pair.botId}` })).toBe(0)
    })

    it('gives the connection and the lease up when WeCom says another connection replaced it', async () => {
      const c = start('instance-c')
      await until('instance c to connect', () => c.isHolder() && pairServer.current())
      const accepted = pairServer.stats.accepted
      const intruder = new WSClient({ ...pair, wsUrl: pairServer.url, maxReconnectAttempts: 0, logger: silent })
      intruder.connect()
      await until('the intruder to replace it', () => pairServer.stats.replaced === 1 && !c.isHolder())
      await until('the lease to be released', async () => {
        return (await h.dataSource.getRepository(ChannelLease).countBy({ name: `wecom-bot:${pair.botId}` })) === 0
      })
      // It keeps quiet for a lease length (3 s) though it tries every second: it must not knock the intruder off at once.
      await new Promise((r) => setTimeout(r, 1_500))
      expect(pairServer.stats.accepted).toBe(accepted + 1)
      intruder.disconnect()
      await until('instance c to hold the lease again and reconnect', () => c.isHolder() && pairServer.current(), 5_000)
      expect(pairServer.stats.accepted).toBe(accepted + 2)
    })
  })

  it('opens the bubble with a "please wait" when the answer takes a while, then fills the same stream', async () => {
    const slowBot = { botId: 'aib-slow-bot', secret: 'slow-secret' }
    const slowServer = await startFakeWecomBotServer(slowBot)
    const slowEngine = {
      handle: async (msg: Parameters<typeof h.engine.handle>[0]) => {
        await new Promise((r) => setTimeout(r, 300))
        return h.engine.handle(msg)
      },
    }
    const slow = startWecomBot(
      { dataSource: h.dataSource, clock: h.clock, logger: capturedLogger().logger, engine: slowEngine },
      { ...slowBot, wsUrl: slowServer.url, leaseMs: 3_000, holder: 'instance-s', thinkingMs: 50 },
    )
    try {
      await until('the slow bot to connect', () => slowServer.current())
      const reqId = slowServer.pushMessage(textBody(WX.staff, '帮助'))
      const frames = await until('the slow reply', () => {
        const sent = slowServer.sent('aibot_respond_msg', reqId)
        return sent.at(-1)?.body?.stream?.finish ? sent : undefined
      })
      expect(frames.map((f) => [f.body.stream.content, f.body.stream.finish])).toEqual([
        ['正在处理，请稍候…', false],
        [expect.stringContaining('我是八桂英才助手'), true],
      ])
      expect(new Set(frames.map((f) => f.body.stream.id)).size).toBe(1)
      expect(slowServer.violations).toEqual([])
    } finally {
      await slow.stop()
      await slowServer.close()
    }
  })

  it('logs a wrong secret and keeps running', async () => {
    const other = { botId: 'aib-wrong-secret', secret: 'right' }
    const wrongServer = await startFakeWecomBotServer(other)
    const captured = capturedLogger()
    const wrong = startWecomBot(
      { dataSource: h.dataSource, clock: h.clock, logger: captured.logger, engine: h.engine },
      { botId: other.botId, secret: 'wrong', wsUrl: wrongServer.url, leaseMs: 3_000, holder: 'instance-w' },
    )
    try {
      await until('the refusal to be logged', () =>
        captured.lines.some((l) => l.includes('wecom bot authentication failed') && l.includes('40001')),
      )
      expect(wrongServer.stats).toMatchObject({ accepted: 0 })
      expect(wrongServer.stats.refused).toBeGreaterThanOrEqual(1)
      expect(captured.lines.join('')).not.toContain('"wrong"')
      // The main bot still answers.
      expect(await ask(WX.staff, '帮助')).toContain('广播')
    } finally {
      await wrong.stop()
      await wrongServer.close()
    }
  })
})

const silent = { debug() {}, info() {}, warn() {}, error() {} }

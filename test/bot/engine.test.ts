import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Announcement } from '../../entities/announcement.entity'
import { AuditLog } from '../../entities/audit-log.entity'
import { Group } from '../../entities/group.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { HandoffTicket } from '../../entities/handoff-ticket.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { InviteCode } from '../../entities/invite-code.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { Person } from '../../entities/person.entity'
import { testDbKinds } from '../helpers/db'
import { type BotHarness, botHarness, figures } from './harness'

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe.each(testDbKinds())('conversation engine on %s', (kind) => {
  let h: BotHarness
  beforeAll(async () => {
    h = await botHarness(kind)
  })
  afterAll(async () => {
    await h.close()
  })

  describe('growth logs', () => {
    it('walks date, place, content and takeaway, shows a summary and saves on 确认', async () => {
      const before = figures(await h.say('demo-student', '我的进度'))
      expect(before).toEqual([3, 3])
      expect(await h.say('demo-student', '写成长日志')).toMatch(/日期|哪天/)
      expect(await h.say('demo-student', '上周五')).toMatch(/地点|哪里/)
      expect(await h.say('demo-student', '广西大学物理学院光学实验室')).toMatch(/内容|做了什么/)
      expect(await h.say('demo-student', '调节迈克尔逊干涉仪测量激光波长')).toMatch(/收获|体会/)
      const summary = await h.say('demo-student', '学会了分析实验误差')
      expect(summary).toContain('确认')
      expect(summary).toContain('2024年3月8日')
      expect(summary).toContain('广西大学物理学院光学实验室')
      const saved = await h.say('demo-student', '确认')
      expect(saved).toContain('已保存')
      expect(figures(saved)).toEqual([4, 4])
      const log = await h.dataSource.getRepository(GrowthLog).findOneByOrFail({ happenedOn: '2024-03-08' })
      expect(log.place).toBe('广西大学物理学院光学实验室')
      expect(log.activityId).not.toBeNull()
      expect(log.source).toBe('terminal')
    })

    it('asks again, saying what to fix, for a day in the future, before the cohort or unreadable', async () => {
      await h.say('demo-student', '提交成长日志')
      expect(await h.say('demo-student', '明天')).toMatch(/还没到[\s\S]*哪天/)
      expect(await h.say('demo-student', '2023年5月1日')).toMatch(/不在本期培养周期内[\s\S]*日期/)
      expect(await h.say('demo-student', '随便哪天吧')).toMatch(/没看懂[\s\S]*日期/)
      expect(await h.say('demo-student', '3月1日')).toMatch(/地点/)
      expect(await h.say('demo-student', '取消')).toContain('已取消')
    })

    it('goes back to a field on 修改 and keeps the rest', async () => {
      await h.say('demo-student', '写成长日志')
      await h.say('demo-student', '3月2日')
      await h.say('demo-student', '广西大学图书馆')
      await h.say('demo-student', '查阅光学文献并做笔记')
      expect(await h.say('demo-student', '学会了检索文献')).toContain('确认')
      expect(await h.say('demo-student', '修改 地点')).toMatch(/地点/)
      const again = await h.say('demo-student', '广西大学物理学院')
      expect(again).toContain('确认')
      expect(again).toContain('地点：广西大学物理学院')
      expect(again).toContain('内容：查阅光学文献并做笔记')
      expect(await h.say('demo-student', '修改 天气')).toContain('可以修改的有')
      expect(await h.say('demo-student', '取消')).toContain('没有保存')
      expect(await h.dataSource.getRepository(GrowthLog).countBy({ happenedOn: '2024-03-02' })).toBe(0)
    })

    it('saves nothing when cancelled half-way', async () => {
      const count = await h.dataSource.getRepository(GrowthLog).count()
      await h.say('demo-student', '写成长日志')
      await h.say('demo-student', '昨天')
      expect(await h.say('demo-student', '取消')).toContain('已取消')
      expect(await h.dataSource.getRepository(GrowthLog).count()).toBe(count)
      expect(await h.say('demo-student', '取消')).toContain('没有进行中的操作')
    })

    it('continues a half-finished dialogue after a restart (another engine on the same database)', async () => {
      await h.say('demo-student', '写成长日志')
      await h.say('demo-student', '3月11日')
      h.restart()
      expect(await h.say('demo-student', '广西大学')).toMatch(/内容|做了什么/)
      await h.say('demo-student', '取消')
    })

    it('ends an idle dialogue after 30 minutes with a note, and handles the new message', async () => {
      await h.say('demo-student', '写成长日志')
      h.clock.advance(31 * 60_000)
      const reply = await h.say('demo-student', '我的进度')
      expect(reply).toContain('超过 30 分钟')
      expect(figures(reply).length).toBe(2)
      h.clock.advance(-31 * 60_000)
    })

    it('a second 确认 of the same dialogue saves once', async () => {
      await h.say('demo-student', '写成长日志')
      for (const answer of ['3月12日', '广西大学化学楼', '参观化学实验室的仪器', '知道了色谱仪的用途'])
        await h.say('demo-student', answer)
      const first = await h.send({ senderId: 'demo-student', text: '确认', messageId: 'm-confirm-1' })
      const again = await h.send({ senderId: 'demo-student', text: '确认', messageId: 'm-confirm-1' })
      expect(first[0]?.text).toContain('已保存')
      expect(again).toEqual([])
      expect(await h.dataSource.getRepository(GrowthLog).countBy({ happenedOn: '2024-03-12' })).toBe(1)
    })
  })

  describe('progress by role', () => {
    it("shows a parent their own child's figures, the same as the student's", async () => {
      const student = sum(figures(await h.say('demo-student', '我的进度')))
      const parent = await h.say('demo-parent', '孩子的进度')
      expect(sum(figures(parent))).toBe(student)
      expect(parent).toContain('林小雨')
      expect(parent).not.toContain('覃子豪')
      const otherParent = await h.say('demo-parent-2', '孩子的进度')
      expect(otherParent).toContain('覃子豪')
      expect(otherParent).not.toContain('林小雨')
    })

    it("shows a teacher their school's students and a mentor their own students' week", async () => {
      const teacher = await h.say('demo-teacher', '学生进度')
      expect(teacher).toContain('林小雨')
      expect(teacher).not.toContain('覃子豪')
      const week = await h.say('demo-mentor', '本周摘要')
      expect(week).toContain('本周')
      expect(week).toContain('林小雨')
      expect(week).toContain('迈克尔逊')
      expect(week).not.toContain('覃子豪')
    })

    it('tells an unbound person how to bind and shows no figures', async () => {
      for (const text of ['我的进度', '孩子的进度', '写成长日志']) {
        const reply = await h.say('stranger-1', text)
        expect(reply).toContain('绑定')
        expect(figures(reply)).toEqual([])
      }
    })
  })

  describe('refusals', () => {
    const refusals: Array<[string, string]> = [
      ['demo-student', '广播 全部 明天放假'],
      ['demo-student', '回复 1 好的'],
      ['demo-student', '待处理'],
      ['demo-student', '孩子的进度'],
      ['demo-student', '本周摘要'],
      ['demo-parent', '广播 南宁 开会'],
      ['demo-parent', '写成长日志'],
      ['demo-parent', '本周摘要'],
      ['demo-teacher', '写成长日志'],
      ['demo-teacher', '回复 1 好'],
      ['demo-mentor', '广播 全部 hi'],
      ['demo-mentor', '孩子的进度'],
      ['demo-staff', '写成长日志'],
      ['demo-staff', '孩子的进度'],
    ]
    it.each(refusals)('%s saying %s is refused, with what they can do', async (handle, text) => {
      const outbox = await h.dataSource.getRepository(OutboxMessage).count()
      const reply = await h.say(handle, text)
      expect(reply).toMatch(/无权|没有权限|不能/)
      expect(reply).toContain('你可以')
      expect(await h.dataSource.getRepository(OutboxMessage).count()).toBe(outbox)
    })

    it('lists in 帮助 only what the role can do', async () => {
      expect(await h.say('demo-student', '帮助')).toContain('写成长日志')
      expect(await h.say('demo-student', '帮助')).not.toContain('广播')
      expect(await h.say('demo-staff', '帮助')).toContain('广播')
      expect(await h.say('demo-staff', '帮助')).toContain('回复 编号')
      expect(await h.say('demo-parent', '帮助')).toContain('孩子的进度')
      expect(await h.say('demo-mentor', '帮助')).toContain('本周摘要')
      expect(await h.say('nobody-yet', '帮助')).toContain('绑定')
    })
  })

  describe('broadcast', () => {
    it('previews the groups and people reached, and queues one delivery per target on 确认', async () => {
      const preview = await h.say('demo-staff', '广播 南宁 周六上午9点在广西大学举行见面会')
      const [, groups, people] = /(\d+)\s*个群、(\d+)\s*人/.exec(preview) ?? []
      expect(Number(groups)).toBe(2)
      expect(Number(people)).toBe(4)
      expect(preview).toContain('确认')
      const done = await h.say('demo-staff', '确认')
      expect(done).toContain('已')
      const announcement = await h.dataSource
        .getRepository(Announcement)
        .findOneOrFail({ where: {}, order: { id: 'DESC' } })
      expect(announcement.body).toBe('周六上午9点在广西大学举行见面会')
      const rows = await h.dataSource
        .getRepository(OutboxMessage)
        .createQueryBuilder('o')
        .where('o.idempotencyKey LIKE :k', { k: `announcement:${announcement.id}:%` })
        .getMany()
      expect(rows).toHaveLength(6)
      expect(rows.every((r) => r.status === 'pending')).toBe(true)
      expect(
        rows
          .filter((r) => r.channel === 'wechat_room')
          .map((r) => r.recipient)
          .sort(),
      ).toEqual(['demo-nanning-parents@chatroom', 'demo-nanning-students@chatroom'])
      expect(await h.dataSource.getRepository(AuditLog).countBy({ action: 'announcement.send' })).toBeGreaterThan(0)
    })

    it('reaches a role or a city by its words, and records nothing on 取消', async () => {
      const parents = await h.say('demo-staff', '广播 家长 请督促孩子按时写成长日志')
      expect(parents).toMatch(/1\s*个群、2\s*人/)
      const count = await h.dataSource.getRepository(Announcement).count()
      expect(await h.say('demo-staff', '取消')).toContain('已取消')
      expect(await h.dataSource.getRepository(Announcement).count()).toBe(count)
      expect(await h.say('demo-staff', '广播 柳州 测试')).toMatch(/1\s*个群/)
      await h.say('demo-staff', '取消')
      expect(await h.say('demo-staff', '广播 火星 测试')).toContain('没看懂')
      expect(await h.say('demo-staff', '广播')).toContain('格式')
    })

    it('sends nothing to exited students', async () => {
      await h.dataSource.query(
        "UPDATE student SET status = 'exited' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student-2')",
      )
      // The student's parent, teacher and mentor are reached through the student: none of them either.
      expect(await h.say('demo-staff', '广播 柳州 测试')).toMatch(/1\s*个群、0\s*人/)
      await h.say('demo-staff', '取消')
      await h.dataSource.query(
        "UPDATE student SET status = 'active' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student-2')",
      )
    })
  })

  describe('groups', () => {
    it('knows a group by its stable id once it sees it, and staff label it there', async () => {
      const group = { channel: 'wechat' as const, chatId: 'room-42@chatroom', chatName: '桂林家长交流群' }
      await h.dataSource.getRepository(IdentityBinding).insert({
        personId: (await h.dataSource.getRepository(IdentityBinding).findOneByOrFail({ externalId: 'demo-staff' }))
          .personId,
        channel: 'wechat',
        externalId: 'wx-staff',
        boundAt: h.clock.now(),
      })
      await h.send({ ...group, senderId: 'wx-someone', text: '南宁名额多少' })
      const seen = await h.dataSource.getRepository(Group).findOneByOrFail({ externalId: 'room-42@chatroom' })
      expect(seen.cohortId).toBeNull()
      expect(seen.name).toBe('桂林家长交流群')
      const refused = await h.send({ ...group, senderId: 'wx-someone', text: '本群设置 桂林 家长' })
      expect(refused[0]?.text).toContain('绑定')
      const labelled = await h.send({ ...group, senderId: 'wx-staff', text: '本群设置 桂林 家长' })
      expect(labelled[0]?.text).toContain('已登记')
      const row = await h.dataSource.getRepository(Group).findOneByOrFail({ externalId: 'room-42@chatroom' })
      expect(row.audience).toBe('parent')
      expect(row.cityId).not.toBeNull()
      await h.send({ ...group, chatName: '桂林家长群（新）', senderId: 'wx-someone', text: '你好' })
      expect((await h.dataSource.getRepository(Group).findOneByOrFail({ id: row.id })).name).toBe('桂林家长群（新）')
      expect(await h.say('demo-staff', '本群设置 南宁 家长')).toContain('群里')
    })

    it('lets staff label a group chat the WeCom app created by its chatid, from a private chat', async () => {
      expect(await h.say('anonymous', '登记应用群 wrLiuzhouParents 柳州 家长')).toContain('绑定')
      expect(await h.say('demo-staff', '登记应用群 柳州 家长')).toContain('格式')
      expect(await h.say('demo-staff', '登记应用群 wr-bad!id 柳州 家长')).toContain('格式')
      expect(await h.dataSource.getRepository(Group).countBy({ kind: 'wecom_appchat' })).toBe(0)
      expect(await h.say('demo-staff', '登记应用群 wrLiuzhouParents 火星 家长')).toContain('没看懂')
      const done = await h.say('demo-staff', '登记应用群 wrLiuzhouParents 柳州 家长')
      expect(done).toContain('已登记')
      const row = await h.dataSource
        .getRepository(Group)
        .findOneByOrFail({ kind: 'wecom_appchat', externalId: 'wrLiuzhouParents' })
      expect(row.audience).toBe('parent')
      expect(row.cityId).not.toBeNull()
    })

    it('keeps two people of one group in dialogues of their own', async () => {
      const room = { channel: 'wechat' as const, chatId: 'room-7@chatroom' }
      const ask = (senderId: string, text: string) =>
        h.send({ ...room, senderId, text }).then((r) => r.map((x) => x.text).join('\n'))
      expect(await ask('wx-a', '我家孩子能报名吗')).toContain('请告诉我')
      expect(await ask('wx-b', '我家孩子能报名吗')).toContain('请告诉我')
      await ask('wx-a', '南宁青秀区')
      expect(await ask('wx-b', '柳州')).toContain('请告诉我')
      expect(await ask('wx-a', '高一，物理年级前10%')).toMatch(/可以报名/)
      expect(await ask('wx-b', '高三')).toMatch(/不符合/)
    })
  })

  describe('hand-off', () => {
    it('opens a numbered ticket, lists it for the office and relays the answer to the asker', async () => {
      const opened = await h.say('anonymous', '转人工 孩子下周考试，能不能请假一次校园活动？')
      const id = Number(/编号\s*(\d+)/.exec(opened)?.[1])
      expect(id).toBeGreaterThan(0)
      const open = await h.say('demo-staff', '待处理')
      expect(open).toContain('待处理')
      expect(open).toContain(`编号 ${id}`)
      expect(await h.say('demo-staff', `回复 ${id} 可以请假，请提前告诉导师`)).toContain('已回复')
      expect(await h.say('demo-staff', `回复 ${id} 再答一次`)).toContain('已经回复过')
      expect(await h.say('demo-staff', '回复 99999 不存在')).toContain('没有编号')
      const ticket = await h.dataSource.getRepository(HandoffTicket).findOneByOrFail({ id })
      expect(ticket.status).toBe('answered')
      const relay = await h.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ idempotencyKey: `ticket:${id}:answer` })
      expect(relay.channel).toBe('terminal')
      expect(relay.recipient).toBe('anonymous')
      expect(relay.payload).toContain('可以请假')
      expect(await h.say('demo-staff', '待处理')).not.toContain(`编号 ${id}｜`)
      expect(await h.say('anonymous', '转人工')).toContain('请把问题写在')
    })
  })

  describe('binding', () => {
    it('binds with a one-time code, refuses used, expired and wrong codes, and limits attempts', async () => {
      const parent = await h.dataSource
        .getRepository(Person)
        .save({ displayName: '新家长', phone: null, createdAt: h.clock.now() })
      await h.dataSource.query(`INSERT INTO person_role (personId, role) VALUES (${parent.id}, 'parent')`)
      const codes = h.dataSource.getRepository(InviteCode)
      const later = new Date(h.clock.now().getTime() + 86_400_000)
      await codes.insert([
        {
          code: 'GOOD1234',
          personId: parent.id,
          role: 'parent',
          createdAt: h.clock.now(),
          expiresAt: later,
          usedAt: null,
        },
        {
          code: 'OLD12345',
          personId: parent.id,
          role: 'parent',
          createdAt: h.clock.now(),
          expiresAt: h.clock.now(),
          usedAt: null,
        },
      ])
      expect(await h.say('wx-new-parent', '绑定')).toContain('邀请码')
      expect(await h.say('wx-new-parent', '绑定 OLD12345')).toContain('过期')
      expect(await h.say('wx-new-parent', '绑定 good1234')).toContain('绑定成功')
      expect(await h.say('wx-new-parent', '帮助')).toContain('孩子的进度')
      expect(await h.say('wx-other', '绑定 GOOD1234')).toContain('用过')
      for (let i = 0; i < 4; i++) expect(await h.say('wx-other', `绑定 WRONG00${i}`)).toContain('不对')
      expect(await h.say('wx-other', '绑定 WRONG009')).toContain('太多')
      expect(await h.dataSource.getRepository(IdentityBinding).countBy({ externalId: 'wx-other' })).toBe(0)
    })
  })

  describe('eligibility dialogue', () => {
    it('asks for what is missing and remembers what was said until the verdict is clear', async () => {
      const first = await h.say('parent-x', '我家孩子能报名吗')
      expect(first).toMatch(/城市|区县/)
      expect(first).toMatch(/年级/)
      expect(await h.say('parent-x', '柳州的')).not.toMatch(/城市或区县/)
      const grade = await h.say('parent-x', '读高二')
      expect(grade).toContain('排名')
      expect(grade).not.toMatch(/读几年级/)
      expect(await h.say('parent-x', '综合成绩年级前18%')).toMatch(/可以报名/)
      const other = await h.say('parent-y', '孩子能参加吗')
      expect(other).toContain('请告诉我')
      expect(await h.say('parent-y', '南宁市选拔多少名学生？')).toContain('30')
    })

    it('counts a patent under review, on filing or applied for as not granted, also when said in answer', async () => {
      const asked = await h.say('parent-p1', '孩子在南宁读高一，物理年级前10%，有一项发明专利，能优先推荐吗')
      expect(asked).toContain('是否已获授权')
      const pending = await h.say('parent-p1', '还在审呢')
      expect(pending).toContain('尚未授权')
      expect(pending).not.toContain('是否已获授权')
      await h.say('parent-p2', '柳州高二，综合前10%，有个实用新型专利，能报吗')
      expect(await h.say('parent-p2', '已经授权了')).toContain('可优先推荐')
      await h.say('parent-p3', '桂林高一 数学前8% 有个发明专利 算优先不')
      const typed = await h.say('parent-p3', '发明专利已受理 还没批')
      expect(typed).toContain('尚未授权')
      expect(typed).not.toContain('是否已获授权')
      const runOn = await h.say('parent-p4', '南宁高一物理前12%有个专利已经受理了能不能报能不能优先')
      expect(runOn).toContain('可以报名')
      expect(runOn).toContain('尚未授权')
      expect(runOn).not.toContain('未提到获奖或专利')
    })
  })

  describe('robustness', () => {
    it('answers non-text politely and an empty message with a hint', async () => {
      expect((await h.send({ senderId: 'x', text: '', kind: 'other' }))[0]?.text).toContain('文字')
      expect((await h.send({ senderId: 'x', text: '   ' }))[0]?.text).toContain('帮助')
    })

    it('handles a message id once', async () => {
      const first = await h.send({ senderId: 'dup-sender', text: '南宁名额多少', messageId: 'msg-dup-1' })
      const second = await h.send({ senderId: 'dup-sender', text: '南宁名额多少', messageId: 'msg-dup-1' })
      expect(first.length).toBe(1)
      expect(second).toEqual([])
    })

    it('asks a fast sender to slow down once, then stays quiet until the minute passes', async () => {
      const limited = h.restart({ perMinute: 3 })
      const texts: string[][] = []
      for (let i = 0; i < 6; i++)
        texts.push((await limited.handle({ channel: 'wechat', senderId: 'fast', text: '你好' })).map((r) => r.text))
      expect(texts.slice(0, 3).every((r) => r.length === 1 && !r[0]?.includes('稍等'))).toBe(true)
      expect(texts[3]?.[0]).toContain('稍等')
      expect(texts[4]).toEqual([])
      h.clock.advance(61_000)
      expect((await limited.handle({ channel: 'wechat', senderId: 'fast', text: '你好' })).length).toBe(1)
      expect((await limited.handle({ channel: 'wechat', senderId: 'other', text: '你好' })).length).toBe(1)
      h.clock.advance(-61_000)
      h.restart({})
    })

    it.each([
      '<script>alert(1)</script>',
      '\u0000\u0001',
      'x'.repeat(5000),
      '修改',
      '确认',
      '回复',
      '广播 全部',
      '绑定 ../../etc',
    ])('never answers %j with a stack trace or undefined', async (text) => {
      const replies = await h.send({ senderId: 'fuzz', text })
      const joined = replies.map((r) => r.text).join('\n')
      expect(replies.length).toBeGreaterThan(0)
      expect(joined).not.toMatch(/undefined|Error|at \w+ \(|null/)
      expect(joined).toMatch(/[\u4e00-\u9fff]/)
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Guardianship } from '../../entities/guardianship.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { Student } from '../../entities/student.entity'
import { testDbKinds } from '../helpers/db'
import { type BotHarness, botHarness, figures } from './harness'

describe.each(testDbKinds())('who sees what in the chat, on %s', (kind) => {
  let h: BotHarness
  beforeAll(async () => {
    h = await botHarness(kind)
    // demo-parent-2 becomes the guardian of both demo students.
    const bindings = h.dataSource.getRepository(IdentityBinding)
    const parent = await bindings.findOneByOrFail({ channel: 'terminal', externalId: 'demo-parent-2' })
    const first = await bindings.findOneByOrFail({ channel: 'terminal', externalId: 'demo-student' })
    const student = await h.dataSource.getRepository(Student).findOneByOrFail({ personId: first.personId })
    await h.dataSource
      .getRepository(Guardianship)
      .insert({ parentId: parent.personId, studentId: student.id, relation: '母亲' })
  })
  afterAll(async () => {
    await h.close()
  })

  it('asks a parent of several children which one, and shows the chosen child only', async () => {
    const ask = await h.say('demo-parent-2', '孩子的进度')
    expect(ask).toContain('2 个孩子')
    expect(figures(ask)).toEqual([])
    expect(await h.say('demo-parent-2', '第三个')).toContain('没有找到这个孩子')
    const chosen = await h.say('demo-parent-2', '第二个')
    expect(chosen).toMatch(/(林小雨|覃子豪)的进度/)
    expect(figures(chosen)).toHaveLength(2)
    await h.say('demo-parent-2', '孩子的进度')
    const both = await h.say('demo-parent-2', '全部')
    expect(both).toContain('林小雨')
    expect(both).toContain('覃子豪')
    await h.say('demo-parent-2', '孩子的进度')
    expect(await h.say('demo-parent-2', '覃子豪')).toContain('覃子豪的进度')
    await h.say('demo-parent-2', '孩子的进度')
    expect(await h.say('demo-parent-2', '1')).toMatch(/(林小雨|覃子豪)的进度/)
  })

  it("shows a second school's teacher and a second mentor only their own students", async () => {
    const teacher = await h.say('demo-teacher-2', '学生进度')
    expect(teacher).toContain('覃子豪')
    expect(teacher).not.toContain('林小雨')
    const mentor = await h.say('demo-mentor-2', '本周摘要')
    expect(mentor).toContain('覃子豪')
    expect(mentor).not.toContain('林小雨')
  })

  it('broadcasts to a subject: the groups and people of that subject only', async () => {
    const physics = await h.say('demo-staff', '广播 物理 实验安全须知已更新，请查收')
    // 林小雨 studies physics: the student, the parents (林建国 and now 覃丽华), the teacher and the mentor; no group is labelled for physics.
    expect(physics).toMatch(/0\s*个群、5\s*人/)
    await h.say('demo-staff', '取消')
    expect(await h.say('demo-staff', '广播 计算机 测试')).toMatch(/0\s*个群、4\s*人/)
    await h.say('demo-staff', '取消')
    expect(await h.say('demo-staff', '广播 南宁家长 测试')).toMatch(/1\s*个群、2\s*人/)
    await h.say('demo-staff', '取消')
  })

  it('shows the office how far its broadcasts have come, group by group, and nobody else', async () => {
    expect(await h.say('demo-staff', '广播状态')).toContain('还没有发过广播')
    await h.say('demo-staff', '广播 南宁 周六上午参观广西大学实验室')
    await h.say('demo-staff', '确认')
    const outbox = h.dataSource.getRepository(OutboxMessage)
    const rows = await outbox.createQueryBuilder('o').where("o.idempotencyKey LIKE 'announcement:%:group:%'").getMany()
    await outbox.update({ id: rows[0]?.id as number }, { status: 'sent' })
    await outbox.update({ id: rows[1]?.id as number }, { status: 'dead', lastError: '93000 invalid webhook key' })
    const status = await h.say('demo-staff', '广播状态')
    expect(status).toContain('周六上午参观')
    expect(status).toContain('已送达')
    expect(status).toContain('发送失败（93000')
    expect(status).toMatch(/个人：已送达 0，待发送 \d+/)
    expect(await h.say('demo-parent', '广播状态')).toMatch(/没有权限/)
  })
})

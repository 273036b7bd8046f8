import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxPayload, outboxTextHash } from '../../core/delivery/outbox-payload'
import { messageJobs } from '../../core/jobs'
import { deadlineRemindersJob } from '../../core/jobs/deadline-reminders.job'
import { planJob, queueJob } from '../../core/jobs/message-job'
import { type QueuedMessage, sendTimeFor } from '../../core/jobs/messages'
import { missingLogJob } from '../../core/jobs/missing-log.job'
import { visitPaceJob } from '../../core/jobs/visit-pace.job'
import { Activity } from '../../entities/activity.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { OutboxText } from '../../entities/outbox-text.entity'
import { Student } from '../../entities/student.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { In, MoreThan } from 'typeorm'
import { testDbKinds } from '../helpers/db'
import { builtInProgram } from '../../core/knowledge/program'
import { daysBetween } from '../../core/time'
import { type BotHarness, botHarness } from '../bot/harness'

const PROGRAM = builtInProgram(2023) as NonNullable<ReturnType<typeof builtInProgram>>

/** Previews and queues every message job at `at`, as `npm run jobs` does; returns what was previewed. */
async function runAll(h: BotHarness, at: string): Promise<QueuedMessage[]> {
  const instant = new Date(at)
  h.clock.set(instant)
  const all: QueuedMessage[] = []
  for (const job of messageJobs) {
    const messages = await planJob(job, h, instant)
    await queueJob(job, h, instant)
    all.push(...messages)
  }
  return all
}

/** The mentors (person ids) of some students. */
const mentorPeopleOf = async (h: BotHarness, students: Student[]) =>
  (
    await h.dataSource
      .getRepository(Mentor)
      .findBy({ id: In(students.flatMap((s) => (s.mentorId ? [s.mentorId] : []))) })
  ).map((m) => m.personId)

const personIdOf = async (h: BotHarness, handle: string) =>
  (await h.dataSource.getRepository(IdentityBinding).findOneByOrFail({ channel: 'terminal', externalId: handle }))
    .personId

describe('quiet hours', () => {
  it('defers messages to students and parents between 22:00 and 07:00 Beijing time to 07:00, and no one else', () => {
    const late = new Date('2024-02-22T23:30:00+08:00')
    expect(sendTimeFor('student', late).toISOString()).toBe(new Date('2024-02-23T07:00:00+08:00').toISOString())
    expect(sendTimeFor('parent', new Date('2024-02-22T06:59:00+08:00')).toISOString()).toBe(
      new Date('2024-02-22T07:00:00+08:00').toISOString(),
    )
    expect(sendTimeFor('mentor', late)).toEqual(late)
    const day = new Date('2024-02-22T21:59:00+08:00')
    expect(sendTimeFor('student', day)).toEqual(day)
  })
})

describe.each(testDbKinds())('scheduled messages on %s', (kind) => {
  let h: BotHarness
  beforeAll(async () => {
    h = await botHarness(kind)
  })
  afterAll(async () => {
    await h.close()
  })

  it("reminds each of a step's audience 7 days before, once, however often the job runs", async () => {
    const at = new Date('2024-02-22T09:00:00+08:00')
    const planned = await planJob(deadlineRemindersJob, h, at)
    const step = PROGRAM.milestones.find((m) => m.key === 'midterm_evaluation')
    const midterm = planned.filter((p) => p.text.includes(`${step?.title}：`))
    // One message a person a day, whatever number of steps it carries.
    expect(planned.every((p) => p.subject === 'due')).toBe(true)
    expect(new Set(planned.map((p) => p.personId)).size).toBe(planned.length)
    expect(new Set(midterm.map((p) => p.role))).toEqual(new Set(['student', 'parent', 'teacher', 'mentor', 'staff']))
    expect(midterm).toHaveLength(9)
    const first = await runAll(h, '2024-02-22T09:00:00+08:00')
    const rows = await h.dataSource.getRepository(OutboxMessage).count()
    await runAll(h, '2024-02-22T15:00:00+08:00')
    expect(await h.dataSource.getRepository(OutboxMessage).count()).toBe(rows)
    expect(first.find((m) => m.to === 'demo-parent')?.text).toContain('中期评价')
  })

  it('nudges a student a day after a visit without a log, and the parent and teacher three days after, each once', async () => {
    const student = await h.dataSource
      .getRepository(Student)
      .findOneByOrFail({ personId: await personIdOf(h, 'demo-student') })
    await h.dataSource.getRepository(Activity).insert({
      studentId: student.id,
      cohortId: student.cohortId,
      kind: 'campus_visit',
      happenedOn: '2024-04-08',
      place: '广西大学生命科学学院',
      title: null,
      createdAt: new Date('2024-04-08T12:00:00+08:00'),
    })
    const name = (await h.dataSource.getRepository(Person).findOneByOrFail({ id: student.personId })).displayName
    // The visit's own nudges name its place; the teacher's message of that day names the school's students.
    const aboutIt = (m: QueuedMessage) => m.text.includes('生命科学学院') || m.subject === 'visits:2024-04-08:3d'
    const sameDay = await planJob(missingLogJob, h, new Date('2024-04-08T19:00:00+08:00'))
    expect(sameDay.filter(aboutIt)).toHaveLength(0)
    const nextDay = (await runAll(h, '2024-04-09T19:00:00+08:00')).filter(aboutIt)
    expect(nextDay.map((m) => `${m.to}/${m.role}`)).toEqual(['demo-student/student'])
    const later = (await runAll(h, '2024-04-11T19:00:00+08:00')).filter(aboutIt)
    expect(later.map((m) => `${m.to}/${m.role}`).sort()).toEqual([
      'demo-parent/parent',
      'demo-student/student',
      'demo-teacher/teacher',
    ])
    const teacher = later.find((m) => m.role === 'teacher')?.text as string
    expect(teacher).toMatch(/^【成长日志提醒】贵校有 1 名学生2024年4月8日的校园活动超过三天还没有写成长日志：/)
    expect(teacher).toContain(name)
    // A day on, still without a log: nothing new is written about that visit, to anyone.
    const last = Number((await h.dataSource.query('SELECT MAX(id) AS m FROM outbox_message'))[0]?.m ?? 0)
    await runAll(h, '2024-04-12T19:00:00+08:00')
    const added = await h.dataSource.getRepository(OutboxMessage).find({ where: { id: MoreThan(last) } })
    expect(
      added.filter(
        (r) => /visits:2024-04-08|activity:/.test(r.idempotencyKey) && (outboxPayload(r).text ?? '').includes('4月8日'),
      ),
    ).toEqual([])
    const rows = await h.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.text', 'x')
      .where('o.idempotencyKey LIKE :k', { k: 'missing-log:%' })
      .andWhere('x.text LIKE :p', { p: '%生命科学学院%' })
      .getMany()
    expect(rows).toHaveLength(2)
    // The texts live in outbox_text, once each however many rows carry them; the payload keeps the job.
    expect(rows.map((r) => r.payload)).toEqual(Array(2).fill('{"job":"missing-log"}'))
    expect(rows.map((r) => outboxPayload(r).text)).toEqual(rows.map((r) => r.text?.text))
    const texts = await h.dataSource.getRepository(OutboxText).find()
    expect(new Set(texts.map((t) => t.text)).size).toBe(texts.length)
    expect(texts.every((t) => t.hash === outboxTextHash(t.text))).toBe(true)
    // The teacher's message is theirs alone: it carries its own text.
    const own = await h.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('o')
      .where('o.idempotencyKey LIKE :k', { k: 'missing-log:visits:2024-04-08:3d:%' })
      .getMany()
    expect(own.map((r) => [r.textId, outboxPayload(r).text])).toEqual([[null, teacher]])
  })

  it('tells a teacher and a mentor once a week of all their students behind the visit pace, in one message each', async () => {
    const at = new Date('2024-04-15T08:30:00+08:00')
    const planned = await planJob(visitPaceJob, h, at)
    const students = planned.filter((m) => m.role === 'student')
    expect(students.length).toBeGreaterThan(0)
    const behind = await h.dataSource.getRepository(Student).findBy({ personId: In(students.map((m) => m.personId)) })
    for (const role of ['teacher', 'mentor'] as const) {
      const theirs = planned.filter((m) => m.role === role)
      const people = role === 'teacher' ? behind.map((s) => s.teacherId) : await mentorPeopleOf(h, behind)
      expect(theirs.map((m) => m.personId).sort()).toEqual([...new Set(people)].sort())
      for (const m of theirs) {
        expect(m.subject).toBe(`behind:${role}`)
        expect(m.text).toMatch(/学生中有 \d+ 名落后于校园活动进度（按进度到今天应完成约 \d+ 次）：.+ \d+\/10 次/)
        const mine = behind.filter((s) => (role === 'teacher' ? s.teacherId : undefined) === m.personId)
        for (const s of mine) {
          const n = (await h.dataSource.getRepository(Person).findOneByOrFail({ id: s.personId })).displayName
          expect(m.text).toContain(n)
        }
      }
    }
    const first = await queueJob(visitPaceJob, h, at)
    expect(first).toBe(planned.length)
    expect(await queueJob(visitPaceJob, h, new Date('2024-04-17T08:30:00+08:00'))).toBe(0)
  })

  it('lists a person no channel reaches as unreached, and sends nothing to exited students or about them', async () => {
    await h.dataSource.getRepository(IdentityBinding).delete({ channel: 'terminal', externalId: 'demo-parent-2' })
    const reminders = await runAll(h, '2024-09-23T09:00:00+08:00')
    const unreached = reminders.filter((m) => m.channel === 'unreached')
    expect(unreached.length).toBeGreaterThan(0)
    expect(unreached.every((m) => m.to.startsWith('person:') && m.recipient === m.to)).toBe(true)
    await h.dataSource.query(
      "UPDATE student SET status = 'exited' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student')",
    )
    const after = await runAll(h, '2024-09-29T09:00:00+08:00')
    expect(after.some((m) => m.to === 'demo-student' || m.to === 'demo-parent')).toBe(false)
    expect(after.some((m) => m.to === 'demo-student-2')).toBe(true)
    await h.dataSource.query(
      "UPDATE student SET status = 'active' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student')",
    )
  })
})

describe.each(testDbKinds())('a whole cohort year of reminders on %s', (kind) => {
  let h: BotHarness
  beforeAll(async () => {
    h = await botHarness(kind)
  })
  afterAll(async () => {
    await h.close()
  })

  it('sends each due reminder exactly once, nothing in quiet hours, nothing to exited students', async () => {
    // 覃子豪 leaves after the mid-term: nothing may reach him or be about him from March on.
    const exited = await h.dataSource
      .getRepository(Student)
      .findOneByOrFail({ personId: await personIdOf(h, 'demo-student-2') })
    const sent: QueuedMessage[] = []
    for (
      let t = new Date('2023-10-01T09:00:00+08:00').getTime();
      t < new Date('2024-10-01T00:00:00+08:00').getTime();
      t += 86_400_000
    ) {
      if (t === new Date('2024-03-01T09:00:00+08:00').getTime()) {
        await h.dataSource.getRepository(Student).update({ id: exited.id }, { status: 'exited' })
      }
      for (const at of [t, t + 10 * 3_600_000, t + 14 * 3_600_000])
        sent.push(...(await runAll(h, new Date(at).toISOString())))
    }
    const rows = await h.dataSource.getRepository(OutboxMessage).find()
    const keys = rows.map((r) => r.idempotencyKey)
    expect(new Set(keys).size).toBe(keys.length)

    // Keys read job:due:person:day, one a person a day. demo-student is in the audience of six dated steps, and hears of
    // each on 4 days: 7, 3 and 1 days before and on the day.
    const studentId = String(await personIdOf(h, 'demo-student'))
    const own = rows.filter((r) => r.idempotencyKey.startsWith(`deadline-reminders:due:${studentId}:`))
    const perStep = new Map<string, number[]>()
    for (const r of own) {
      const day = r.idempotencyKey.split(':').at(-1) as string
      for (const m of PROGRAM.milestones)
        if (outboxPayload(r).text?.includes(`${m.title}：`))
          perStep.set(m.key, [...(perStep.get(m.key) ?? []), daysBetween(day, m.due)])
    }
    expect([...perStep.keys()].sort()).toEqual([
      'annual_evaluation',
      'meet_and_greet',
      'midterm_evaluation',
      'research_direction',
      'school_submission',
      'training_end',
    ])
    for (const left of perStep.values()) expect(left.sort((a, b) => b - a)).toEqual([7, 3, 1, 0])
    // The annual evaluation and the end of training fall due together: one message a day carries both.
    const together = own.find((r) => r.idempotencyKey.endsWith(':2024-09-23'))
    for (const key of ['annual_evaluation', 'training_end'])
      expect(outboxPayload(together as OutboxMessage).text).toContain(
        PROGRAM.milestones.find((m) => m.key === key)?.title,
      )

    for (const r of rows) {
      const role = sent.find((m) => m.key === r.idempotencyKey)?.role
      if (role !== 'student' && role !== 'parent') continue
      const hour = new Date(r.nextAttemptAt.getTime() + 8 * 3_600_000).getUTCHours()
      expect(hour >= 7 && hour < 22).toBe(true)
    }
    // Every row says what the preview said when it was written (a key's first run); the set-based jobs' rows refer to their
    // text, stored once (a teacher's or mentor's message about their students carries its own).
    const previewed = new Map<string, string>()
    for (const m of sent) if (!previewed.has(m.key)) previewed.set(m.key, m.text)
    for (const r of rows) {
      expect(outboxPayload(r).text).toBe(previewed.get(r.idempotencyKey))
      expect(r.textId === null).toBe(/^(mentor-digest:|visit-pace:behind:|missing-log:visits:)/.test(r.idempotencyKey))
    }
    const exitedPerson = await personIdOf(h, 'demo-student-2')
    const late = sent.filter((m) => m.personId === exitedPerson && m.day >= '2024-03-01')
    expect(late).toEqual([])
  }, 600_000)
})

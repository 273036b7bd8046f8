import { type DataSource, type EntityTarget, type ObjectLiteral, QueryFailedError } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  Activity,
  AuditLog,
  City,
  Cohort,
  CohortCity,
  ConversationState,
  Evaluation,
  Group,
  GrowthLog,
  Guardianship,
  IdentityBinding,
  InviteCode,
  Mentor,
  Milestone,
  OutboxMessage,
  Person,
  PersonRole,
  PlanArticle,
  ProcessedMessage,
  School,
  Student,
  University,
} from '../../entities'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

const AT = new Date('2024-03-15T02:00:00.000Z')

describe.each(testDbKinds())('constraints on %s', (kind) => {
  let db: TestDataSource
  let ds: DataSource
  let seq = 0
  const uniq = (prefix: string) => `${prefix}-${++seq}`

  beforeAll(async () => {
    db = await testDataSource(kind)
    ds = db.dataSource
  })
  afterAll(async () => {
    await db?.close()
  })

  async function insert<T extends ObjectLiteral>(target: EntityTarget<T>, values: Partial<T>): Promise<number> {
    const result = await ds.getRepository(target).insert(values as T)
    return Number(result.identifiers[0]?.id)
  }

  async function count<T extends ObjectLiteral>(target: EntityTarget<T>, where: Partial<T>): Promise<number> {
    return ds.getRepository(target).countBy(where as never)
  }

  async function cohort() {
    return insert(Cohort, {
      year: 2000 + ++seq,
      name: '测试期',
      trainingStart: '2023-10',
      trainingEnd: '2024-09',
      requiredVisits: 10,
    })
  }

  async function person() {
    return insert(Person, { displayName: uniq('测试'), phone: null, createdAt: AT })
  }

  /** A student with everything they hang on: cohort, city, school, mentor, teacher. */
  async function student() {
    const cohortId = await cohort()
    const cityId = await insert(City, { name: uniq('市'), short: uniq('s'), aliases: [], inGuangxi: true })
    const schoolId = await insert(School, { name: uniq('中学'), cityId, districtId: null })
    const universityId = await insert(University, { name: uniq('大学'), aliases: [], cityId })
    const mentorId = await insert(Mentor, { personId: await person(), universityId, title: null, subjectId: null })
    const teacherId = await person()
    const personId = await person()
    const studentId = await insert(Student, {
      personId,
      cohortId,
      cityId,
      schoolId,
      grade: '高一',
      subjectId: null,
      mentorId,
      teacherId,
      status: 'active',
    })
    return { cohortId, cityId, schoolId, universityId, mentorId, teacherId, personId, studentId }
  }

  async function activity(studentId: number, cohortId: number) {
    return insert(Activity, {
      studentId,
      cohortId,
      kind: 'campus_visit',
      happenedOn: '2023-11-18',
      place: '广西大学',
      title: null,
      createdAt: AT,
    })
  }

  async function growthLog(studentId: number, activityId: number | null, clientKey: string | null) {
    return insert(GrowthLog, {
      studentId,
      activityId,
      happenedOn: '2023-11-18',
      place: '广西大学',
      content: '参观实验室',
      takeaway: '很有收获',
      source: 'terminal',
      clientKey,
      createdAt: AT,
    })
  }

  function outbox(idempotencyKey: string): Partial<OutboxMessage> {
    return {
      channel: 'wecom',
      recipient: 'u1',
      payload: '{}',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: AT,
      idempotencyKey,
      createdAt: AT,
    }
  }

  describe('unique keys refuse a duplicate', () => {
    it('outbox idempotency key', async () => {
      const key = uniq('reminder:school_submission:student:1')
      await insert(OutboxMessage, outbox(key))
      await expect(insert(OutboxMessage, outbox(key))).rejects.toThrow(QueryFailedError)
      expect(await count(OutboxMessage, { idempotencyKey: key })).toBe(1)
    })

    it('channel message id, per channel', async () => {
      const messageId = uniq('msg')
      await insert(ProcessedMessage, { channel: 'wecom', messageId, processedAt: AT })
      await expect(insert(ProcessedMessage, { channel: 'wecom', messageId, processedAt: AT })).rejects.toThrow(QueryFailedError)
      await insert(ProcessedMessage, { channel: 'wechat', messageId, processedAt: AT })
      expect(await count(ProcessedMessage, { messageId })).toBe(2)
    })

    it('invite code', async () => {
      const personId = await person()
      const code = uniq('ABC')
      const invite = { code, personId, role: 'parent' as const, createdAt: AT, expiresAt: AT, usedAt: null }
      await insert(InviteCode, invite)
      await expect(insert(InviteCode, invite)).rejects.toThrow(QueryFailedError)
    })

    it('identity binding, per channel', async () => {
      const externalId = uniq('wxid')
      await insert(IdentityBinding, { personId: await person(), channel: 'wechat', externalId, boundAt: AT })
      await expect(
        insert(IdentityBinding, { personId: await person(), channel: 'wechat', externalId, boundAt: AT }),
      ).rejects.toThrow(QueryFailedError)
      await insert(IdentityBinding, { personId: await person(), channel: 'wecom', externalId, boundAt: AT })
    })

    it('milestone key within a cohort, not across cohorts', async () => {
      const milestone = (cohortId: number) => ({
        cohortId,
        key: 'school_submission',
        title: '学校推荐',
        due: '2023-10-24',
        month: null,
        note: null,
        section: '九（二）1',
        audience: ['school'],
        position: 0,
      })
      const first = await cohort()
      await insert(Milestone, milestone(first))
      await expect(insert(Milestone, milestone(first))).rejects.toThrow(QueryFailedError)
      await insert(Milestone, milestone(await cohort()))
    })

    it('growth log client key, while logs without one may repeat', async () => {
      const { studentId } = await student()
      const key = uniq('wecom:msg')
      await growthLog(studentId, null, key)
      await expect(growthLog(studentId, null, key)).rejects.toThrow(QueryFailedError)
      await growthLog(studentId, null, null)
      await growthLog(studentId, null, null)
      expect(await count(GrowthLog, { studentId })).toBe(3)
    })

    it('conversation state per chat, cohort year, cohort city, one student row per person, guardianship, role, evaluation, group, plan article', async () => {
      const s = await student()
      const state = { channel: 'terminal', chatKey: uniq('demo'), flow: null, step: null, data: '{}', updatedAt: AT }
      await insert(ConversationState, state)
      await expect(insert(ConversationState, state)).rejects.toThrow(QueryFailedError)

      const year = (await ds.getRepository(Cohort).findOneByOrFail({ id: s.cohortId })).year
      await expect(
        insert(Cohort, { year, name: '重复', trainingStart: '2023-10', trainingEnd: '2024-09', requiredVisits: 10 }),
      ).rejects.toThrow(QueryFailedError)

      await insert(CohortCity, { cohortId: s.cohortId, cityId: s.cityId, quota: 30 })
      await expect(insert(CohortCity, { cohortId: s.cohortId, cityId: s.cityId, quota: 15 })).rejects.toThrow(QueryFailedError)

      await expect(
        insert(Student, {
          personId: s.personId,
          cohortId: s.cohortId,
          cityId: s.cityId,
          schoolId: s.schoolId,
          grade: '高二',
          status: 'active',
        }),
      ).rejects.toThrow(QueryFailedError)

      const parentId = await person()
      await insert(Guardianship, { parentId, studentId: s.studentId, relation: null })
      await expect(insert(Guardianship, { parentId, studentId: s.studentId, relation: '母亲' })).rejects.toThrow(QueryFailedError)

      await insert(PersonRole, { personId: parentId, role: 'parent' })
      await expect(insert(PersonRole, { personId: parentId, role: 'parent' })).rejects.toThrow(QueryFailedError)

      const evaluation = { studentId: s.studentId, kind: 'midterm' as const, result: 'pass' as const, exit: false }
      await insert(Evaluation, { ...evaluation, evaluatedAt: AT })
      await expect(insert(Evaluation, { ...evaluation, evaluatedAt: AT })).rejects.toThrow(QueryFailedError)

      const externalId = uniq('room')
      await insert(Group, { kind: 'room', externalId, name: '南宁群' })
      await expect(insert(Group, { kind: 'room', externalId, name: '另一个群' })).rejects.toThrow(QueryFailedError)
      await insert(Group, { kind: 'webhook', externalId, name: '机器人' })

      const article = { cohortId: s.cohortId, section: '九（二）1', title: '学校推荐', body: '…', position: 1 }
      await insert(PlanArticle, article)
      await expect(insert(PlanArticle, article)).rejects.toThrow(QueryFailedError)
    })
  })

  describe('foreign keys', () => {
    it('refuse orphans', async () => {
      const missing = 987654
      await expect(
        insert(Student, {
          personId: await person(),
          cohortId: missing,
          cityId: missing,
          schoolId: missing,
          grade: '高一',
          status: 'active',
        }),
      ).rejects.toThrow(QueryFailedError)
      await expect(growthLog(missing, null, null)).rejects.toThrow(QueryFailedError)
      await expect(
        insert(IdentityBinding, { personId: missing, channel: 'wechat', externalId: uniq('x'), boundAt: AT }),
      ).rejects.toThrow(QueryFailedError)
      await expect(
        insert(Milestone, {
          cohortId: missing,
          key: 'k',
          title: 't',
          due: '2023-10-24',
          section: '九（二）1',
          audience: ['school'],
          position: 0,
        }),
      ).rejects.toThrow(QueryFailedError)
    })

    it('CASCADE: removing a student removes their activities, logs and guardianships; removing a person their bindings', async () => {
      const s = await student()
      const activityId = await activity(s.studentId, s.cohortId)
      await growthLog(s.studentId, activityId, null)
      await insert(Guardianship, { parentId: await person(), studentId: s.studentId, relation: null })
      await insert(IdentityBinding, { personId: s.personId, channel: 'terminal', externalId: uniq('h'), boundAt: AT })

      await ds.getRepository(Person).delete(s.personId)
      expect(await count(Student, { id: s.studentId })).toBe(0)
      expect(await count(Activity, { studentId: s.studentId })).toBe(0)
      expect(await count(GrowthLog, { studentId: s.studentId })).toBe(0)
      expect(await count(Guardianship, { studentId: s.studentId })).toBe(0)
      expect(await count(IdentityBinding, { personId: s.personId })).toBe(0)
    })

    it("CASCADE: removing a cohort without students removes its milestones and cities' quotas", async () => {
      const cohortId = await cohort()
      const cityId = await insert(City, { name: uniq('市'), short: uniq('s'), aliases: [], inGuangxi: true })
      await insert(Milestone, {
        cohortId,
        key: 'k',
        title: 't',
        due: '2023-10-24',
        section: '九（二）1',
        audience: ['school'],
        position: 0,
      })
      await insert(CohortCity, { cohortId, cityId, quota: 1 })
      await ds.getRepository(Cohort).delete(cohortId)
      expect(await count(Milestone, { cohortId })).toBe(0)
      expect(await count(CohortCity, { cohortId })).toBe(0)
      expect(await count(City, { id: cityId })).toBe(1)
    })

    it('SET NULL: a log outlives its activity, a student their mentor and teacher, the audit trail its actor', async () => {
      const s = await student()
      const activityId = await activity(s.studentId, s.cohortId)
      const logId = await growthLog(s.studentId, activityId, null)
      const actorId = await person()
      const auditId = await insert(AuditLog, { actorId, action: 'student.update', target: null, detail: null, at: AT })

      await ds.getRepository(Activity).delete(activityId)
      await ds.getRepository(Mentor).delete(s.mentorId)
      await ds.getRepository(Person).delete([s.teacherId, actorId])

      expect((await ds.getRepository(GrowthLog).findOneByOrFail({ id: logId })).activityId).toBeNull()
      const after = await ds.getRepository(Student).findOneByOrFail({ id: s.studentId })
      expect(after.mentorId).toBeNull()
      expect(after.teacherId).toBeNull()
      expect((await ds.getRepository(AuditLog).findOneByOrFail({ id: auditId })).actorId).toBeNull()
    })

    it('RESTRICT: a cohort, school, city or university with people on it stays', async () => {
      const s = await student()
      await expect(ds.getRepository(Cohort).delete(s.cohortId)).rejects.toThrow(QueryFailedError)
      await expect(ds.getRepository(School).delete(s.schoolId)).rejects.toThrow(QueryFailedError)
      await expect(ds.getRepository(City).delete(s.cityId)).rejects.toThrow(QueryFailedError)
      await expect(ds.getRepository(University).delete(s.universityId)).rejects.toThrow(QueryFailedError)
      expect(await count(Student, { id: s.studentId })).toBe(1)
    })
  })

  it('stores instants in UTC and gives them back as the same instant', async () => {
    const at = new Date('2024-03-15T02:03:04.000Z')
    const id = await insert(AuditLog, { actorId: null, action: 'clock.check', target: null, detail: null, at })
    expect((await ds.getRepository(AuditLog).findOneByOrFail({ id })).at.toISOString()).toBe(at.toISOString())
    const [raw] = await ds.query(`SELECT CAST(at AS CHAR) AS at FROM audit_log WHERE id = ${id}`)
    expect(String(raw.at).slice(0, 19)).toBe('2024-03-15 02:03:04')
  })
})

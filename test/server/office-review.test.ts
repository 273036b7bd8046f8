import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { OfficeAnswerBook, questionKey } from '../../core/knowledge/office-answers'
import { Announcement } from '../../entities/announcement.entity'
import { AuditLog } from '../../entities/audit-log.entity'
import { Cohort } from '../../entities/cohort.entity'
import { Group } from '../../entities/group.entity'
import { OfficeAnswer } from '../../entities/office-answer.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import { QuestionReview } from '../../entities/question-review.entity'
import { testDbKinds } from '../helpers/db'
import { tokenOf } from '../helpers/office'
import { freshDatabaseUrl, getJson, postJson, startTestServer, type TestServer } from '../helpers/server'

const NOW = '2023-11-20T10:00:00+08:00'
const QUESTION = '请问，见面会要不要带学生证？'

describe('questionKey', () => {
  it('reads a question without greetings, punctuation and closing particles', () => {
    expect(questionKey('请问，南宁市的学生怎么报名呢？')).toBe(questionKey('南宁市的学生怎么报名'))
    expect(questionKey('老师好！見面會要帶學生證嗎')).toBe(questionKey('见面会要带学生证'))
  })
})

describe.each(testDbKinds())('the review queue, office answers, audit log and broadcast status (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  const tokens: Record<string, string> = {}
  const auth = (handle: string) => ({ authorization: `Bearer ${tokens[handle]}` })
  let reviewIds: number[] = []

  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url, clock: fixedClock(NOW), demo: true })
    for (const handle of ['demo-staff', 'demo-teacher']) tokens[handle] = await tokenOf(server.base, handle)
    const at = new Date('2023-11-19T02:00:00Z')
    const rows = [QUESTION, '孩子晕车，去广西大学有没有校车？', '能不能顺便问下周末天气'].map((question, i) => ({
      cohortYear: 2023,
      question,
      intent: 'fact',
      confidence: 0.3,
      answer: '方案没有写。',
      createdAt: new Date(at.getTime() + i * 60_000),
      reviewedAt: null,
    }))
    await server.dataSource.getRepository(QuestionReview).insert(rows)
    reviewIds = (await server.dataSource.getRepository(QuestionReview).find({ order: { id: 'ASC' } })).map((r) => r.id)
  }, 120_000)

  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  it('lists the open questions, newest first, for the office only', async () => {
    const r = await getJson(server.base, '/api/v1/office/question-reviews', auth('demo-staff'))
    expect(r.status).toBe(200)
    expect(r.body.total).toBe(3)
    expect(r.body.items.map((i: { question: string }) => i.question)[2]).toBe(QUESTION)
    expect((await getJson(server.base, '/api/v1/office/question-reviews', auth('demo-teacher'))).status).toBe(403)
    const bad = await getJson(server.base, '/api/v1/office/question-reviews?status=maybe', auth('demo-staff'))
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('status: 须为 open、handled 或 all')
  })

  it('attaches an office answer that the assistant then gives, for the question and a close paraphrase', async () => {
    const before = await postJson(server.base, '/api/v1/qa', { question: QUESTION })
    expect(before.body.intent).not.toBe('office_answer')
    const path = `/api/v1/office/question-reviews/${reviewIds[0]}/answer`
    const answer = '见面会请带学生证或校牌，以便入校登记。'
    const r = await postJson(server.base, path, { answer, section: '九（三）' }, auth('demo-staff'))
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({ version: 1, factId: null, section: '九（三）' })

    for (const q of [QUESTION, '见面会要不要带学生证', '老师好，见面会要不要带学生证呀？']) {
      const qa = await postJson(server.base, '/api/v1/qa', { question: q })
      expect(qa.status).toBe(200)
      expect(qa.body.answer, q).toBe(answer)
      expect(qa.body.intent).toBe('office_answer')
      expect(qa.body.sources[0]).toMatchObject({ section: '九（三）', title: '管理办公室答复' })
    }
    const unrelated = await postJson(server.base, '/api/v1/qa', { question: '南宁市选多少个学生？' })
    expect(unrelated.body.intent).not.toBe('office_answer')

    // A second answer to the same question is its next version, and the assistant says it instead.
    const fact = await postJson(server.base, path, { factId: 'meet_and_greet' }, auth('demo-staff'))
    expect(fact.status).toBe(201)
    expect(fact.body.version).toBe(2)
    const qa = await postJson(server.base, '/api/v1/qa', { question: QUESTION })
    expect(qa.body.sources[0].section).toBe('九（三）')
    expect(qa.body.answer).not.toBe(answer)

    // Another instance reads the same answers from the database.
    const book = new OfficeAnswerBook(server.dataSource)
    await book.load()
    expect(book.find(2023, QUESTION)?.version).toBe(2)

    const reviewed = await server.dataSource.getRepository(QuestionReview).findOneByOrFail({ id: reviewIds[0] })
    expect(reviewed.resolution).toBe('fact')
    expect(reviewed.reviewedAt).not.toBeNull()
    expect(await server.dataSource.getRepository(AuditLog).countBy({ action: 'question_review.answer' })).toBe(2)
  })

  it('refuses an unknown fact, an unknown article, a bad body and an unknown question, writing nothing', async () => {
    const path = `/api/v1/office/question-reviews/${reviewIds[1]}/answer`
    const before = await server.dataSource.getRepository(OfficeAnswer).count()
    const cases: Array<[unknown, number, string]> = [
      [{ factId: 'no_such_fact' }, 400, 'factId: 2023 年度的培养计划中没有 no_such_fact 这条事实'],
      [
        { answer: '有校车。', section: '二十（九）' },
        400,
        'section: 实施方案中没有“二十（九）”这一条（例如：九（二）1）',
      ],
      [{ answer: '有校车。' }, 400, '请求体: 须为 {"factId": "…"} 或 {"answer": "…", "section": "九（二）1"}'],
      [{}, 400, '请求体: 须为 {"factId": "…"} 或 {"answer": "…", "section": "九（二）1"}'],
    ]
    for (const [body, status, message] of cases) {
      const r = await postJson(server.base, path, body, auth('demo-staff'))
      expect([r.status, r.body.error.message], JSON.stringify(body)).toEqual([status, message])
    }
    const missing = await postJson(
      server.base,
      '/api/v1/office/question-reviews/999999/answer',
      { factId: 'quota' },
      auth('demo-staff'),
    )
    expect(missing.status).toBe(404)
    expect(await server.dataSource.getRepository(OfficeAnswer).count()).toBe(before)
  })

  it('marks a question handled once', async () => {
    const path = `/api/v1/office/question-reviews/${reviewIds[2]}/handled`
    expect((await postJson(server.base, path, {}, auth('demo-teacher'))).status).toBe(403)
    expect((await postJson(server.base, path, {}, auth('demo-staff'))).status).toBe(204)
    expect((await postJson(server.base, path, {}, auth('demo-staff'))).status).toBe(409)
    const open = await getJson(server.base, '/api/v1/office/question-reviews?status=open', auth('demo-staff'))
    expect(open.body.items.map((i: { id: number }) => i.id)).toEqual([reviewIds[1]])
    const handled = await getJson(server.base, '/api/v1/office/question-reviews?status=handled', auth('demo-staff'))
    expect(handled.body.total).toBe(2)
  })

  it('shows the audit log to the office: filtered, paginated, personal data masked', async () => {
    const cohort = await server.dataSource.getRepository(Cohort).findOneByOrFail({ year: 2023 })
    await server.dataSource.getRepository(AuditLog).insert({
      actorId: null,
      action: 'roster.import',
      target: 'cohort:2023',
      detail: JSON.stringify({ name: '林小雨', phone: '13812345678' }),
      at: new Date('2023-11-01T00:00:00Z'),
    })
    const all = await getJson(server.base, '/api/v1/office/audit-log?pageSize=2', auth('demo-staff'))
    expect(all.status).toBe(200)
    expect(all.body.entries).toHaveLength(2)
    expect(all.body.total).toBeGreaterThan(3)
    const imports = await getJson(server.base, '/api/v1/office/audit-log?action=roster.import', auth('demo-staff'))
    expect(imports.body.entries).toHaveLength(1)
    expect(imports.body.entries[0].detail).toEqual({ name: '林**', phone: '138****5678' })
    const reviews = await getJson(server.base, '/api/v1/office/audit-log?action=question_review.', auth('demo-staff'))
    expect(reviews.body.total).toBe(3)
    expect(reviews.body.entries[0].actorName).toMatch(/^陆\*+$/)
    const window = await getJson(
      server.base,
      `/api/v1/office/audit-log?from=${encodeURIComponent('2023-10-31T00:00:00Z')}&to=${encodeURIComponent('2023-11-02T00:00:00Z')}`,
      auth('demo-staff'),
    )
    expect(window.body.entries.map((e: { action: string }) => e.action)).toEqual(['roster.import'])
    const byActor = await getJson(
      server.base,
      `/api/v1/office/audit-log?actorId=${all.body.entries[0].actorId ?? 1}`,
      auth('demo-staff'),
    )
    expect(byActor.status).toBe(200)
    expect((await getJson(server.base, '/api/v1/office/audit-log?from=yesterday', auth('demo-staff'))).status).toBe(400)
    expect((await getJson(server.base, '/api/v1/office/audit-log?pageSize=1000', auth('demo-staff'))).status).toBe(400)
    expect((await getJson(server.base, '/api/v1/office/audit-log', auth('demo-teacher'))).status).toBe(403)
    expect(cohort.id).toBeGreaterThan(0)
  })

  it('reports the delivery of one broadcast', async () => {
    const ds = server.dataSource
    const cohort = await ds.getRepository(Cohort).findOneByOrFail({ year: 2023 })
    const group = await ds.getRepository(Group).findOneByOrFail({ externalId: 'demo-nanning-parents@chatroom' })
    const a = await ds.getRepository(Announcement).save({
      cohortId: cohort.id,
      authorId: null,
      title: '周六见面会',
      body: '周六9点开见面会',
      audience: ['南宁'],
      status: 'sent',
      createdAt: new Date('2023-11-18T01:00:00Z'),
      sentAt: null,
    })
    const outbox = (
      key: string,
      status: OutboxMessage['status'],
      channel = 'wechat',
      lastError: string | null = null,
    ) => ({
      channel,
      recipient: 'r',
      payload: '{}',
      status,
      attempts: 1,
      partsSent: 0,
      nextAttemptAt: new Date(),
      idempotencyKey: `announcement:${a.id}:${key}`,
      lockedBy: null,
      lockedAt: null,
      lastError,
      createdAt: new Date(),
      sentAt: null,
    })
    await ds
      .getRepository(OutboxMessage)
      .insert([
        outbox(`group:${group.id}`, 'dead', 'wechat', '群已解散'),
        outbox('person:1', 'sent'),
        outbox('person:2', 'pending'),
        outbox('person:3', 'pending', 'unreached'),
      ])
    const r = await getJson(server.base, `/api/v1/broadcasts/${a.id}/status`, auth('demo-staff'))
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      announcement: { id: a.id, title: '周六见面会' },
      groups: [{ name: '南宁英才计划家长群', status: 'failed', error: '群已解散' }],
      people: { sent: 1, pending: 1, failed: 0, unreached: 1 },
    })
    expect((await getJson(server.base, '/api/v1/broadcasts/999999/status', auth('demo-staff'))).status).toBe(404)
    expect((await getJson(server.base, `/api/v1/broadcasts/${a.id}/status`, auth('demo-teacher'))).status).toBe(403)
    expect((await getJson(server.base, '/api/v1/broadcasts/abc/status', auth('demo-staff'))).status).toBe(400)
  })
})

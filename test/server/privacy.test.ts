import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QuestionReview } from '../../entities/question-review.entity'
import { testDbKinds } from '../helpers/db'
import { eventually, freshDatabaseUrl, getJson, postJson, startTestServer, type TestServer } from '../helpers/server'

/** What a family may type into a question: every form of contact detail and a child's name. */
const PERSONAL = [
  ['+8613812345678', '13812345678'],
  ['138-1234-5679', '1234-5679'],
  ['138 1234 5670', '1234 5670'],
  ['１３８１２３４５６７１', '１２３４'],
  ['zhang.xiaoming@qq.com', 'zhang.xiaoming@'],
  ['我家孩子张小明', '张小明'],
  ['450102200801011234', '200801011234'],
  ['微信号：zxm_2008abc', 'zxm_2008abc'],
] as const

describe.each(testDbKinds())('privacy of what people type (%s)', (kind) => {
  let server: TestServer
  let drop: () => Promise<void>
  beforeAll(async () => {
    const db = await freshDatabaseUrl(kind)
    drop = db.drop
    server = await startTestServer({ url: db.url })
  })
  afterAll(async () => {
    await server.close()
    await drop()
  })

  it.each(PERSONAL)('question_review keeps %s masked', async (written, secret) => {
    const question = `英才计划那个东西到底怎么弄呀，${written}，回我`
    const r = await postJson(server.base, '/api/v1/qa', { question })
    expect(r.status).toBe(200)
    const repo = server.dataSource.getRepository(QuestionReview)
    const row = await eventually(
      async () => await repo.findOne({ where: { intent: r.body.intent }, order: { id: 'DESC' } }),
    )
    const stored = (await repo.find()).map((q) => q.question).join('\n')
    expect(row.confidence).toBeLessThan(0.5)
    expect(stored).toContain('英才计划那个东西')
    expect(stored).not.toContain(secret)
  })

  it('logs request paths without the personal data in them', async () => {
    await getJson(server.base, `/api/v1/students/${encodeURIComponent('张小明')}/13812345678/zxm@qq.com`)
    const log = server.logLines.join('')
    expect(log).toContain('"status":404')
    expect(log).not.toMatch(/张小明|13812345678|zxm@qq\.com|%E5%BC%A0/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mentorDigestJob } from '../../core/jobs/mentor-digest.job'
import { planJob } from '../../core/jobs/message-job'
import { createLlm } from '../../core/llm'
import { GrowthLog } from '../../entities/growth-log.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Person } from '../../entities/person.entity'
import { Student } from '../../entities/student.entity'
import { type BotHarness, botHarness } from '../bot/harness'
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fakes/openai-server'

// A Monday: the digest covers 2024-04-08 to 2024-04-14.
const MONDAY = new Date('2024-04-15T09:00:00+08:00')
const PLACE = '广西大学物理学院凝聚态实验室'

describe('the mentor digest with a language model', () => {
  let h: BotHarness
  let fake: FakeOpenAiServer
  let name: string
  beforeAll(async () => {
    h = await botHarness('sqlite')
    fake = await startFakeOpenAiServer()
    const personId = (
      await h.dataSource
        .getRepository(IdentityBinding)
        .findOneByOrFail({ channel: 'terminal', externalId: 'demo-student' })
    ).personId
    name = (await h.dataSource.getRepository(Person).findOneByOrFail({ id: personId })).displayName
    const student = await h.dataSource.getRepository(Student).findOneByOrFail({ personId })
    await h.dataSource.getRepository(GrowthLog).insert({
      studentId: student.id,
      activityId: null,
      happenedOn: '2024-04-10',
      place: PLACE,
      content: `${name}今天跟着师兄测了霍尔效应，师兄电话13812345678，说有问题可以打给他。`,
      takeaway: '学会了读锁相放大器。',
      source: 'terminal',
      clientKey: 'digest-llm-test',
      createdAt: new Date('2024-04-10T20:00:00+08:00'),
    })
  })
  afterAll(async () => {
    await fake.close()
    await h.close()
  })

  const digest = async (withModel: boolean) => {
    const llm = withModel
      ? createLlm({ apiKey: 'k', baseUrl: fake.baseUrl, model: 'fake-model', timeoutMs: 2_000 })
      : undefined
    const planned = await planJob(mentorDigestJob, { dataSource: h.dataSource, clock: h.clock, llm }, MONDAY)
    const mine = planned.filter((m) => m.text.includes(PLACE))
    expect(mine).toHaveLength(1)
    return mine[0]?.text as string
  }

  it('adds a summary per student who wrote logs, and sends the model neither names nor phone numbers', async () => {
    fake.requests.length = 0
    fake.reply({ content: JSON.stringify({ summaries: [{ student: '学生1', summary: '该生参与了霍尔效应测量。' }] }) })
    const text = await digest(true)
    expect(text).toContain('小结（AI 生成）：该生参与了霍尔效应测量。')
    expect(text).toContain(name)
    expect(fake.requests.length).toBeGreaterThanOrEqual(1)
    const sent = fake.requests.map((r) => r.rawBody).join('\n')
    expect(sent).toContain('霍尔效应')
    expect(sent).not.toContain(name)
    expect(sent).not.toContain('13812345678')
    expect(sent).toContain('138****5678')
  })

  it('sends the plain digest when the model fails or answers about someone it was not given', async () => {
    const plain = await digest(false)
    expect(plain).not.toContain('小结')
    fake.reply({ status: 500 })
    expect(await digest(true)).toBe(plain)
    fake.reply({ content: JSON.stringify({ summaries: [{ student: '学生9', summary: '该生很好。' }] }) })
    expect(await digest(true)).toBe(plain)
    fake.reply({ content: 'not json' })
    expect(await digest(true)).toBe(plain)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveActor } from '../../core/actor'
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors'
import { builtInProgram } from '../../core/knowledge/program'
import { createGrowthLog } from '../../core/logs/create-growth-log'
import { Activity } from '../../entities/activity.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { testDbKinds } from '../helpers/db'
import { type BotHarness, botHarness } from '../bot/harness'

const program = builtInProgram(2023)
if (!program) throw new Error('no 2023 program')

const input = (clientKey: string, happenedOn = '2024-03-04') => ({
  happenedOn,
  place: '广西大学物理学院',
  content: '旁听课题组组会',
  takeaway: '学会了做实验记录',
  source: 'terminal' as const,
  clientKey,
})

describe.each(testDbKinds())('createGrowthLog on %s', (kind) => {
  let h: BotHarness
  beforeAll(async () => {
    h = await botHarness(kind)
  })
  afterAll(async () => {
    await h.close()
  })
  const actor = (handle: string) => resolveActor(h.dataSource, 'terminal', handle)

  it('refuses everyone but a student with an active record', async () => {
    await expect(createGrowthLog(h, program, await actor('demo-parent'), input('k-parent'))).rejects.toBeInstanceOf(
      ForbiddenError,
    )
    await expect(createGrowthLog(h, program, await actor('demo-staff'), input('k-staff'))).rejects.toBeInstanceOf(
      ForbiddenError,
    )
    await expect(createGrowthLog(h, program, await actor('nobody'), input('k-nobody'))).rejects.toBeInstanceOf(
      ForbiddenError,
    )
    await h.dataSource.query(
      "UPDATE student SET status = 'exited' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student-2')",
    )
    await expect(createGrowthLog(h, program, await actor('demo-student-2'), input('k-exited'))).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await h.dataSource.query(
      "UPDATE student SET status = 'active' WHERE personId = (SELECT personId FROM identity_binding WHERE externalId = 'demo-student-2')",
    )
  })

  it('refuses a day in the future or outside the training period', async () => {
    const student = await actor('demo-student')
    await expect(createGrowthLog(h, program, student, input('k-future', '2024-03-16'))).rejects.toBeInstanceOf(
      ValidationError,
    )
    await expect(createGrowthLog(h, program, student, input('k-before', '2023-09-30'))).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('saves one log when the same submission arrives twice at once, and ties it to a new campus visit', async () => {
    const student = await actor('demo-student')
    const visits = await h.dataSource.getRepository(Activity).count()
    const [a, b] = await Promise.all([
      createGrowthLog(h, program, student, input('k-twice')),
      createGrowthLog(h, program, student, input('k-twice')),
    ])
    expect(a.log.id).toBe(b.log.id)
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1)
    expect(await h.dataSource.getRepository(GrowthLog).countBy({ clientKey: 'k-twice' })).toBe(1)
    expect(await h.dataSource.getRepository(Activity).count()).toBe(visits + 1)
  })

  it("ties a log to that day's visit still lacking one instead of counting a new visit", async () => {
    const student = await actor('demo-student-2')
    // 覃子豪's visit of 2023-12-16 has no log in the demo.
    const visits = await h.dataSource.getRepository(Activity).count()
    const { log } = await createGrowthLog(h, program, student, input('k-late', '2023-12-16'))
    expect(await h.dataSource.getRepository(Activity).count()).toBe(visits)
    const visit = await h.dataSource.getRepository(Activity).findOneByOrFail({ id: log.activityId as number })
    expect(visit.happenedOn).toBe('2023-12-16')
  })
})

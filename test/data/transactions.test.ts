import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChannelLease } from '../../entities/channel-lease.entity'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

describe.each(testDbKinds())('concurrent transactions on %s', (kind) => {
  let db: TestDataSource
  beforeAll(async () => {
    db = await testDataSource(kind)
  })
  afterAll(async () => {
    await db.close()
  })

  it('run side by side without nesting, each committing or rolling back only its own work', async () => {
    const ds = db.dataSource
    const work = Array.from({ length: 12 }, (_, i) =>
      ds.transaction(async (m) => {
        await m.insert(ChannelLease, { name: `t${i}`, holder: 'a', expiresAt: new Date() })
        // An await inside the transaction lets the other chats' messages run meanwhile.
        await new Promise((r) => setTimeout(r, 5))
        if (i % 3 === 0) throw new Error(`rolled back ${i}`)
        await m.update(ChannelLease, { name: `t${i}` }, { holder: 'b' })
      }),
    )
    const results = await Promise.allSettled(work)
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual(
      [0, 3, 6, 9].map((i) => `Error: rolled back ${i}`),
    )
    const rows = await ds.getRepository(ChannelLease).find({ order: { name: 'ASC' } })
    expect(rows.map((r) => r.name).sort()).toEqual(['t1', 't10', 't11', 't2', 't4', 't5', 't7', 't8'])
    expect(rows.every((r) => r.holder === 'b')).toBe(true)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acquireLease, releaseLease } from '../../core/leases'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

describe.each(testDbKinds())('leases on %s', (kind) => {
  let db: TestDataSource
  beforeAll(async () => {
    db = await testDataSource(kind)
  })
  afterAll(async () => {
    await db.close()
  })
  const t0 = new Date('2024-03-15T02:00:00Z')
  const at = (s: number) => new Date(t0.getTime() + s * 1000)

  it('lets one holder at a time take a lease, renew it, and another take it over once it expires', async () => {
    const ds = db.dataSource
    expect(await acquireLease(ds, 'bot', 'a', 30_000, at(0))).toBe(true)
    expect(await acquireLease(ds, 'bot', 'b', 30_000, at(1))).toBe(false)
    expect(await acquireLease(ds, 'bot', 'a', 30_000, at(20))).toBe(true)
    expect(await acquireLease(ds, 'bot', 'b', 30_000, at(40))).toBe(false)
    expect(await acquireLease(ds, 'bot', 'b', 30_000, at(51))).toBe(true)
    expect(await acquireLease(ds, 'bot', 'a', 30_000, at(52))).toBe(false)
    await releaseLease(ds, 'bot', 'a')
    expect(await acquireLease(ds, 'bot', 'a', 30_000, at(53))).toBe(false)
    await releaseLease(ds, 'bot', 'b')
    expect(await acquireLease(ds, 'bot', 'a', 30_000, at(54))).toBe(true)
  })

  it('gives a contested lease to exactly one of many simultaneous takers', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => acquireLease(db.dataSource, 'race', `h${i}`, 30_000, at(0))),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})

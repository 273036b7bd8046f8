import Koa from 'koa'
import { expect, it } from 'vitest'
import { fixedClock } from '../../core/clock'
import { listen } from '../http'
import { errors } from './errors'
import { isLoopback, rateLimit } from './rate-limit'
import { createLogger } from '../../core/logger'

it('knows loopback addresses', () => {
  expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.0.2'].every(isLoopback)).toBe(true)
  expect(['10.0.0.1', '203.0.113.5', '::ffff:192.0.2.1'].some(isLoopback)).toBe(false)
})

it('lets exempt clients through without counting them', async () => {
  const app = new Koa()
  app.use(errors(createLogger('silent')))
  app.use(rateLimit({ limit: 1, clock: fixedClock('2024-01-01T00:00:00Z'), exempt: isLoopback }))
  app.use((ctx) => {
    ctx.body = { ok: true }
  })
  const running = await listen(app, 0, '127.0.0.1')
  try {
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`http://127.0.0.1:${running.port}/`)).status)
    expect(statuses).toEqual([200, 200, 200])
  } finally {
    await running.close(500)
  }
})

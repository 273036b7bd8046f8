import { expect, it } from 'vitest'
import { createLogger } from '../logger'
import { startScheduler } from './scheduler'

it('stopping waits for a run in progress and starts no new one', async () => {
  let runs = 0
  let finished = 0
  const scheduler = startScheduler(
    [
      {
        name: 'slow',
        cron: '* * * * * *', // every second
        run: async () => {
          runs++
          await new Promise((r) => setTimeout(r, 600))
          finished++
        },
      },
    ],
    {},
    createLogger('silent'),
  )
  while (runs === 0) await new Promise((r) => setTimeout(r, 50))
  await scheduler.stop()
  expect(finished).toBe(runs)
  await new Promise((r) => setTimeout(r, 1200))
  expect(runs).toBe(finished)
}, 10_000)

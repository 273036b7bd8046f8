import cron from 'node-cron'
import type { Logger } from '../logger'
import type { Job } from './job'

/** The running scheduler; stop() halts every job's timer. */
export interface Scheduler {
  jobs: string[]
  stop(): void
}

/**
 * Registers each job with node-cron in Asia/Shanghai. A run that throws is logged and does not
 * stop the job's later runs; a run still going when the next is due is skipped, not doubled.
 */
export function startScheduler<Deps>(jobs: Job<Deps>[], deps: Deps, logger: Logger): Scheduler {
  const tasks = jobs.map((job) => {
    let running = false
    return cron.schedule(
      job.cron,
      async () => {
        if (running) return
        running = true
        try {
          await job.run(deps)
        } catch (err) {
          logger.error({ err, job: job.name }, 'job failed')
        } finally {
          running = false
        }
      },
      { timezone: 'Asia/Shanghai', name: job.name },
    )
  })
  return {
    jobs: jobs.map((j) => j.name),
    stop: () => {
      for (const t of tasks) t.stop()
    },
  }
}

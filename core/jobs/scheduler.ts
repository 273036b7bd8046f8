import cron from 'node-cron'
import type { Logger } from '../logger'
import type { Job } from './job'

/** The running scheduler; stop() halts every job's timer and waits for the runs in progress. */
export interface Scheduler {
  jobs: string[]
  stop(): Promise<void>
}

/**
 * Registers each job with node-cron in Asia/Shanghai. A run that throws is logged and does not
 * stop the job's later runs; a run still going when the next is due is skipped, not doubled.
 * Stopping lets a run in progress finish (the service's shutdown waits for it), starts no new one.
 */
export function startScheduler<Deps>(jobs: Job<Deps>[], deps: Deps, logger: Logger): Scheduler {
  const running = new Map<string, Promise<void>>()
  let stopped = false
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        if (stopped || running.has(job.name)) return
        const run = (async () => {
          try {
            await job.run(deps)
          } catch (err) {
            logger.error({ err, job: job.name }, 'job failed')
          }
        })()
        running.set(job.name, run)
        await run
        running.delete(job.name)
      },
      { timezone: 'Asia/Shanghai', name: job.name },
    ),
  )
  return {
    jobs: jobs.map((j) => j.name),
    stop: async () => {
      stopped = true
      for (const t of tasks) t.stop()
      await Promise.all(running.values())
    },
  }
}

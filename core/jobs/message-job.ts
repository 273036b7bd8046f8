import type { DataSource } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import type { Clock } from '../clock'
import type { Program } from '../knowledge/program'
import { builtInPrograms } from '../knowledge/program'
import type { Logger } from '../logger'
import type { Job } from './job'
import { type PlannedMessage, addressMessages, queueMessages } from './messages'

/** What the message jobs need. */
export interface MessageJobDeps {
  dataSource: DataSource
  clock: Clock
  logger?: Logger
}

/** A cohort in training as a job sees it: its program and its row id. */
export interface RunningCohort {
  program: Program
  cohortId: number
}

/** A job that plans messages for an instant; run() addresses and queues them in the outbox. */
export interface MessageJob extends Job<MessageJobDeps> {
  plan(deps: MessageJobDeps, at: Date, cohort: RunningCohort): Promise<PlannedMessage[]>
}

/** The cohorts whose program is loaded, newest first. */
export async function runningCohorts(ds: DataSource): Promise<RunningCohort[]> {
  const rows = await ds.getRepository(Cohort).find({ order: { year: 'DESC' } })
  const programs = builtInPrograms()
  return rows.flatMap((row) => {
    const program = programs.get(row.year)
    return program ? [{ program, cohortId: row.id }] : []
  })
}

/** Everything a job would send at `at`, over every loaded cohort. */
export async function planJob(job: MessageJob, deps: MessageJobDeps, at: Date): Promise<PlannedMessage[]> {
  const planned: PlannedMessage[] = []
  for (const cohort of await runningCohorts(deps.dataSource)) planned.push(...(await job.plan(deps, at, cohort)))
  return planned
}

/** Makes a scheduled job of a planner: each run queues what it plans, once per idempotency key. */
export function messageJob(def: Omit<MessageJob, 'run'>): MessageJob {
  return {
    ...def,
    async run(deps) {
      const at = deps.clock.now()
      const messages = await addressMessages(deps.dataSource, await planJob(this as MessageJob, deps, at), at)
      const added = await queueMessages(deps.dataSource, messages, at)
      deps.logger?.info({ job: def.name, planned: messages.length, added }, 'job queued its messages')
    },
  }
}

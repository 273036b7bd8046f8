import type { DataSource } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import type { Clock } from '../clock'
import type { Program } from '../knowledge/program'
import { builtInPrograms } from '../knowledge/program'
import type { Logger } from '../logger'
import type { Job } from './job'
import { type PlannedMessage, type QueuedMessage, addressMessages, queueMessages } from './messages'

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

/** Takes a batch of planned messages (jobs hand them over in batches, so a cohort of any size fits in memory). */
export type Emit = (batch: PlannedMessage[]) => Promise<void>

/** The most messages a job hands over at once. */
export const BATCH = 1000

/** A job that plans messages for an instant, handing them over in batches; run() addresses and queues them. */
export interface MessageJob extends Job<MessageJobDeps> {
  plan(deps: MessageJobDeps, at: Date, cohort: RunningCohort, emit: Emit): Promise<void>
}

/** Hands `items` over in batches of BATCH, each mapped to messages. */
export async function emitInBatches<T>(
  items: T[],
  toMessages: (item: T) => PlannedMessage[],
  emit: Emit,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH).flatMap(toMessages)
    if (batch.length) await emit(batch)
  }
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

/** Everything a job would send at `at`, over every loaded cohort, addressed, batch by batch. */
export async function eachAddressed(
  job: MessageJob,
  deps: MessageJobDeps,
  at: Date,
  handle: (batch: QueuedMessage[]) => Promise<void>,
): Promise<void> {
  for (const cohort of await runningCohorts(deps.dataSource)) {
    await job.plan(deps, at, cohort, async (batch) => handle(await addressMessages(deps.dataSource, batch, at)))
  }
}

/** Everything a job would send at `at`, collected (for tests and small previews). */
export async function planJob(job: MessageJob, deps: MessageJobDeps, at: Date): Promise<PlannedMessage[]> {
  const planned: PlannedMessage[] = []
  for (const cohort of await runningCohorts(deps.dataSource)) {
    await job.plan(deps, at, cohort, async (batch) => {
      planned.push(...batch)
    })
  }
  return planned
}

/** Makes a scheduled job of a planner: each run queues what it plans, once per idempotency key. */
export function messageJob(def: Omit<MessageJob, 'run'>): MessageJob {
  return {
    ...def,
    async run(deps) {
      const at = deps.clock.now()
      let planned = 0
      let added = 0
      await eachAddressed(this as MessageJob, deps, at, async (batch) => {
        planned += batch.length
        added += await queueMessages(deps.dataSource, batch, at)
      })
      deps.logger?.info({ job: def.name, planned, added }, 'job queued its messages')
    },
  }
}

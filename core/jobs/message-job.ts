import type { DataSource } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import type { Clock } from '../clock'
import type { Program } from '../knowledge/program'
import { builtInPrograms } from '../knowledge/program'
import type { Llm } from '../llm'
import type { Logger } from '../logger'
import type { Job } from './job'
import {
  type MessageQuery,
  type PlannedMessage,
  type QueuedMessage,
  addressMessages,
  previewQuery,
  queueMessages,
  queueQuery,
} from './messages'

/** What the message jobs need; `llm`, when a model is configured, writes the mentor digest's summaries. */
export interface MessageJobDeps {
  dataSource: DataSource
  clock: Clock
  logger?: Logger
  llm?: Llm
}

/** A cohort in training as a job sees it: its program and its row id. */
export interface RunningCohort {
  program: Program
  cohortId: number
}

/**
 * Where a job's messages come from: a query the database computes for the whole cohort
 * (set-based; the big jobs), or messages composed one by one in the process (a few thousand at
 * most: the mentor digest's).
 */
export type MessageSource = MessageQuery | PlannedMessage[]

/** A job that says what it sends at an instant; run() writes it to the outbox once per idempotency key. */
export interface MessageJob extends Job<MessageJobDeps> {
  messages(deps: MessageJobDeps, at: Date, cohort: RunningCohort): Promise<MessageSource[]>
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

/** Each source of a job's messages at `at`, over every loaded cohort. */
async function eachSource(
  job: MessageJob,
  deps: MessageJobDeps,
  at: Date,
  handle: (source: MessageSource) => Promise<void>,
): Promise<void> {
  for (const cohort of await runningCohorts(deps.dataSource)) {
    for (const source of await job.messages(deps, at, cohort)) await handle(source)
  }
}

/** Writes what a job sends at `at` to the outbox; returns how many messages were new. */
export async function queueJob(job: MessageJob, deps: MessageJobDeps, at: Date): Promise<number> {
  let added = 0
  await eachSource(job, deps, at, async (source) => {
    added += Array.isArray(source)
      ? await queueMessages(deps.dataSource, await addressMessages(deps.dataSource, source, at), at)
      : await queueQuery(deps.dataSource, job.name, source, at)
  })
  return added
}

/**
 * Everything a job would send at `at`, addressed exactly as queueJob writes it, page by page
 * (the office's preview, `npm run jobs`). Writes nothing; `handle` must not use the database.
 */
export async function previewJob(
  job: MessageJob,
  deps: MessageJobDeps,
  at: Date,
  handle: (page: QueuedMessage[]) => Promise<void>,
): Promise<void> {
  await eachSource(job, deps, at, async (source) => {
    if (!Array.isArray(source)) return previewQuery(deps.dataSource, job.name, source, at, handle)
    if (source.length) await handle(await addressMessages(deps.dataSource, source, at))
  })
}

/** Everything a job would send at `at`, collected (for tests and small previews). */
export async function planJob(job: MessageJob, deps: MessageJobDeps, at: Date): Promise<QueuedMessage[]> {
  const planned: QueuedMessage[] = []
  await previewJob(job, deps, at, async (page) => {
    planned.push(...page)
  })
  return planned
}

/** Makes a scheduled job of a definition: each run queues what it sends, once per idempotency key. */
export function messageJob(def: Omit<MessageJob, 'run'>): MessageJob {
  return {
    ...def,
    async run(deps) {
      const added = await queueJob(this as MessageJob, deps, deps.clock.now())
      deps.logger?.info({ job: def.name, added }, 'job queued its messages')
    },
  }
}

import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import type { Job } from './job'
import { pruneConversationsJob } from './prune-conversations.job'

/** What jobs may use. Grows as jobs arrive (reminders, digests, the outbox dispatcher). */
export interface JobDeps {
  dataSource: DataSource
  clock: Clock
}

/** Every job the service schedules. Later issues add theirs here. */
export const jobs: Job<JobDeps>[] = [pruneConversationsJob]

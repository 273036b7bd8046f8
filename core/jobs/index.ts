import type { Job } from './job'

/** What jobs may use. Grows as jobs arrive (reminders, digests, the outbox dispatcher). */
export type JobDeps = object

/** Every job the service schedules. Later issues add theirs here. */
export const jobs: Job<JobDeps>[] = []

import { deadlineRemindersJob } from './deadline-reminders.job'
import type { Job } from './job'
import type { MessageJob, MessageJobDeps } from './message-job'
import { mentorDigestJob } from './mentor-digest.job'
import { missingLogJob } from './missing-log.job'
import { pruneConversationsJob } from './prune-conversations.job'
import { visitPaceJob } from './visit-pace.job'

/** What jobs may use. Grows as jobs arrive (the outbox dispatcher). */
export type JobDeps = MessageJobDeps

/** The jobs that write messages, in the order `npm run jobs` runs them. */
export const messageJobs: MessageJob[] = [deadlineRemindersJob, missingLogJob, visitPaceJob, mentorDigestJob]

/** Every job the service schedules. */
export const jobs: Job<JobDeps>[] = [...messageJobs, pruneConversationsJob]

import type { DataSource } from 'typeorm'
import { LessThan } from 'typeorm'
import { ConversationState } from '../../entities/conversation-state.entity'
import { ProcessedMessage } from '../../entities/processed-message.entity'
import type { Clock } from '../clock'
import type { Job } from './job'

/** How long a message id is remembered: WeCom and puppets redeliver within minutes, never after days. */
export const PROCESSED_KEEP_MS = 7 * 86_400_000
/** Chats idle this long have nothing left to resume (a dialogue expires after 30 minutes). */
export const STATE_KEEP_MS = 7 * 86_400_000

/** What the pruning job needs. */
export interface PruneDeps {
  dataSource: DataSource
  clock: Clock
}

/**
 * Forgets what the conversations no longer need: message ids seen more than a week ago and the
 * state rows of chats idle for a week. Two set-based deletes.
 */
export const pruneConversationsJob: Job<PruneDeps> = {
  name: 'prune-conversations',
  // Every day at 04:10 Beijing time, when nobody is chatting.
  cron: '10 4 * * *',
  async run({ dataSource, clock }) {
    const now = clock.now().getTime()
    await dataSource
      .getRepository(ProcessedMessage)
      .delete({ processedAt: LessThan(new Date(now - PROCESSED_KEEP_MS)) })
    await dataSource.getRepository(ConversationState).delete({ updatedAt: LessThan(new Date(now - STATE_KEEP_MS)) })
  },
}

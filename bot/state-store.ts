import type { DataSource } from 'typeorm'
import { ConversationState } from '../entities/conversation-state.entity'
import type { Dialogue } from './types'

/** A stored dialogue and when it last moved. */
export interface StoredDialogue extends Dialogue {
  updatedAt: Date
}

/**
 * Where dialogues live between messages, one per (channel, chat key). Flows never touch it:
 * the engine loads before a turn and saves after, so a restart or another instance continues
 * the same dialogue.
 */
export interface StateStore {
  load(channel: string, chatKey: string): Promise<StoredDialogue | undefined>
  /** Stores the dialogue, or marks the chat idle when `dialogue` is undefined. */
  save(channel: string, chatKey: string, dialogue: Dialogue | undefined, at: Date): Promise<void>
}

/** A StateStore on the conversation_state table. */
export function databaseStateStore(ds: DataSource): StateStore {
  const repo = ds.getRepository(ConversationState)
  return {
    async load(channel, chatKey) {
      const row = await repo.findOneBy({ channel, chatKey })
      if (!row?.flow) return undefined
      return {
        flow: row.flow,
        step: row.step,
        data: JSON.parse(row.data) as Record<string, unknown>,
        updatedAt: row.updatedAt,
      }
    },
    async save(channel, chatKey, dialogue, at) {
      const values = {
        flow: dialogue?.flow ?? null,
        step: dialogue?.step ?? null,
        data: JSON.stringify(dialogue?.data ?? {}),
        updatedAt: at,
      }
      const updated = await repo.update({ channel, chatKey }, values)
      if (updated.affected || !dialogue) return
      try {
        await repo.insert({ channel, chatKey, ...values })
      } catch {
        // The other instance wrote the first row of this chat a moment ago: ours is the newer state.
        await repo.update({ channel, chatKey }, values)
      }
    },
  }
}

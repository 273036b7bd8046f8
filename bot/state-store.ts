import type { DataSource } from 'typeorm'
import { datetimeParameter, datetimeValue, execute } from '../core/data-source'
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

/**
 * A StateStore on the conversation_state table. Raw statements, prepared once: every message of
 * every chat loads its state, and a running dialogue saves it.
 */
export function databaseStateStore(ds: DataSource): StateStore {
  const q = (name: string) => ds.driver.escape(name)
  const table = q('conversation_state')
  const key = `${q('channel')} = ? AND ${q('chatKey')} = ?`
  const select = `SELECT ${['flow', 'step', 'data', 'updatedAt'].map(q).join(', ')} FROM ${table} WHERE ${key}`
  const update = `UPDATE ${table} SET ${['flow', 'step', 'data', 'updatedAt'].map((c) => `${q(c)} = ?`).join(', ')} WHERE ${key}`
  const insert = `INSERT INTO ${table} (${['channel', 'chatKey', 'flow', 'step', 'data', 'updatedAt'].map(q).join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`
  return {
    async load(channel, chatKey) {
      const [row] = (await ds.query(select, [channel, chatKey])) as Array<Record<string, unknown>>
      if (!row?.flow) return undefined
      return {
        flow: String(row.flow),
        step: row.step == null ? null : String(row.step),
        data: JSON.parse(String(row.data)) as Record<string, unknown>,
        updatedAt: datetimeValue(row.updatedAt),
      }
    },
    async save(channel, chatKey, dialogue, at) {
      const values = [
        dialogue?.flow ?? null,
        dialogue?.step ?? null,
        JSON.stringify(dialogue?.data ?? {}),
        datetimeParameter(ds, at),
      ]
      if ((await execute(ds, update, [...values, channel, chatKey])) > 0 || !dialogue) return
      try {
        await execute(ds, insert, [channel, chatKey, ...values])
      } catch {
        // The other instance wrote the first row of this chat a moment ago: ours is the newer state.
        await execute(ds, update, [...values, channel, chatKey])
      }
    },
  }
}

import type { DataSource } from 'typeorm'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import type { Clock } from '../../core/clock'
import { outboxPayload } from '../../core/delivery/outbox-payload'
import { type Engine, chatKeyOf } from '../engine'
import type { StateStore } from '../state-store'
import type { Reply } from '../types'

/**
 * The terminal channel (`npm run chat -- --as <handle>`): the handle is the sender, the chat
 * is private, and there is no size limit. Messages the outbox holds for the handle (a hand-off
 * answer, a broadcast) are shown after the replies when no dialogue is running, so they never
 * interrupt a form half-way.
 */
export function terminalChannel(
  deps: { dataSource: DataSource; clock: Clock; engine: Engine; store: StateStore },
  handle: string,
) {
  async function pending(): Promise<Reply[]> {
    const repo = deps.dataSource.getRepository(OutboxMessage)
    const rows = await repo.find({
      where: { channel: 'terminal', recipient: handle, status: 'pending' },
      order: { id: 'ASC' },
      take: 20,
    })
    if (rows.length === 0) return []
    const now = deps.clock.now()
    const shown: Reply[] = []
    for (const row of rows) {
      const claimed = await repo.update(
        { id: row.id, status: 'pending' },
        { status: 'sent', sentAt: now, attempts: row.attempts + 1 },
      )
      if (!claimed.affected) continue
      const text = outboxPayload(row).text
      if (text) shown.push({ text: `📬 ${text}` })
    }
    return shown
  }

  return {
    /** The replies to one line the person typed, then whatever was waiting for them. */
    async say(text: string): Promise<Reply[]> {
      const msg = { channel: 'terminal' as const, senderId: handle, text }
      const replies = await deps.engine.handle(msg)
      const idle = !(await deps.store.load('terminal', chatKeyOf(msg)))
      return idle ? [...replies, ...(await pending())] : replies
    },
  }
}

import { createHash } from 'node:crypto'
import type { OutboxMessage } from '../../entities/outbox-message.entity'

/** An outbox row's message body: its text, and whatever else the writer put there (job, templateId, ticketId…). */
export type OutboxPayload = { text?: string; [key: string]: unknown }

/**
 * The whole body of an outbox row, as every reader (the dispatcher, the terminal, the office's
 * lists) should see it: the payload's JSON, with the text from outbox_text when the row shares
 * one (a job's message, `textId`), else the payload's own. Lenient: a payload that is not JSON
 * is the text itself. Never throws.
 */
export function outboxPayload(row: Pick<OutboxMessage, 'payload' | 'text'>): OutboxPayload {
  const shared = row.text?.text
  const body = parsePayload(row.payload)
  return shared === undefined ? body : { ...body, text: shared }
}

function parsePayload(payload: string): OutboxPayload {
  try {
    const parsed = JSON.parse(payload) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as OutboxPayload) : { text: String(parsed) }
  } catch {
    return { text: payload }
  }
}

/** The key outbox_text finds a text by (OutboxText.hash): SHA-256 of its UTF-8, in hex, as the databases' SQL computes it. */
export function outboxTextHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

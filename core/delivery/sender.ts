import type { Measure } from '../../bot/split'

/**
 * What went wrong with a send, by what the dispatcher should do about it:
 * - `retry`: a passing failure (busy, 5xx, timeout): again later, with exponential backoff;
 * - `token`: the access token was refused: the sender refreshes it, the dispatcher retries at once;
 * - `throttle`: the platform's frequency limit: the channel (or recipient) pauses, the message waits;
 * - `permanent`: never deliverable (invalid recipient or key): dead letter with the reason;
 * - `wait`: nobody may be sent to yet (no mini-program consent left): the message waits, no attempt counted against it;
 * - `release`: this instance cannot send it (not holding the WeCom bot's connection): another instance will.
 */
export type SendErrorKind = 'retry' | 'token' | 'throttle' | 'permanent' | 'wait' | 'release'

/** A sender's answer for one message (one part of a split text). */
export type SendResult = { ok: true } | { ok: false; kind: SendErrorKind; reason: string; retryAfterMs?: number }

/** What a sender is given: the row's address and one part of its text, with the row's whole payload. */
export interface OutgoingMessage {
  id: number
  channel: string
  recipient: string
  text: string
  /** The row's payload (JSON-parsed): `text` and whatever else the writer put there (templateId, data, page…). */
  payload: { text?: string; [key: string]: unknown }
  /** Which part of the split text this is, and how many there are. */
  part: number
  parts: number
}

/** A sliding-window rule: at most `count` sends in any `perMs` window. */
export interface WindowRule {
  count: number
  perMs: number
}

/** How fast a sender may go: per key (a recipient, a robot, the whole channel), window rules and a least gap. */
export interface RatePolicy {
  /** What the limit counts against: e.g. the recipient (WeCom app member, webhook key) or the channel. */
  key: (message: { channel: string; recipient: string }) => string
  windows?: WindowRule[]
  /** The least time between two sends under one key (wechaty's pacing of room messages). */
  minGapMs?: number
  /**
   * Only the instance holding the channel's connection sends through it (the logged-in WeChat
   * account), so its pacing is kept in that process, to the millisecond; other limits are
   * counted in the database for every instance (core/delivery/shared-rate-limit.ts).
   */
  oneInstance?: boolean
}

/** A channel's sender: how long one message may be, how fast it may go, and how to send one. */
export interface Sender {
  /** The longest text of one message, as measured by `measure`; longer texts are split in order. Infinity: never split. */
  limit: number
  measure: Measure
  rate?: RatePolicy
  /** Whether this instance can send at all now (the WeCom bot's connection holder, a logged-in wechaty); default yes. */
  ready?(): boolean
  /** After a `token` error: drop the cached token so the next send fetches a new one. */
  refreshToken?(): Promise<void>
  /** Sends one message; never throws (a thrown error is taken as `retry`). */
  send(message: OutgoingMessage): Promise<SendResult>
}

/** The senders a dispatcher uses, by outbox channel; rows of channels not listed are left alone. */
export type Senders = Partial<Record<string, Sender>>

/** A one-line reason from anything thrown. */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err)
  return text.split('\n')[0]?.slice(0, 300) ?? ''
}

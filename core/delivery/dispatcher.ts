import { setTimeout as sleep } from 'node:timers/promises'
import type { DataSource } from 'typeorm'
import { splitReply } from '../../bot/split'
import { type AttemptOutcome, OutboxAttempt } from '../../entities/outbox-attempt.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import type { Clock } from '../clock'
import { instanceId } from '../leases'
import type { Logger } from '../logger'
import { claimDue } from './claim'
import { outboxPayload } from './outbox-payload'
import { RateLimiter } from './rate-limit'
import { DatabaseRateLimiter } from './shared-rate-limit'
import { type OutgoingMessage, type SendResult, type Senders, reasonOf } from './sender'

/** What the dispatcher needs from the service. */
export interface DispatcherDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
}

/** How the dispatcher runs; every field has a default fit for service. */
export interface DispatcherOptions {
  /** This instance's name in lockedBy (default instanceId()). */
  instance?: string
  /** Messages in flight at once (default 4): also the most a crash can send twice. */
  concurrency?: number
  /** How often to look for due rows when there were none (default 1 s). */
  pollMs?: number
  /** How long a claim lasts before another instance may take the row over (default 60 s; ≥ 3 s on MariaDB). */
  leaseMs?: number
  /** Attempts that end in `retry` before the message is dead (default 8). */
  maxAttempts?: number
  /** First retry delay, doubled each attempt up to maxBackoffMs, with jitter (defaults 5 s and 1 h). */
  baseBackoffMs?: number
  maxBackoffMs?: number
  /** How long a `throttle` pauses the key; default the sender's hint (WeCom 45009: 60 s, its per-minute ban), else 60 s. */
  throttleMs?: number
  /** How long a `wait` (no consent left) puts the message off (default 6 h). */
  waitMs?: number
  /** The longest a worker waits for the rate limit, in all, while holding a row; longer, the row is put off (default 2 s). */
  maxHoldMs?: number
  /**
   * Where the channels' rate limits are counted: in the database, shared by every instance
   * (default), or in this process only (one instance, or tests of the pacing alone).
   */
  limits?: 'database' | 'process'
  /** Randomness for jitter (tests pin it). */
  random?: () => number
}

/** A running dispatcher. */
export interface Dispatcher {
  /** Claims no more rows and waits for the messages in flight to finish. */
  stop(): Promise<void>
  /** Looks for due rows now instead of at the next poll. */
  wake(): void
  instance: string
}

/** Exponential backoff with equal jitter: half the doubled delay fixed, half random. */
export function backoffMs(attempts: number, base: number, max: number, random: () => number): number {
  const full = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
  return Math.round(full / 2 + (full / 2) * random())
}

/**
 * Sends the outbox: claims due rows of the channels it has senders for (never `terminal`, which
 * the chat shows itself, nor `unreached`, which lists people for the office), sends each through
 * its channel's sender and records every attempt (outbox_attempt). At most `concurrency`
 * messages are in flight; messages to one recipient go one after another, in id order. Long
 * texts are split to the channel's limit and sent in order; the parts delivered are kept on the
 * row, so a retry or takeover goes on from the next part. Each channel's rate policy is kept
 * (a send waits up to maxHoldMs, or the row is put off without counting an attempt), counted
 * in the database so that all instances together keep it, and so is a platform's throttle. Failures
 * by kind: `retry` → backoff with jitter, dead after maxAttempts; `token` → token refreshed
 * and one immediate retry; `throttle` → the key pauses and the row waits; `permanent` → dead
 * with the reason; `wait` → put off; `release` → handed back for another instance. Never throws;
 * database failures are logged and the loop goes on.
 */
export function startDispatcher(deps: DispatcherDeps, senders: Senders, options: DispatcherOptions = {}): Dispatcher {
  const instance = options.instance ?? instanceId()
  const concurrency = options.concurrency ?? 4
  const pollMs = options.pollMs ?? 1_000
  const leaseMs = options.leaseMs ?? 60_000
  const maxAttempts = options.maxAttempts ?? 8
  const baseBackoff = options.baseBackoffMs ?? 5_000
  const maxBackoff = options.maxBackoffMs ?? 3_600_000
  const waitMs = options.waitMs ?? 6 * 3_600_000
  const maxHoldMs = options.maxHoldMs ?? 2_000
  const random = options.random ?? Math.random
  const log = deps.logger.child({ component: 'dispatcher' })
  const ds = deps.dataSource
  const channels = Object.keys(senders).filter((c) => senders[c])
  const shared = (options.limits ?? 'database') === 'database'
  const limiters = new Map<string, RateLimiter | DatabaseRateLimiter>(
    channels.flatMap((c) => {
      const rate = senders[c]?.rate
      if (!rate) return []
      return [[c, shared && !rate.oneInstance ? new DatabaseRateLimiter(ds, rate) : new RateLimiter(rate)] as const]
    }),
  )

  const inFlight = new Set<Promise<void>>()
  /** The last message of each recipient in flight, so the next one waits for it. */
  const byRecipient = new Map<string, Promise<void>>()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let looping: Promise<void> = Promise.resolve()
  let wakeUp: (() => void) | undefined

  async function record(row: OutboxMessage, part: number, outcome: AttemptOutcome, error: string | null, at: Date) {
    await ds.getRepository(OutboxAttempt).insert({ messageId: row.id, at, part, outcome, error, instance })
  }

  /** Ends this instance's claim on the row with these changes (only while it still holds it). */
  async function finish(row: OutboxMessage, changes: Partial<OutboxMessage>): Promise<void> {
    await ds
      .getRepository(OutboxMessage)
      .update({ id: row.id, lockedBy: instance, status: 'sending' }, { lockedBy: null, lockedAt: null, ...changes })
  }

  async function sendOnce(row: OutboxMessage, message: OutgoingMessage): Promise<SendResult> {
    const sender = senders[row.channel]
    if (!sender) return { ok: false, kind: 'release', reason: 'no sender' }
    try {
      return await sender.send(message)
    } catch (err) {
      return { ok: false, kind: 'retry', reason: reasonOf(err) }
    }
  }

  /** Waits for the rate limit (up to maxHoldMs); false when the row should be put off for `wait` ms instead. */
  async function paced(row: OutboxMessage): Promise<{ go: true } | { go: false; waitMs: number }> {
    const limiter = limiters.get(row.channel)
    if (!limiter) return { go: true }
    const key = limiter.keyOf(row)
    // maxHoldMs in all, not per wait: a row held past its lease would be taken over and sent twice.
    const until = Date.now() + maxHoldMs
    for (;;) {
      const wait = await limiter.tryTake(key, Date.now())
      if (wait === 0) return { go: true }
      if (Date.now() + wait > until || stopped) return { go: false, waitMs: wait }
      await sleep(wait)
    }
  }

  /**
   * Renews the claim when the row's turn comes (it may have waited behind its recipient's earlier
   * rows); false when the lease ran out meanwhile and another instance took the row over.
   */
  async function stillHeld(row: OutboxMessage): Promise<boolean> {
    const repo = ds.getRepository(OutboxMessage)
    const mine = { id: row.id, lockedBy: instance, status: 'sending' as const }
    const renewed = await repo.update(mine, { lockedAt: deps.clock.now() })
    // MySQL may count only changed rows, and a lockedAt in the same second changes nothing: ask.
    return (renewed.affected ?? 0) > 0 || (await repo.existsBy(mine))
  }

  async function deliver(row: OutboxMessage): Promise<void> {
    if (!(await stillHeld(row))) return
    const sender = senders[row.channel]
    if (!sender) return finish(row, { status: 'pending' })
    const payload = outboxPayload(row)
    const parts = Number.isFinite(sender.limit)
      ? splitReply(payload.text ?? '', sender.limit, sender.measure)
      : [payload.text ?? '']
    let partsSent = Math.min(row.partsSent ?? 0, parts.length)
    let attempts = row.attempts
    let tokenRetried = false
    while (partsSent < parts.length) {
      const pace = await paced(row)
      if (!pace.go) {
        return finish(row, {
          status: 'pending',
          partsSent,
          nextAttemptAt: new Date(deps.clock.now().getTime() + pace.waitMs),
        })
      }
      const message: OutgoingMessage = {
        id: row.id,
        channel: row.channel,
        recipient: row.recipient,
        text: parts[partsSent] as string,
        payload,
        part: partsSent,
        parts: parts.length,
      }
      const result = await sendOnce(row, message)
      const now = deps.clock.now()
      if (result.ok) {
        partsSent++
        attempts++
        await record(row, message.part, 'sent', null, now)
        if (partsSent < parts.length) {
          await ds
            .getRepository(OutboxMessage)
            .update({ id: row.id, lockedBy: instance }, { partsSent, attempts, lockedAt: now })
          continue
        }
        return finish(row, { status: 'sent', sentAt: now, partsSent, attempts, lastError: null })
      }
      const reason = result.reason.slice(0, 500)
      if (result.kind === 'release') return finish(row, { status: 'pending', partsSent })
      if (result.kind === 'wait') {
        await record(row, message.part, 'wait', reason, now)
        const until = new Date(now.getTime() + (result.retryAfterMs ?? waitMs))
        return finish(row, { status: 'pending', partsSent, nextAttemptAt: until, lastError: reason })
      }
      attempts++
      await record(row, message.part, result.kind, reason, now)
      if (result.kind === 'token' && !tokenRetried) {
        tokenRetried = true
        await senders[row.channel]?.refreshToken?.()
        continue
      }
      if (result.kind === 'permanent') {
        log.warn({ id: row.id, channel: row.channel, reason }, 'outbox message dead')
        return finish(row, { status: 'dead', partsSent, attempts, lastError: reason })
      }
      if (result.kind === 'throttle') {
        const pause = options.throttleMs ?? result.retryAfterMs ?? 60_000
        const limiter = limiters.get(row.channel)
        await limiter?.block(limiter.keyOf(row), Date.now() + pause)
        return finish(row, {
          status: 'pending',
          partsSent,
          attempts,
          lastError: reason,
          nextAttemptAt: new Date(now.getTime() + pause),
        })
      }
      // retry, or a token refused again right after a refresh
      if (attempts >= maxAttempts) {
        const dead = `gave up after ${attempts} attempts: ${reason}`.slice(0, 500)
        log.warn({ id: row.id, channel: row.channel, reason: dead }, 'outbox message dead')
        return finish(row, { status: 'dead', partsSent, attempts, lastError: dead })
      }
      const delay = backoffMs(attempts, baseBackoff, maxBackoff, random)
      return finish(row, {
        status: 'pending',
        partsSent,
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(now.getTime() + delay),
      })
    }
    return finish(row, { status: 'sent', sentAt: deps.clock.now(), partsSent, attempts })
  }

  function start(row: OutboxMessage): void {
    const key = `${row.channel}\u0000${row.recipient}`
    const before = byRecipient.get(key) ?? Promise.resolve()
    const work = before
      .then(() => deliver(row))
      .catch((err: unknown) => {
        // The claim stays; its lease expires and the row is tried again.
        log.error({ err: { message: reasonOf(err) }, id: row.id }, 'outbox delivery failed')
      })
    byRecipient.set(key, work)
    inFlight.add(work)
    void work.finally(() => {
      inFlight.delete(work)
      if (byRecipient.get(key) === work) byRecipient.delete(key)
      wakeUp?.()
    })
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const free = concurrency - inFlight.size
      let claimed = 0
      if (free > 0) {
        const ready = channels.filter((c) => senders[c]?.ready?.() ?? true)
        try {
          const rows = await claimDue(ds, instance, deps.clock.now(), free, { channels: ready, leaseMs })
          claimed = rows.length
          for (const row of rows) start(row)
        } catch (err) {
          log.warn({ err: { message: reasonOf(err) } }, 'outbox claim failed')
        }
      }
      if (stopped) break
      // Full: wait for a slot. Found rows: look again at once. None due: poll.
      if (claimed > 0 && claimed === free) continue
      await new Promise<void>((resolve) => {
        wakeUp = resolve
        timer = setTimeout(resolve, pollMs)
      })
      wakeUp = undefined
      if (timer) clearTimeout(timer)
    }
  }

  looping = loop()
  log.info({ instance, channels }, 'dispatcher started')

  return {
    instance,
    wake() {
      wakeUp?.()
    },
    async stop() {
      stopped = true
      wakeUp?.()
      await looping
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      log.info({ instance }, 'dispatcher stopped')
    },
  }
}

import type { RatePolicy } from './sender'

/**
 * A window counted 10% longer than the platform's: a send is timed here before the request
 * leaves, the platform times it on arrival, and the two clocks' jitter must not push a send
 * into a full window.
 */
export function windowWithMargin(perMs: number): number {
  return Math.ceil(perMs * 1.1)
}

/**
 * Sliding-window limits per key, in this process: a send is allowed when every window rule has
 * room (fewer than `count` sends in the last `perMs`), the least gap since the last send has
 * passed, and no platform throttle blocks the key. A window log rather than a token bucket: a
 * bucket of 20 that refills 20 a minute lets 40 through in one minute, and WeCom drops the
 * excess silently.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>()
  private readonly blockedUntil = new Map<string, number>()

  constructor(private readonly policy: RatePolicy) {}

  /** The key a message counts against. */
  keyOf(message: { channel: string; recipient: string }): string {
    return this.policy.key(message)
  }

  /**
   * Takes a send for `key` at `now` when allowed (returns 0), or returns how many ms to wait.
   * Synchronous, so two workers of one process never both take the last place.
   */
  tryTake(key: string, now: number): number {
    let wait = Math.max(0, (this.blockedUntil.get(key) ?? 0) - now)
    const log = this.sent.get(key) ?? []
    const longest = Math.max(
      this.policy.minGapMs ?? 0,
      ...(this.policy.windows ?? []).map((w) => windowWithMargin(w.perMs)),
    )
    while (log.length > 0 && (log[0] as number) <= now - longest) log.shift()
    const last = log[log.length - 1]
    if (this.policy.minGapMs && last !== undefined) wait = Math.max(wait, last + this.policy.minGapMs - now)
    for (const rule of this.policy.windows ?? []) {
      const span = windowWithMargin(rule.perMs)
      const inWindow = log.filter((t) => t > now - span)
      if (inWindow.length >= rule.count) {
        wait = Math.max(wait, (inWindow[inWindow.length - rule.count] as number) + span - now)
      }
    }
    if (wait > 0) return wait
    log.push(now)
    this.sent.set(key, log)
    return 0
  }

  /** Stops sends under `key` until `until` (the platform said the limit was met). */
  block(key: string, until: number): void {
    this.blockedUntil.set(key, Math.max(until, this.blockedUntil.get(key) ?? 0))
  }
}

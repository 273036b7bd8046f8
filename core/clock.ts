/**
 * The one clock of the service. Everything that asks "what time is it" (dialogues, deadlines,
 * jobs) goes through a Clock, so that ASSISTANT_NOW can pin it and tests can fix it.
 */
export interface Clock {
  now(): Date
}

/** The real clock, or, when `pinned` is given, a clock that starts at that instant and runs on from there. */
export function createClock(pinned?: Date): Clock {
  if (!pinned) return { now: () => new Date() }
  const offset = pinned.getTime() - Date.now()
  return { now: () => new Date(Date.now() + offset) }
}

/** A clock that always answers the same instant: for tests. */
export function fixedClock(at: Date | string): Clock {
  const t = typeof at === 'string' ? new Date(at) : at
  return { now: () => new Date(t.getTime()) }
}

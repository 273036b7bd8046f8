import type { Logger } from './logger'

/** One step of stopping the service: its name (for the log) and what it does. */
export interface Closer {
  name: string
  close(): Promise<unknown> | unknown
}

/**
 * Stops the service on SIGTERM or SIGINT: runs each closer in the given order (a failing one is
 * logged and the next still runs), then exits 0; exits 1 if the closers take longer than
 * `deadlineMs`. The order is the caller's: what takes new work in first, the database last.
 */
export function stopOnSignals(closers: readonly Closer[], logger: Logger, deadlineMs = 8_000): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown took too long, exiting')
      process.exit(1)
    }, deadlineMs).unref()
    for (const closer of closers) {
      try {
        await closer.close()
      } catch (err) {
        logger.warn({ err, step: closer.name }, 'a shutdown step failed')
      }
    }
    logger.info('stopped')
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

import pino, { type Logger } from 'pino'
import { maskPersonalData, maskText } from './privacy/mask'

export type { Logger }

/**
 * The service's logger: pino, JSON lines on stdout, with every record passed through
 * maskPersonalData (core/privacy/mask.ts) so that minors' names, phone numbers, ID numbers,
 * e-mail addresses and WeChat ids never reach a log.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (record) => maskPersonalData(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>
          method.apply(this, masked)
        },
      },
    },
    destination,
  )
}

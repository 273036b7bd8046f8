import pino, { type Logger } from 'pino'

export type { Logger }

const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g
const ID_CARD = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g
/** Keys whose values name or reach a person: masked wherever they appear in a log record. */
const PERSONAL_KEYS = new Set([
  'name',
  'displayName',
  'realName',
  'person',
  'studentName',
  'parentName',
  'phone',
  'mobile',
])

/** Masks a mobile number the usual way: 138****1234. Leaves other text as it is. */
export function maskPhones(text: string): string {
  return text.replace(MOBILE, '$1****$3').replace(ID_CARD, '$1********$2')
}

/** Masks a person's name, keeping its first character: 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/** A copy of a log value with names and phone numbers of people masked, however deep they sit. */
export function maskPersonalData(value: unknown, key?: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (key && PERSONAL_KEYS.has(key)) return key === 'phone' || key === 'mobile' ? maskPhones(value) : maskName(value)
    return maskPhones(value)
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (depth === 0 && isFlatAndImpersonal(value)) return value
  if (value instanceof Error) return { type: value.name, message: maskPhones(value.message), stack: value.stack }
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, key, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskPersonalData(v, k, depth + 1)
  return out
}

/** A record of only numbers, booleans and digit-free strings under impersonal keys: nothing to mask (the request log's usual shape). */
function isFlatAndImpersonal(value: object): boolean {
  for (const [k, v] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(k)) return false
    if (typeof v === 'string' ? /\d{11}/.test(v) : v !== null && typeof v === 'object') return false
  }
  return true
}

/**
 * The service's logger: pino, JSON lines on stdout, with every record passed through
 * maskPersonalData so that minors' names and phone numbers never reach a log.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (record) => maskPersonalData(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPhones(a) : a)) as Parameters<typeof method>
          method.apply(this, masked)
        },
      },
    },
    destination,
  )
}

import { reasonOf, type SendResult } from '../sender'

/** A platform's JSON answer: errcode 0 is success (WeCom, WeChat). */
export interface PlatformAnswer {
  errcode?: number
  errmsg?: string
  [key: string]: unknown
}

/**
 * Calls a platform API with a JSON body (POST) or none (GET) and a timeout. Returns the JSON
 * answer, or the SendResult for a transport failure: timeouts, network errors, 5xx and
 * unreadable answers are `retry`, 429 is `throttle`.
 */
export async function callPlatform(
  url: string,
  body: unknown | undefined,
  timeoutMs: number,
): Promise<{ answer: PlatformAnswer } | { failed: SendResult }> {
  let response: Response
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (err) {
    return { failed: { ok: false, kind: 'retry', reason: `request failed: ${reasonOf(err)}` } }
  }
  if (response.status === 429) return { failed: { ok: false, kind: 'throttle', reason: 'HTTP 429' } }
  if (!response.ok) return { failed: { ok: false, kind: 'retry', reason: `HTTP ${response.status}` } }
  try {
    return { answer: (await response.json()) as PlatformAnswer }
  } catch (err) {
    return { failed: { ok: false, kind: 'retry', reason: `unreadable answer: ${reasonOf(err)}` } }
  }
}

/** How the WeCom and WeChat errcodes sort into what the dispatcher does (PLATFORM.md). */
const ERRCODE_KINDS: Record<number, { kind: 'retry' | 'token' | 'throttle' | 'permanent'; retryAfterMs?: number }> = {
  [-1]: { kind: 'retry' },
  40014: { kind: 'token' },
  42001: { kind: 'token' },
  41001: { kind: 'token' },
  45009: { kind: 'throttle', retryAfterMs: 60_000 },
  45033: { kind: 'throttle', retryAfterMs: 2_000 },
  45011: { kind: 'throttle', retryAfterMs: 60_000 },
  // Set-up faults (bad secret, untrusted IP): retried with backoff, so fixing the set-up delivers them.
  40001: { kind: 'retry' },
  60020: { kind: 'retry' },
  48002: { kind: 'permanent' },
  81013: { kind: 'permanent' },
  93000: { kind: 'permanent' },
  40003: { kind: 'permanent' },
  40037: { kind: 'permanent' },
  47003: { kind: 'permanent' },
  // appchat/send: the chatid is malformed, unknown, or a chat another app created.
  86001: { kind: 'permanent' },
  86003: { kind: 'permanent' },
  86008: { kind: 'permanent' },
}

/** The SendResult for a platform answer: ok for errcode 0, otherwise by ERRCODE_KINDS (unknown codes retried). */
export function resultOf(answer: PlatformAnswer): SendResult {
  const code = answer.errcode ?? 0
  if (code === 0) return { ok: true }
  const reason = `errcode ${code}: ${String(answer.errmsg ?? '').slice(0, 200)}`
  const known = ERRCODE_KINDS[code]
  if (!known) return { ok: false, kind: 'retry', reason }
  return { ok: false, kind: known.kind, reason, ...(known.retryAfterMs ? { retryAfterMs: known.retryAfterMs } : {}) }
}

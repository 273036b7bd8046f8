/** How a channel measures a message: characters, or bytes of UTF-8 (WeCom's limits are in bytes). */
export type Measure = (text: string) => number

/** Length in UTF-8 bytes. */
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8')

/** Length in characters (code points). */
export const characters: Measure = (text) => [...text].length

/**
 * Splits a long reply into parts that each fit a channel's limit, in order, cutting at a
 * paragraph, then a line, then a sentence end, and only as a last resort inside a sentence.
 * Nothing is dropped: joining the parts gives the text back, less the whitespace cut at.
 */
export function splitReply(text: string, limit: number, measure: Measure = characters): string[] {
  if (measure(text) <= limit) return [text]
  const parts: string[] = []
  let rest = text
  while (measure(rest) > limit) {
    const head = longestPrefix(rest, limit, measure)
    const cut = bestCut(head)
    parts.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).replace(/^\s+/, '')
  }
  if (rest) parts.push(rest)
  return parts.filter((p) => p.length > 0)
}

/** The longest prefix of whole code points that fits. */
function longestPrefix(text: string, limit: number, measure: Measure): string {
  const chars = [...text]
  let lo = 1
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(chars.slice(0, mid).join('')) <= limit) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join('')
}

/** Where to cut a prefix: after its last paragraph break, line break or sentence end in its second half. */
function bestCut(head: string): number {
  const half = head.length / 2
  for (const boundary of [/\n\n/g, /\n/g, /[。！？!?；;]/g]) {
    let last = -1
    for (const m of head.matchAll(boundary)) last = (m.index ?? 0) + m[0].length
    if (last > half) return last
  }
  return head.length
}

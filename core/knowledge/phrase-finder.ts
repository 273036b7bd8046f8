/**
 * Which of many fixed strings a text contains, found by reading the text once: each position is
 * looked up by its character among the strings that begin with it, instead of searching the
 * whole text once per string. Retrieval and scope check hundreds of keywords and synonyms
 * against every question.
 */
export interface PhraseFinder {
  /** The strings, in the order they were given. */
  readonly phrases: readonly string[]
  /** The positions (in `phrases`) of the strings the text contains, ascending, each once. */
  find(text: string): number[]
}

/** A finder for `phrases` (empty strings are never found). */
export function phraseFinder(phrases: readonly string[]): PhraseFinder {
  const byHead = new Map<string, number[]>()
  phrases.forEach((phrase, i) => {
    if (phrase.length === 0) return
    const list = byHead.get(phrase[0] as string)
    if (list) list.push(i)
    else byHead.set(phrase[0] as string, [i])
  })
  return {
    phrases,
    find(text) {
      const found: number[] = []
      let seen: Set<number> | undefined
      for (let at = 0; at < text.length; at++) {
        const candidates = byHead.get(text[at] as string)
        if (!candidates) continue
        for (const i of candidates) {
          if (!text.startsWith(phrases[i] as string, at)) continue
          seen ??= new Set()
          if (seen.has(i)) continue
          seen.add(i)
          found.push(i)
        }
      }
      return found.sort((a, b) => a - b)
    },
  }
}

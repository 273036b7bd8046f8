/**
 * Remembers the last `capacity` results of a pure function of a string. Answering one message
 * reads the same texts many times over (each ask, each intent, retrieval and scope normalise,
 * tokenise and look up the same words), so the recent ones are kept; the least recently used is
 * forgotten first. Only for results nobody mutates.
 */
export function memoOfText<V>(fn: (text: string) => V, capacity = 64): (text: string) => V {
  const recent = new Map<string, V>()
  return (text) => {
    if (recent.has(text)) {
      const hit = recent.get(text) as V
      recent.delete(text)
      recent.set(text, hit)
      return hit
    }
    const value = fn(text)
    recent.set(text, value)
    if (recent.size > capacity) recent.delete(recent.keys().next().value as string)
    return value
  }
}

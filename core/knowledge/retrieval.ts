import { normaliseText } from './normalise'
import type { Program, ProgramFact } from './program'
import { type Token, tokenize } from './tokenize'

/**
 * BM25 retrieval over a program's facts. A fact's text is its keywords (weighted most: they are
 * the words questions use), its title, and its answer; question and fact are tokenised the same
 * way (jieba words, character bigrams, canonical synonyms). The index is built once per program
 * object and kept in a WeakMap, so a reloaded program gets a fresh index and an old one is freed.
 */

/** How much each field's tokens count toward a fact's term frequency. */
const FIELD_WEIGHT = { keywords: 3, title: 2, answer: 1 }
/** How much each kind of token counts: whole words say more than bigrams. */
const KIND_WEIGHT: Record<Token['kind'], number> = { word: 1, bigram: 0.45, synonym: 1.2 }
const K1 = 1.2
const B = 0.6

/**
 * The program's own name is in almost every question and many facts; it tells them apart no
 * better than 的 does, so it is removed before tokenising (both sides).
 */
const PROGRAM_NAME =
  /八桂青少年英才培养计划|八桂英才计划|英才培养计划|英才计划|培养计划|这个计划|这个项目|本计划|该计划|八桂青少年英才(?!库)|八桂英才(?!库)|八桂(?!青少年英才库|英才库)/g

/** The text as retrieval reads it: normalised, the program's name taken out. */
export function retrievalText(text: string): string {
  return normaliseText(text).replace(PROGRAM_NAME, '，')
}

/** Weight of a keyword found verbatim in a question, per character (up to 4). */
const PHRASE_WEIGHT = 1.6

interface IndexedFact {
  fact: ProgramFact
  tf: Map<string, number>
  length: number
}

/** One fact that holds a term, with the parts of that term's BM25 weight that do not depend on the question. */
interface Posting {
  doc: number
  idf: number
  /** tf·(k1+1) / (tf + k1·(1 − b + b·length/avgLength)) */
  saturation: number
}

/** The retrieval index of one program. */
export interface FactIndex {
  docs: IndexedFact[]
  /** Each term with the facts that hold it, so a question touches only the facts it shares a term with. */
  postings: Map<string, Posting[]>
  /** Each normalised keyword (2+ characters) with the facts that list it. */
  phrases: Map<string, IndexedFact[]>
  idf: Map<string, number>
  avgLength: number
}

/** A fact with its score for one question. */
export interface ScoredFact {
  fact: ProgramFact
  score: number
}

const cache = new WeakMap<Program, FactIndex>()

function addTokens(tf: Map<string, number>, tokens: readonly Token[], fieldWeight: number): number {
  let length = 0
  for (const t of tokens) {
    const w = fieldWeight * KIND_WEIGHT[t.kind]
    tf.set(t.term, (tf.get(t.term) ?? 0) + w)
    length += w
  }
  return length
}

/** The index of a program's facts, built on first use and cached with the program object. */
export function factIndex(program: Program): FactIndex {
  const cached = cache.get(program)
  if (cached) return cached
  const docs: IndexedFact[] = program.facts.map((fact) => {
    const tf = new Map<string, number>()
    let length = 0
    // Keywords are indexed one by one, so a synonym term counts once per keyword that carries it.
    for (const k of fact.keywords) length += addTokens(tf, tokenize(retrievalText(k)), FIELD_WEIGHT.keywords)
    length += addTokens(tf, tokenize(retrievalText(fact.title)), FIELD_WEIGHT.title)
    length += addTokens(tf, tokenize(retrievalText(fact.answer)), FIELD_WEIGHT.answer)
    return { fact, tf, length }
  })
  const df = new Map<string, number>()
  for (const d of docs) for (const term of d.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const n = docs.length
  const idf = new Map<string, number>()
  for (const [term, count] of df) idf.set(term, Math.log(1 + (n - count + 0.5) / (count + 0.5)))
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n)
  const phrases = new Map<string, IndexedFact[]>()
  for (const d of docs) {
    for (const k of d.fact.keywords) {
      const key = normaliseText(k)
      if ([...key].length < 2) continue
      const list = phrases.get(key) ?? []
      if (!list.includes(d)) list.push(d)
      phrases.set(key, list)
    }
  }
  const postings = new Map<string, Posting[]>()
  docs.forEach((d, i) => {
    for (const [term, tf] of d.tf) {
      const list = postings.get(term) ?? []
      const saturation = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / avgLength))
      list.push({ doc: i, idf: idf.get(term) ?? 0, saturation })
      postings.set(term, list)
    }
  })
  const index = { docs, postings, phrases, idf, avgLength }
  cache.set(program, index)
  return index
}

/**
 * Every fact scored against a question (normalised text), best first; facts with no overlap are
 * left out. The score is BM25 over tokens plus a bonus for each of a fact's keywords that the
 * question contains verbatim (rarer and longer keywords weigh more), which catches colloquial
 * phrases (高几, 几号前) that tokenisation alone scatters.
 */
export function searchFacts(index: FactIndex, question: string): ScoredFact[] {
  const text = question.replace(PROGRAM_NAME, '，')
  const matched = new Map<IndexedFact, string[]>()
  for (const [phrase, docs] of index.phrases) {
    if (!text.includes(phrase)) continue
    for (const d of docs) matched.set(d, [...(matched.get(d) ?? []), phrase])
  }
  const bonus = new Map<IndexedFact, number>()
  for (const [d, list] of matched) {
    // A keyword inside a longer matched keyword of the same fact (中学 in 中学老师) adds nothing.
    const kept = list.filter((p) => !list.some((o) => o !== p && o.includes(p)))
    let w = 0
    for (const p of kept) {
      const df = index.phrases.get(p)?.length ?? 1
      w += (PHRASE_WEIGHT * Math.min(4, [...p].length) * Math.log(1 + index.docs.length / df)) / 2
    }
    bonus.set(d, w)
  }
  const q = new Map<string, number>()
  for (const t of tokenize(text)) q.set(t.term, Math.max(q.get(t.term) ?? 0, KIND_WEIGHT[t.kind]))
  // Accumulated term by term in the question's order, as a per-fact loop over the question's terms would.
  const scores = index.docs.map((d) => bonus.get(d) ?? 0)
  for (const [term, qw] of q) {
    for (const p of index.postings.get(term) ?? [])
      scores[p.doc] = (scores[p.doc] as number) + qw * p.idf * p.saturation
  }
  const scored: ScoredFact[] = []
  index.docs.forEach((d, i) => {
    const score = scores[i] as number
    if (score > 0) scored.push({ fact: d.fact, score })
  })
  return scored.sort((a, b) => b.score - a.score || a.fact.id.localeCompare(b.fact.id))
}

/** How much the question's own terms are known to the facts at all: the share of its word tokens the index has seen. */
export function coverage(index: FactIndex, question: string): number {
  const words = tokenize(question.replace(PROGRAM_NAME, '，')).filter((t) => t.kind !== 'bigram')
  if (words.length === 0) return 0
  return words.filter((t) => index.idf.has(t.term)).length / words.length
}

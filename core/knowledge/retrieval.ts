import { memoOfText } from './memo'
import { addAnswerWordBonus, answerDf, contentWords } from './answer-words'
import { normaliseText } from './normalise'
import { type PhraseFinder, phraseFinder } from './phrase-finder'
import type { Program, ProgramFact } from './program'
import { SYNONYM_GROUPS, type SynonymTable, synonymTable } from './synonyms'
import { type Token, teachWords, tokenize } from './tokenize'

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

/** "导师遴选环节": 环节 after a step's name only says it is a step, not that the steps are asked. */
const STEP_ENVELOPE = /(?<=导师遴选|审核|学校推荐|公示|公布|见面会|评价|考核)(这个|这一|这)?(环节|阶段)/g

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
  /** The keys of `phrases`, in their order, to find in a question in one reading. */
  phraseFinder: PhraseFinder
  /** Each phrase's bonus when a question holds it verbatim, in the finder's order (longer and rarer weigh more). */
  phraseWeights: number[]
  /** Each fact's place among the facts ordered by id, for breaking ties between equal scores. */
  idRank: Map<ProgramFact, number>
  idf: Map<string, number>
  avgLength: number
  /** Each fact's answer as retrieval reads it, for the answer-word bonus. */
  answers: string[]
  /** How many answers contain a word (verbatim), filled as questions ask for words. */
  answerDf: Map<string, number>
  /** Facts whose article has sub-articles with facts of their own (六 over 六（一）): the overviews. */
  parents: number[]
  /** The language's synonyms with the program's own (its vocabulary), to read facts and questions alike. */
  synonyms: SynonymTable
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
  const synonyms = synonymTable([...SYNONYM_GROUPS, ...program.vocabulary.synonyms])
  // The program's own words and synonyms stay whole when jieba cuts a text.
  teachWords([...program.vocabulary.words, ...program.vocabulary.synonyms.flat()])
  const docs: IndexedFact[] = program.facts.map((fact) => {
    const tf = new Map<string, number>()
    let length = 0
    // Keywords are indexed one by one, so a synonym term counts once per keyword that carries it.
    for (const k of fact.keywords) length += addTokens(tf, tokenize(retrievalText(k), synonyms), FIELD_WEIGHT.keywords)
    length += addTokens(tf, tokenize(retrievalText(fact.title), synonyms), FIELD_WEIGHT.title)
    length += addTokens(tf, tokenize(retrievalText(fact.answer), synonyms), FIELD_WEIGHT.answer)
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
  const answers = docs.map((d) => retrievalText(d.fact.answer))
  const parents = docs
    .map((d, i) => ({ section: d.fact.section, i }))
    .filter(({ section }) => docs.some((o) => o.fact.section !== section && o.fact.section.startsWith(section)))
    .map(({ i }) => i)
  const phraseList = [...phrases.keys()]
  const byId = docs.map((d) => d.fact).sort((a, b) => a.id.localeCompare(b.id))
  const idRank = new Map<ProgramFact, number>()
  byId.forEach((f, i) => {
    const before = byId[i - 1]
    // Ids the collation holds equal share a rank, so that the sort keeps them in index order as before.
    idRank.set(f, before && before.id.localeCompare(f.id) === 0 ? (idRank.get(before) as number) : i)
  })
  const index = {
    docs,
    postings,
    phrases,
    phraseFinder: phraseFinder(phraseList),
    phraseWeights: phraseList.map(
      (p) =>
        (PHRASE_WEIGHT *
          Math.min(4, [...p].length) *
          Math.log(1 + docs.length / (phrases.get(p) as IndexedFact[]).length)) /
        2,
    ),
    idRank,
    idf,
    avgLength,
    answers,
    answerDf: new Map<string, number>(),
    parents,
    synonyms,
  }
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
  let search = recentSearches.get(index)
  if (!search) {
    search = memoOfText((text) => searchAfresh(index, text))
    recentSearches.set(index, search)
  }
  // A copy: the list is the caller's to filter or reorder; the scored facts are never changed.
  return search(question).slice()
}

/** Each index's recent searches: one message reads the same asks in several combinations. */
const recentSearches = new WeakMap<FactIndex, (question: string) => ScoredFact[]>()

function searchAfresh(index: FactIndex, question: string): ScoredFact[] {
  const text = question.replace(PROGRAM_NAME, '，').replace(STEP_ENVELOPE, '')
  const matched = new Map<IndexedFact, number[]>()
  const phrases = index.phraseFinder.phrases
  for (const i of index.phraseFinder.find(text)) {
    for (const d of index.phrases.get(phrases[i] as string) as IndexedFact[]) {
      const list = matched.get(d)
      if (list) list.push(i)
      else matched.set(d, [i])
    }
  }
  const bonus = new Map<IndexedFact, number>()
  for (const [d, list] of matched) {
    let w = 0
    for (const i of list) {
      const p = phrases[i] as string
      // A keyword inside a longer matched keyword of the same fact (中学 in 中学老师) adds nothing.
      if (list.some((o) => o !== i && (phrases[o] as string).includes(p))) continue
      w += index.phraseWeights[i] as number
    }
    bonus.set(d, w)
  }
  const q = new Map<string, number>()
  for (const t of tokenize(text, index.synonyms)) q.set(t.term, Math.max(q.get(t.term) ?? 0, KIND_WEIGHT[t.kind]))
  // Accumulated term by term in the question's order, as a per-fact loop over the question's terms would.
  const scores = index.docs.map((d) => bonus.get(d) ?? 0)
  for (const [term, qw] of q) {
    for (const p of index.postings.get(term) ?? [])
      scores[p.doc] = (scores[p.doc] as number) + qw * p.idf * p.saturation
  }
  addAnswerWordBonus(index, text, scores)
  if (OVERVIEW.test(text)) for (const i of index.parents) scores[i] = (scores[i] as number) * OVERVIEW_BOOST
  const scored: ScoredFact[] = []
  index.docs.forEach((d, i) => {
    const score = scores[i] as number
    if (score > 0) scored.push({ fact: d.fact, score })
  })
  const rank = index.idRank
  return scored.sort((a, b) => b.score - a.score || (rank.get(a.fact) as number) - (rank.get(b.fact) as number))
}

/** Asks how something works as a whole ("总体上怎么培养", "整个选拔过程"): the article's overview fact is meant. */
const OVERVIEW = /总体|整体|总的来说|总的|大致|大概|大体|概括|整个|全过程|简单说|简单介绍|简要|笼统/
/** How much an overview fact's score is raised for such a question. */
const OVERVIEW_BOOST = 1.35

/** A word held by at most this many answers is specific enough to call a detail. */
const DETAIL_DF = 3

/**
 * Whether `other` says a specific word of the question (held by few answers) that `top` does not
 * say: then `other` holds a detail asked (毕业 in 十（二） beside the tracking of 七) and belongs
 * in the answer too.
 */
export function addsDetail(index: FactIndex, question: string, top: ProgramFact, other: ProgramFact): boolean {
  const text = question.replace(PROGRAM_NAME, '，')
  const a = retrievalText(top.answer)
  const b = retrievalText(other.answer)
  return contentWords(index, text).some((w) => {
    const df = answerDf(index, w)
    return df <= DETAIL_DF && b.includes(w) && !a.includes(w)
  })
}

/** How much the question's own terms are known to the facts at all: the share of its word tokens the index has seen. */
export function coverage(index: FactIndex, question: string): number {
  const words = tokenize(question.replace(PROGRAM_NAME, '，'), index.synonyms).filter((t) => t.kind !== 'bigram')
  if (words.length === 0) return 0
  return words.filter((t) => index.idf.has(t.term)).length / words.length
}

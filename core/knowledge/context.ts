import { type Homophones, homophonesOf } from './homophones'
import { normaliseText } from './normalise'
import { officeContact, type Program, type ProgramFact } from './program'
import { coverage, type FactIndex, factIndex, type ScoredFact, searchFacts } from './retrieval'
import { buildScope, type Scope } from './scope'
import { type OpenTopic, openTopicsOf } from './open-topics'
import { SYNONYM_GROUPS } from './synonyms'
import { type CompiledVocabulary, compileVocabulary } from './vocabulary'
import { NOT_CONTACT } from './wording'

/** What every intent may read about the program, built once per program object. */
export interface Context {
  program: Program
  index: FactIndex
  scope: Scope
  office: Program['contacts'][number]
  factsById: Map<string, ProgramFact>
  /** The program's vocabulary with its patterns compiled. */
  vocab: CompiledVocabulary
  /** The topics the plan leaves open, with the conditions its rules do not set. */
  openTopics: OpenTopic[]
  /** Short forms and misspellings of the vocabulary, each with the word it stands for. */
  spellings: Record<string, string>
  /** Sound-alike slips of the program's own words (导市 → 导师), built with the context. */
  homophones: Homophones
  /** Every word the program's data and the synonym table use, for telling a qualifier the plan never names. */
  vocabulary: string
}

const contexts = new WeakMap<Program, Context>()

/** NOT_CONTACT without its flags, for a plain test of an ask. */
const KEEPING_IN_TOUCH = new RegExp(NOT_CONTACT.source)

/** Every word of the program's data and of the synonyms, as one text to look words up in. */
function wordsOf(program: Program): string {
  const { vocabulary, ...data } = program
  return JSON.stringify(data) + [...SYNONYM_GROUPS, ...vocabulary.synonyms].flat().join(' ')
}

/** The words of any program's name, which retrieval leaves out but a slip may still hit (因才 → 英才); the cities are added per program (柳洲 → 柳州). */
const PROGRAM_WORDS = ['英才', '八桂', '培养', '计划', '英才计划', '截止', '申请表']

/** The context of a program, cached with it. */
export function contextOf(program: Program): Context {
  const cached = contexts.get(program)
  if (cached) return cached
  const vocab = compileVocabulary(program.vocabulary)
  const scope = buildScope(factIndex(program))
  const ctx: Context = {
    program,
    vocab,
    openTopics: openTopicsOf({ vocab }),
    spellings: { ...vocab.abbreviations, ...vocab.misspellings },
    index: factIndex(program),
    scope,
    homophones: homophonesOf([
      ...scope.informative,
      ...Object.values(vocab.misspellings),
      ...PROGRAM_WORDS,
      ...program.cities.map((c) => c.name.replace(/市$/, '')),
    ]),
    office: officeContact(program),
    factsById: new Map(program.facts.map((f) => [f.id, f])),
    vocabulary: wordsOf(program),
  }
  contexts.set(program, ctx)
  return ctx
}

/** One ask as the intents see it: the words, the message around it, and retrieval's view of it. */
export interface Ask {
  /** The ask as written (one clause of a message, or the whole message). */
  question: string
  /** The ask normalised (full-width forms, Chinese numerals, lower case). */
  q: string
  now: Date
  /** The whole message when this is one ask of several: cities and the profile are read from it. */
  context?: string
  /** False when the message asks something else and only mentions applying ("学校说可以报"). */
  eligibility: boolean
  /** The message's asker header ("贵港市某中学咨询："): a salutation, read only for the student's place and grade. */
  asker?: string
  /** The facts by BM25 score, best first (computed on first use). */
  readonly scored: ScoredFact[]
  /** 0..1: how sure retrieval is of its best fact (computed on first use). */
  readonly confidence: number
  /** Why the last intent tried declined, when it says (for `npm run qa:explain`). */
  declined?: string
}

/** Declines an ask with the reason, for `npm run qa:explain`; always undefined. */
export function decline(ask: Ask, reason: string): undefined {
  ask.declined = reason
  return undefined
}

/** Options of one ask: the whole message as context, eligibility on or off. */
export interface AskOptions {
  context?: string
  eligibility?: boolean
  asker?: string
}

/** Confidence of a retrieval answer, from how strong the best score is and how far it leads. */
export function retrievalConfidence(scored: ScoredFact[]): number {
  const top = scored[0]?.score ?? 0
  const second = scored[1]?.score ?? 0
  if (top <= 0) return 0
  const strength = Math.min(1, top / 14)
  const margin = (top - second) / top
  return Math.round(Math.min(1, 0.75 * strength + 0.5 * margin) * 100) / 100
}

/** An ask for the intents; retrieval runs only when an intent reads `scored` or `confidence`. */
export function makeAsk(ctx: Context, question: string, now: Date, opts: AskOptions = {}): Ask {
  const q = normaliseText(question)
  let scored: ScoredFact[] | undefined
  let confidence: number | undefined
  const score = (): ScoredFact[] => {
    if (scored) return scored
    // 联系 of keeping in touch or reaching a mentor does not make the contact list the answer.
    const keepingInTouch = KEEPING_IN_TOUCH.test(q)
    scored = searchFacts(ctx.index, q).filter((s) => !keepingInTouch || s.fact.intent !== 'contact')
    return scored
  }
  return {
    question,
    q,
    now,
    ...(opts.context === undefined ? {} : { context: opts.context }),
    eligibility: opts.eligibility !== false,
    ...(opts.asker === undefined ? {} : { asker: opts.asker }),
    get scored() {
      return score()
    },
    get confidence() {
      confidence ??= Math.round(retrievalConfidence(score()) * (0.4 + 0.6 * coverage(ctx.index, q)) * 100) / 100
      return confidence
    },
  }
}

import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import type { Llm } from '../llm'
import type { Logger } from '../logger'
import { AnswerCache } from './answer-cache'
import { type OfficeAnswerBook, officeAnswersOf } from './office-answers'
import { ReviewRecorder } from './question-reviews'
import { loadPlanArticles, quoteFor } from './plan-articles'
import { builtInProgram } from './program'

/** What a person asking a question gets back (CONTRACT §2). */
export interface QaResponse {
  answer: string
  intent: string
  sources: { section: string; title: string; quote?: string }[]
  eligibility?: { verdict: 'eligible' | 'ineligible' | 'unknown'; priority: boolean }
}

/** What askQuestion needs from the running service. */
export interface QaDeps {
  dataSource: DataSource
  clock: Clock
  logger: Logger
  llm?: Llm
  /** Today's answers; a fresh cache per service (tests pass none and get their own). */
  answers?: AnswerCache
  /** Where low-confidence questions go for the office; one per service (a default one per data source otherwise). */
  reviews?: ReviewRecorder
  /** The office's answers from the review queue (by default the one book of the data source in this process). */
  officeAnswers?: OfficeAnswerBook
}

/** Below this confidence an answer is kept for the office to review. */
export const REVIEW_BELOW = 0.5

const ARTICLE_CACHE_MS = 30_000
/** How long a question waits for the plan text the first time (afterwards it is refreshed in the background). */
const ARTICLE_WAIT_MS = 500
type Articles = Map<string, { title: string; body: string }>
interface CachedArticles {
  at: number
  articles: Articles
  refreshing?: Promise<Articles>
}
const articleCache = new Map<number, CachedArticles>()
const defaultReviews = new WeakMap<DataSource, ReviewRecorder>()

/**
 * The plan's text for quotes. Answering must not need the database: a cached text is served at
 * once and refreshed in the background when old; with none cached, the question waits at most
 * ARTICLE_WAIT_MS and is answered without quotes if the database does not give it by then.
 */
async function articlesOf(deps: QaDeps, cohort: number): Promise<Articles> {
  const now = deps.clock.now().getTime()
  const cached = articleCache.get(cohort)
  if (cached && now - cached.at < ARTICLE_CACHE_MS) return cached.articles
  if (cached?.refreshing) return cached.articles
  const entry: CachedArticles = cached ?? { at: 0, articles: new Map() }
  articleCache.set(cohort, entry)
  const refreshing = loadPlanArticles(deps.dataSource, cohort).then(
    (articles) => {
      entry.at = deps.clock.now().getTime()
      entry.articles = articles
      return articles
    },
    (err: unknown) => {
      deps.logger.warn({ err }, 'plan text not reloaded: the database does not answer')
      return entry.articles
    },
  )
  entry.refreshing = refreshing.finally(() => {
    entry.refreshing = undefined
  })
  if (cached) return cached.articles
  let timer: NodeJS.Timeout | undefined
  const giveUp = new Promise<Articles>((resolve) => {
    timer = setTimeout(() => resolve(entry.articles), ARTICLE_WAIT_MS)
  })
  return Promise.race([refreshing, giveUp]).finally(() => clearTimeout(timer))
}

function reviewsOf(deps: QaDeps): ReviewRecorder {
  if (deps.reviews) return deps.reviews
  let reviews = defaultReviews.get(deps.dataSource)
  if (!reviews) {
    reviews = new ReviewRecorder(deps.dataSource, deps.logger)
    defaultReviews.set(deps.dataSource, reviews)
  }
  return reviews
}

/**
 * The office's own answer to this question (or a close paraphrase), attached from the review queue:
 * it goes before anything the assistant would work out, with the article it cites quoted.
 */
async function officeReply(deps: QaDeps, cohort: number, question: string): Promise<QaResponse | undefined> {
  const book = deps.officeAnswers ?? officeAnswersOf(deps.dataSource, deps.logger)
  await book.ready()
  const found = book.find(cohort, question)
  if (!found) return undefined
  const articles = await articlesOf(deps, cohort)
  const sources = found.sources.map((s) => {
    const quote = articles.size > 0 ? quoteFor(articles, s.section) : undefined
    return quote ? { ...s, quote } : { ...s }
  })
  return { answer: found.answer, intent: 'office_answer', sources }
}

/** Forgets the cached plan text, e.g. after a new text was imported in this process. */
export function forgetPlanArticles(): void {
  articleCache.clear()
}

/**
 * Answers a question about a cohort's program: the deterministic answer first (remembered for
 * the day in `deps.answers`), rephrased by the
 * LLM when one is configured and its answer passes the guard; the plan's own words quoted in the
 * sources when its text is loaded; low-confidence questions recorded for the office.
 * @throws NotFoundError when the cohort has no program.
 */
export async function askQuestion(deps: QaDeps, input: { question: string; cohort?: number }): Promise<QaResponse> {
  const program = builtInProgram(input.cohort)
  if (!program) throw new NotFoundError(`没有 ${input.cohort} 年度的培养计划`)
  const question = input.question.trim()
  const office = await officeReply(deps, program.cohort, question)
  if (office) return office
  const { found, fresh } = (deps.answers ?? new AnswerCache(1)).answer(program, question, deps.clock.now())
  let answer = found.answer
  let sources: QaResponse['sources'] = found.sources.map((s) => ({ section: s.section, title: s.title }))

  if (deps.llm && found.facts.length > 0 && !['out_of_scope', 'eligibility', 'greeting'].includes(found.intent)) {
    const improved = await deps.llm.rephrase({ question, facts: found.facts, fallback: { answer, sources } })
    if (improved.usedLlm) {
      answer = improved.answer
      sources = improved.sources
    } else if (improved.reason) {
      deps.logger.info({ reason: improved.reason }, 'llm answer dropped')
    }
  }

  const articles = await articlesOf(deps, program.cohort)
  if (articles.size > 0) {
    sources = sources.map((s) => {
      const quote = quoteFor(articles, s.section)
      return quote ? { ...s, quote } : s
    })
  }

  // Recorded once per question and day: the office reviews questions, not how often each came in.
  if (fresh && found.confidence < REVIEW_BELOW) {
    reviewsOf(deps).record({
      cohortYear: program.cohort,
      question,
      intent: found.intent,
      confidence: found.confidence,
      answer,
      createdAt: deps.clock.now(),
    })
  }

  const response: QaResponse = { answer, intent: found.intent, sources }
  if (found.eligibility) response.eligibility = found.eligibility
  return response
}

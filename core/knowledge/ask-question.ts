import type { DataSource } from 'typeorm'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import type { Llm } from '../llm'
import type { Logger } from '../logger'
import { maskText } from '../privacy/mask'
import { QuestionReview } from '../../entities/question-review.entity'
import { AnswerCache } from './answer-cache'
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
}

/** Below this confidence an answer is kept for the office to review. */
export const REVIEW_BELOW = 0.5

const ARTICLE_CACHE_MS = 30_000
const articleCache = new Map<number, { at: number; articles: Map<string, { title: string; body: string }> }>()

async function articlesOf(deps: QaDeps, cohort: number) {
  const now = deps.clock.now().getTime()
  const cached = articleCache.get(cohort)
  if (cached && now - cached.at < ARTICLE_CACHE_MS) return cached.articles
  const articles = await loadPlanArticles(deps.dataSource, cohort)
  articleCache.set(cohort, { at: now, articles })
  return articles
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
    await deps.dataSource
      .getRepository(QuestionReview)
      .insert({
        cohortYear: program.cohort,
        question: maskText(question).slice(0, 500),
        intent: found.intent,
        confidence: found.confidence,
        answer: answer.slice(0, 1000),
        createdAt: deps.clock.now(),
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not record a question for review'))
  }

  const response: QaResponse = { answer, intent: found.intent, sources }
  if (found.eligibility) response.eligibility = found.eligibility
  return response
}

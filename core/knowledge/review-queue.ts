import { type DataSource, In, IsNull, Not } from 'typeorm'
import { OfficeAnswer } from '../../entities/office-answer.entity'
import { QuestionReview, type ReviewResolution } from '../../entities/question-review.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { maskText } from '../privacy/mask'
import { officeAnswersOf, questionKey } from './office-answers'
import { builtInProgram } from './program'

/** One queued question as the office reads it, with the answer attached to it, if any. */
export interface ReviewItem {
  id: number
  cohortYear: number | null
  question: string
  intent: string
  confidence: number
  answer: string
  createdAt: Date
  reviewedAt: Date | null
  resolution: ReviewResolution | null
  officeAnswer: { id: number; version: number; factId: string | null; answer: string | null; section: string } | null
}

/**
 * The review queue, newest first: `open` questions (not handled yet), `handled` ones, or `all`.
 * @throws ForbiddenError unless the actor is office staff.
 */
export async function listReviews(
  ds: DataSource,
  actor: Actor,
  filter: { status: 'open' | 'handled' | 'all'; page: number; pageSize: number },
): Promise<{ total: number; page: number; pageSize: number; items: ReviewItem[] }> {
  requireAccess(actor, 'review.manage')
  const where =
    filter.status === 'open'
      ? { reviewedAt: IsNull() }
      : filter.status === 'handled'
        ? { reviewedAt: Not(IsNull()) }
        : {}
  const [rows, total] = await ds.getRepository(QuestionReview).findAndCount({
    where,
    order: { createdAt: 'DESC', id: 'DESC' },
    skip: (filter.page - 1) * filter.pageSize,
    take: filter.pageSize,
  })
  const answers = rows.length
    ? await ds
        .getRepository(OfficeAnswer)
        .find({ where: { reviewId: In(rows.map((r) => r.id)) }, order: { version: 'ASC' } })
    : []
  const answerOf = new Map(answers.map((a) => [a.reviewId as number, a]))
  return {
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    items: rows.map((r) => {
      const a = answerOf.get(r.id)
      return {
        id: r.id,
        cohortYear: r.cohortYear,
        question: r.question,
        intent: r.intent,
        confidence: r.confidence,
        answer: r.answer,
        createdAt: r.createdAt,
        reviewedAt: r.reviewedAt,
        resolution: r.resolution,
        officeAnswer: a
          ? { id: a.id, version: a.version, factId: a.factId, answer: a.answer, section: a.section }
          : null,
      }
    }),
  }
}

async function reviewOf(ds: DataSource, id: number): Promise<QuestionReview> {
  const review = await ds.getRepository(QuestionReview).findOneBy({ id })
  if (!review) throw new NotFoundError('没有这条待审问题')
  return review
}

/**
 * Marks a queued question handled with nothing to add (the assistant's answer was right, or the
 * question needs no answer). Audited.
 * @throws ForbiddenError unless office staff; NotFoundError for an unknown id; ConflictError when already handled.
 */
export async function markReviewHandled(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  id: number,
): Promise<void> {
  requireAccess(actor, 'review.manage')
  const review = await reviewOf(deps.dataSource, id)
  if (review.reviewedAt) throw new ConflictError('这条问题已经处理过了')
  const now = deps.clock.now()
  await deps.dataSource.transaction(async (m) => {
    const done = await m.update(
      QuestionReview,
      { id, reviewedAt: IsNull() },
      { reviewedAt: now, reviewedById: actor.personId ?? null, resolution: 'handled' },
    )
    if (!done.affected) throw new ConflictError('这条问题已经处理过了')
    await audit(m, actor, 'question_review.handle', `question_review:${id}`, {}, now)
  })
}

/** What the office attaches to a question: one of the program's facts, or its own answer citing an article. */
export type AttachInput = { factId: string } | { answer: string; section: string }

/**
 * Attaches the right answer to a queued question: a fact of the program (by its id in
 * core/knowledge/cohorts/<year>.json) or an answer the office writes, citing an article of the
 * plan. It becomes the next version of the office's answer to that question (matched by its
 * normalised form, and close paraphrases), which the assistant says from then on; the question
 * is marked handled. One transaction, audited; the answer book of this process takes it at once.
 * @throws ForbiddenError unless office staff; NotFoundError for an unknown id; ValidationError for
 * an unknown fact or article, or a question of no cohort.
 */
export async function attachOfficeAnswer(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  id: number,
  input: AttachInput,
): Promise<OfficeAnswer> {
  requireAccess(actor, 'review.manage')
  const review = await reviewOf(deps.dataSource, id)
  const program = review.cohortYear === null ? undefined : builtInProgram(review.cohortYear)
  if (!program || review.cohortYear === null) throw new ValidationError('这条问题没有对应年度的培养计划，无法附上答复')
  let factId: string | null = null
  let answer: string | null = null
  let section: string
  if ('factId' in input) {
    const fact = program.facts.find((f) => f.id === input.factId)
    if (!fact) throw new ValidationError(`factId: ${review.cohortYear} 年度的培养计划中没有 ${input.factId} 这条事实`)
    factId = fact.id
    section = fact.section
  } else {
    const known = new Set(program.facts.map((f) => f.section))
    const cited = input.section.trim()
    if (![...known].some((s) => s === cited || s.startsWith(cited))) {
      throw new ValidationError(`section: 实施方案中没有“${cited}”这一条（例如：九（二）1）`)
    }
    answer = input.answer.trim()
    section = cited
  }
  const key = questionKey(review.question)
  if (!key) throw new ValidationError('这条问题没有可匹配的文字')
  const now = deps.clock.now()
  const cohortYear = review.cohortYear
  const saved = await deps.dataSource
    .transaction(async (m) => {
      const latest = await m
        .createQueryBuilder(OfficeAnswer, 'o')
        .select('MAX(o.version)', 'version')
        .where('o.cohortYear = :cohortYear AND o.questionKey = :key', { cohortYear, key })
        .getRawOne<{ version: number | null }>()
      const version = Number(latest?.version ?? 0) + 1
      const row = m.create(OfficeAnswer, {
        cohortYear,
        questionKey: key,
        question: review.question,
        version,
        factId,
        answer,
        section,
        reviewId: review.id,
        authorId: actor.personId ?? null,
        createdAt: now,
      })
      await m.save(row)
      await m.update(
        QuestionReview,
        { id: review.id },
        { reviewedAt: now, reviewedById: actor.personId ?? null, resolution: factId ? 'fact' : 'answer' },
      )
      await audit(
        m,
        actor,
        'question_review.answer',
        `question_review:${review.id}`,
        { version, factId, section, answer: answer === null ? null : maskText(answer).slice(0, 500) },
        now,
      )
      return row
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new ConflictError('这条问题正被同时答复，请刷新后重试')
      throw err
    })
  officeAnswersOf(deps.dataSource).put(saved)
  return saved
}

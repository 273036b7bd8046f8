import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { QuestionReview } from './question-review.entity'

/**
 * The office's answer to one question (and its close paraphrases), attached from the review
 * queue: either one of the program's facts (`factId`) or a text the office wrote (`answer`),
 * citing the plan's article (`section`). Versioned: attaching again to the same question adds a
 * version; the assistant says the newest. Consulted before retrieval (core/knowledge/office-answers.ts).
 */
@Entity('office_answer')
@Index(['cohortYear', 'questionKey', 'version'], { unique: true })
export class OfficeAnswer {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cohortYear: number

  /** The question normalised (core/knowledge/office-answers.ts `questionKey`): what a later question is matched by. */
  @Column('varchar', { length: 191 })
  questionKey: string

  /** The question as it was asked (masked), for the office to read. */
  @Column('text')
  question: string

  /** 1 for the first answer to a question, then 2, 3 … */
  @Column('int')
  version: number

  /** The program fact (its id in core/knowledge/cohorts/<year>.json) that answers it, or null for a written answer. */
  @Column('varchar', { length: 64, nullable: true })
  factId: string | null

  /** The office's own answer, or null when a fact answers. */
  @Column('text', { nullable: true })
  answer: string | null

  /** The article the answer cites (九（二）1). */
  @Column('varchar', { length: 32 })
  section: string

  @Column('int', { nullable: true })
  reviewId: number | null

  @ManyToOne(() => QuestionReview, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reviewId' })
  review?: QuestionReview | null

  @Column('int', { nullable: true })
  authorId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'authorId' })
  author?: Person | null

  @Column('datetime')
  createdAt: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'

/** How the office handled a question: looked at it (nothing to add), attached a fact, or wrote an answer. */
export const REVIEW_RESOLUTIONS = ['handled', 'fact', 'answer'] as const
/** One of REVIEW_RESOLUTIONS. */
export type ReviewResolution = (typeof REVIEW_RESOLUTIONS)[number]

/** A question the assistant answered with low confidence, kept for the office to review and improve the data. No personal data. */
@Entity('question_review')
@Index(['createdAt'])
@Index(['reviewedAt', 'createdAt'])
export class QuestionReview {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** The cohort year the question was answered for; a plain year, not a key, so the review outlives any cohort row. */
  @Column('int', { nullable: true })
  cohortYear: number | null

  @Column('text')
  question: string

  @Column('varchar', { length: 64 })
  intent: string

  /** 0..1; stored as double because MySQL's single-precision float would turn 0.62 into 0.620000004. */
  @Column('double')
  confidence: number

  @Column('text')
  answer: string

  @Column('datetime')
  createdAt: Date

  /** When the office handled it; null while it waits in the queue. */
  @Column('datetime', { nullable: true })
  reviewedAt: Date | null

  @Column('int', { nullable: true })
  reviewedById: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reviewedById' })
  reviewedBy?: Person | null

  @Column('simple-enum', { enum: REVIEW_RESOLUTIONS, nullable: true })
  resolution: ReviewResolution | null
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A question the assistant answered with low confidence, kept for the office to review and improve the data. No personal data. */
@Entity('question_review')
@Index(['createdAt'])
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

  @Column('datetime', { nullable: true })
  reviewedAt: Date | null
}

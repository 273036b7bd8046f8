import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Application } from './application.entity'
import { Person } from './person.entity'

/** The review steps of 九（二）: school (1), city (2（1）), region (2（2）), mentor selection (3), public notice (4). */
export const REVIEW_STEPS = ['school', 'city', 'regional', 'mentor_selection', 'public_notice'] as const
/** One of REVIEW_STEPS. */
export type ReviewStep = (typeof REVIEW_STEPS)[number]

/** What a reviewer decided at a step. */
export const REVIEW_DECISIONS = ['approve', 'reject'] as const
/** One of REVIEW_DECISIONS. */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** One decision on an application, kept as history: who decided what at which step, and when. */
@Entity('application_review')
@Index(['applicationId', 'step'])
export class ApplicationReview {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  applicationId: number

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application?: Application

  @Column('simple-enum', { enum: REVIEW_STEPS })
  step: ReviewStep

  @Column('simple-enum', { enum: REVIEW_DECISIONS })
  decision: ReviewDecision

  /** SET NULL: the decision stays on record when the reviewer's person is removed. */
  @Column('int', { nullable: true })
  reviewerId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'reviewerId' })
  reviewer?: Person | null

  @Column('text', { nullable: true })
  comment: string | null

  @Column('datetime')
  at: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { Student } from './student.entity'

/** The evaluations of a cycle: mid-term (六（一）) and annual (六（二）). */
export const EVALUATION_KINDS = ['midterm', 'annual'] as const
/** One of EVALUATION_KINDS. */
export type EvaluationKind = (typeof EVALUATION_KINDS)[number]

/** Outcomes. A failed mid-term means leaving the program (六（一）), recorded in `exit`. */
export const EVALUATION_RESULTS = ['excellent', 'pass', 'fail'] as const
/** One of EVALUATION_RESULTS. */
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number]

/** One evaluation of one student; at most one of each kind. */
@Entity('evaluation')
@Index(['studentId', 'kind'], { unique: true })
export class Evaluation {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  @Column('simple-enum', { enum: EVALUATION_KINDS })
  kind: EvaluationKind

  @Column('simple-enum', { enum: EVALUATION_RESULTS })
  result: EvaluationResult

  /** True when the result ends the student's participation. */
  @Column('boolean')
  exit: boolean

  @Column('text', { nullable: true })
  comment: string | null

  /** The materials of the program's checklist (六) the office received, in the checklist's words. */
  @Column('simple-json', { nullable: true })
  materials: string[] | null

  @Column('int', { nullable: true })
  evaluatorId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'evaluatorId' })
  evaluator?: Person | null

  @Column('datetime')
  evaluatedAt: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Cohort } from './cohort.entity'
import { Student } from './student.entity'

/** Kinds of activity. `campus_visit` is what 五（三）1 counts (at least requiredVisits per cycle). */
export const ACTIVITY_KINDS = ['campus_visit', 'meet_and_greet', 'lecture', 'lab_work', 'other'] as const
/** One of ACTIVITY_KINDS. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** Something a student took part in, on a Beijing calendar day. */
@Entity('activity')
@Index(['studentId', 'kind'])
@Index(['studentId', 'happenedOn'])
@Index(['cohortId', 'happenedOn'])
export class Activity {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  /** The cohort the activity counts for; kept here so a cohort's counts need no join through student. */
  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  @Column('simple-enum', { enum: ACTIVITY_KINDS })
  kind: ActivityKind

  /** Beijing calendar day, YYYY-MM-DD: a day, not an instant, so no time zone can shift it. */
  @Column('varchar', { length: 10 })
  happenedOn: string

  @Column('varchar', { length: 200 })
  place: string

  @Column('varchar', { length: 200, nullable: true })
  title: string | null

  @Column('datetime')
  createdAt: Date
}

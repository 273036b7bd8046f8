import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Cohort } from './cohort.entity'

/** A dated step of a cohort's plan (CONTRACT §4), loaded from the cohort's program data. */
@Entity('milestone')
@Index(['cohortId', 'key'], { unique: true })
@Index(['cohortId', 'due'])
export class Milestone {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  @Column('varchar', { length: 64 })
  key: string

  @Column('varchar', { length: 255 })
  title: string

  /** Beijing calendar day, YYYY-MM-DD; for a month-only step, the month's last day. */
  @Column('varchar', { length: 10 })
  due: string

  /** YYYY-MM when the plan names only the month. */
  @Column('varchar', { length: 7, nullable: true })
  month: string | null

  @Column('text', { nullable: true })
  note: string | null

  /** The plan's article, e.g. 九（二）1. */
  @Column('varchar', { length: 32 })
  section: string

  /** Who the step concerns (student, parent, school, …). */
  @Column('simple-array')
  audience: string[]

  /** Order within the program file: the tie-break between steps due the same day. */
  @Column('int')
  position: number
}

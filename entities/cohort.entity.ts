import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * One yearly cohort (期) of the program, named by the year its plan was issued (2023).
 * Its facts live in the cohort's own rows (milestones, contacts, city quotas), so a later
 * year is new rows, not new code.
 */
@Entity('cohort')
@Index(['year'], { unique: true })
export class Cohort {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  year: number

  @Column('varchar', { length: 100 })
  name: string

  /** First month of the training cycle, YYYY-MM (五（一）). */
  @Column('varchar', { length: 7 })
  trainingStart: string

  /** Last month of the training cycle, YYYY-MM (五（一）). */
  @Column('varchar', { length: 7 })
  trainingEnd: string

  /** Campus activities a student must take part in per cycle (五（三）1). */
  @Column('int')
  requiredVisits: number
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Cohort } from './cohort.entity'

/** One article of a cohort's official plan text, loaded by the office so answers can quote the article they rest on. */
@Entity('plan_article')
@Index(['cohortId', 'section'], { unique: true })
export class PlanArticle {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  /** The article number as the plan writes it, e.g. 九（二）1. */
  @Column('varchar', { length: 32 })
  section: string

  @Column('varchar', { length: 200 })
  title: string

  @Column('text')
  body: string

  /** Order of the article in the plan. */
  @Column('int')
  position: number
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'

/** A contact the plan names (十一): the office, and each city's organisation. */
@Entity('contact')
@Index(['cohortId', 'key'], { unique: true })
export class Contact {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  /** `office` for the management office, else a short name (nanning). */
  @Column('varchar', { length: 64 })
  key: string

  @Column('int', { nullable: true })
  cityId: number | null

  @ManyToOne(() => City, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: City | null

  @Column('varchar', { length: 200 })
  organisation: string

  @Column('varchar', { length: 64 })
  person: string

  @Column('varchar', { length: 32 })
  phone: string

  @Column('varchar', { length: 32 })
  section: string
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { Person } from './person.entity'
import { School } from './school.entity'

/**
 * The stages of selection (九（二）), in order: filed at school, recommended by the school
 * (九（二）1), passed the city review (九（二）2（1）), made a candidate by the office
 * (九（二）2（2）), chosen in the mentor selection (九（二）3), announced after the public
 * notice (九（二）4); or rejected / withdrawn at any stage.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'school_recommended',
  'city_approved',
  'candidate',
  'selected',
  'announced',
  'rejected',
  'withdrawn',
] as const
/** One of APPLICATION_STATUSES. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** A student's application (《申请表》) to one cohort; one per person and cohort. */
@Entity('application')
@Index(['personId', 'cohortId'], { unique: true })
@Index(['cohortId', 'cityId', 'status'])
export class Application {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** The applicant; becomes the Student's person when selected. */
  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  @Column('int')
  cityId: number

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: City

  @Column('int', { nullable: true })
  schoolId: number | null

  @ManyToOne(() => School, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'schoolId' })
  school?: School | null

  @Column('varchar', { length: 8 })
  grade: string

  @Column('simple-enum', { enum: APPLICATION_STATUSES })
  status: ApplicationStatus

  @Column('datetime')
  submittedAt: Date

  @Column('datetime')
  updatedAt: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { Mentor } from './mentor.entity'
import { Person } from './person.entity'
import { School } from './school.entity'
import { Subject } from './subject.entity'

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

  /** The subject the applicant prefers (三（三）); SET NULL keeps the application if a subject row goes. */
  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null

  /**
   * The rest of the 《申请表》 as entered (ranks, awards, patents, clubs, statement …), JSON
   * checked by core/selection/application-form.ts; nothing in it is queried row by row.
   */
  @Column('simple-json')
  form: Record<string, unknown>

  /** Whether a priority condition of 四（二）2（3） holds, as the rules found at filing. */
  @Column('boolean')
  priority: boolean

  /** Who entered it (the school's guiding teacher or the office). */
  @Column('int', { nullable: true })
  filedById: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'filedById' })
  filedBy?: Person | null

  /** The mentor who chose the applicant in the mentor selection (九（二）3). */
  @Column('int', { nullable: true })
  mentorId: number | null

  @ManyToOne(() => Mentor, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Mentor | null

  /** First day of the public notice (九（二）4), Beijing YYYY-MM-DD; null until it is put up. */
  @Column('varchar', { length: 10, nullable: true })
  noticeStartsOn: string | null

  /** Last day of the 5-working-day notice on China's calendar; publication comes after it. */
  @Column('varchar', { length: 10, nullable: true })
  noticeEndsOn: string | null

  @Column('datetime')
  submittedAt: Date

  @Column('datetime')
  updatedAt: Date
}

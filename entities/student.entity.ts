import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { Mentor } from './mentor.entity'
import { Person } from './person.entity'
import { School } from './school.entity'
import { Subject } from './subject.entity'

/** Where a student stands in the program: in training, left after an evaluation (六（一）), or alumnus (英才库). */
export const STUDENT_STATUSES = ['active', 'exited', 'alumnus'] as const
/** One of STUDENT_STATUSES. */
export type StudentStatus = (typeof STUDENT_STATUSES)[number]

/**
 * A selected student (入选学生) of one cohort. `cityId` is the program city whose quota they
 * took; it duplicates the school's city on purpose so per-city work (city staff, quotas) is
 * one indexed query.
 */
@Entity('student')
@Index(['personId'], { unique: true })
@Index(['cohortId', 'status'])
@Index(['cohortId', 'cityId'])
@Index(['schoolId'])
@Index(['mentorId'])
@Index(['teacherId'])
export class Student {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  @Column('int')
  cohortId: number

  /** RESTRICT: a cohort with students is history, never deleted with them. */
  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  @Column('int')
  cityId: number

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: City

  @Column('int')
  schoolId: number

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schoolId' })
  school?: School

  /** 高一 or 高二 at selection (四（二）1). */
  @Column('varchar', { length: 8 })
  grade: string

  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null

  /** The university mentor; SET NULL so a mentor leaving does not take the student's record along. */
  @Column('int', { nullable: true })
  mentorId: number | null

  @ManyToOne(() => Mentor, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Mentor | null

  /** The school's guiding teacher (中学指导教师), a person. */
  @Column('int', { nullable: true })
  teacherId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'teacherId' })
  teacher?: Person | null

  @Column('simple-enum', { enum: STUDENT_STATUSES })
  status: StudentStatus

  /** When and why training ended early (六: a failed evaluation, or unfit to continue). */
  @Column('datetime', { nullable: true })
  exitedAt: Date | null

  @Column('text', { nullable: true })
  exitReason: string | null

  /** When the student joined the 英才库 of former students (七), after completing the cycle. */
  @Column('datetime', { nullable: true })
  alumnusSince: Date | null
}

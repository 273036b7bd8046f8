import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { Person } from './person.entity'
import { Subject } from './subject.entity'

/** A broadcast's life: written, then confirmed and handed to the outbox. */
export const ANNOUNCEMENT_STATUSES = ['draft', 'sent'] as const
/** One of ANNOUNCEMENT_STATUSES. */
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number]

/** A staff announcement to a cohort's groups and people; its delivery lives in OutboxMessage rows. */
@Entity('announcement')
@Index(['cohortId', 'createdAt'])
@Index(['status', 'createdAt'])
export class Announcement {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int', { nullable: true })
  cohortId: number | null

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort | null

  @Column('int', { nullable: true })
  authorId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'authorId' })
  author?: Person | null

  @Column('varchar', { length: 200 })
  title: string

  @Column('text')
  body: string

  /** Roles it is meant for (student, parent, …); empty means everyone. */
  @Column('simple-array')
  audience: string[]

  /** The city it is meant for (南宁 家长); null: every city. */
  @Column('int', { nullable: true })
  cityId: number | null

  @ManyToOne(() => City, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: City | null

  /** The subject it is meant for; null: every subject. */
  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null

  @Column('simple-enum', { enum: ANNOUNCEMENT_STATUSES })
  status: AnnouncementStatus

  @Column('datetime')
  createdAt: Date

  @Column('datetime', { nullable: true })
  sentAt: Date | null
}

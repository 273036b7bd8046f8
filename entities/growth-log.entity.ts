import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Activity } from './activity.entity'
import { Student } from './student.entity'

/** Where a growth log came from. `admin` is the office entering it for a student. */
export const LOG_SOURCES = ['wechat', 'wecom', 'miniprogram', 'terminal', 'admin'] as const
/** One of LOG_SOURCES. */
export type LogSource = (typeof LOG_SOURCES)[number]

/**
 * A growth log (成长日志), one of the annual evaluation's materials (六（二）).
 * `clientKey` is the idempotency key of the submission (a channel message id or a client
 * token), unique so a retried submission saves once.
 */
@Entity('growth_log')
@Index(['studentId', 'happenedOn'])
@Index(['clientKey'], { unique: true })
// Progress and the nudges join logs to their activity: without this, every activity scans every log on SQLite.
@Index(['activityId'])
export class GrowthLog {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  /** The activity the log is about, when there is one; SET NULL keeps the log if the activity is removed. */
  @Column('int', { nullable: true })
  activityId: number | null

  @ManyToOne(() => Activity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'activityId' })
  activity?: Activity | null

  /** Beijing calendar day of the activity, YYYY-MM-DD. */
  @Column('varchar', { length: 10 })
  happenedOn: string

  @Column('varchar', { length: 200 })
  place: string

  @Column('text')
  content: string

  @Column('text')
  takeaway: string

  @Column('simple-enum', { enum: LOG_SOURCES })
  source: LogSource

  @Column('varchar', { length: 191, nullable: true })
  clientKey: string | null

  @Column('datetime')
  createdAt: Date

  /** When its author last changed it (within the week they may, `core/logs/edit-growth-log.ts`); null if never. */
  @Column('datetime', { nullable: true })
  editedAt: Date | null
}

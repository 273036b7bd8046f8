import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'

/** Every staff action (and other changes worth tracing), who did it and when. */
@Entity('audit_log')
@Index(['at'])
@Index(['actorId', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** SET NULL: the trail outlives the actor's person row; null also for system actions. */
  @Column('int', { nullable: true })
  actorId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actorId' })
  actor?: Person | null

  /** A short machine name: announcement.send, student.import, … */
  @Column('varchar', { length: 64 })
  action: string

  /** What it acted on, e.g. student:12. */
  @Column('varchar', { length: 191, nullable: true })
  target: string | null

  /** JSON text with the particulars; personal data in it is masked. */
  @Column('text', { nullable: true })
  detail: string | null

  @Column('datetime')
  at: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'

/** A hand-off's life: waiting for the office (open), answered and relayed (answered). */
export const TICKET_STATUSES = ['open', 'answered'] as const
/** One of TICKET_STATUSES. */
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/**
 * A question handed to a person of the management office (`转人工`). Its id is the number the
 * asker and the office speak of (编号). The asker is kept as the channel address the answer is
 * relayed to, so a person who is bound to nobody can be answered too.
 */
@Entity('handoff_ticket')
@Index(['status', 'createdAt'])
export class HandoffTicket {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** The asker's person, when they are bound; SET NULL keeps the ticket if the person goes. */
  @Column('int', { nullable: true })
  askerId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'askerId' })
  asker?: Person | null

  /** Where the asker wrote from, and so where the answer goes: channel, sender id, and the group if any. */
  @Column('varchar', { length: 32 })
  channel: string

  @Column('varchar', { length: 191 })
  senderId: string

  @Column('varchar', { length: 191, nullable: true })
  chatId: string | null

  @Column('text')
  question: string

  @Column('varchar', { length: 16 })
  status: TicketStatus

  @Column('text', { nullable: true })
  answer: string | null

  @Column('int', { nullable: true })
  answeredById: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'answeredById' })
  answeredBy?: Person | null

  @Column('datetime')
  createdAt: Date

  @Column('datetime', { nullable: true })
  answeredAt: Date | null
}

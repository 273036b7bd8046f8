import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { OutboxMessage } from './outbox-message.entity'

/**
 * How an attempt ended: delivered (sent), to be tried again later (retry), the access token
 * refreshed (token), the platform's frequency limit met (throttle), given up (permanent), or
 * nobody to send it to yet (wait: no mini-program consent left).
 */
export const ATTEMPT_OUTCOMES = ['sent', 'retry', 'token', 'throttle', 'permanent', 'wait'] as const
/** One of ATTEMPT_OUTCOMES. */
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

/** One call of a sender for an outbox message (one part of a split text), for the office to see what happened. */
@Entity('outbox_attempt')
@Index(['messageId', 'at'])
export class OutboxAttempt {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  messageId: number

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'messageId' })
  message?: OutboxMessage

  @Column('datetime')
  at: Date

  /** Which part of a split text (0 for the first or only one). */
  @Column('int')
  part: number

  @Column('simple-enum', { enum: ATTEMPT_OUTCOMES })
  outcome: AttemptOutcome

  /** The platform's answer or the failure, one line; null when sent. */
  @Column('varchar', { length: 500, nullable: true })
  error: string | null

  /** The dispatcher instance that made the attempt. */
  @Column('varchar', { length: 64 })
  instance: string
}

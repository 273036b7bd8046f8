import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { OutboxText } from './outbox-text.entity'

/**
 * A delivery's life: waiting (pending), claimed by a dispatcher (sending), delivered (sent),
 * or given up after too many attempts (dead).
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const
/** One of OUTBOX_STATUSES. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * One message to deliver. Jobs write rows; a dispatcher claims them (lockedBy/lockedAt) and
 * sends. `idempotencyKey` is unique, so a job that runs twice writes the message once.
 * `channel` is plain text, not an enum, so delivery can add a sender without a migration.
 */
@Entity('outbox_message')
@Index(['idempotencyKey'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** Which sender delivers it (e.g. wechat, wechat_room, wecom, wecom_webhook, miniprogram). */
  @Column('varchar', { length: 32 })
  channel: string

  /** The channel's address: contact id, room id, WeCom userid, webhook key, openid. */
  @Column('varchar', { length: 191 })
  recipient: string

  /**
   * JSON text of the message body as the sender expects it. A row written by a job keeps its
   * text in outbox_text (`textId`) and here only the rest (`{"job": …}`); read the whole body
   * with outboxPayload() (core/delivery/outbox-payload.ts).
   */
  @Column('text')
  payload: string

  /** The shared text of a job's message (see OutboxText); null when the payload holds its own text. */
  @Column('int', { nullable: true })
  textId: number | null

  /** Loaded with every row (eager), so each reader of the row has its text. */
  @ManyToOne(() => OutboxText, { eager: true, nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'textId' })
  text?: OutboxText | null

  @Column('simple-enum', { enum: OUTBOX_STATUSES })
  status: OutboxStatus

  @Column('int')
  attempts: number

  /**
   * How many parts of a text split to the channel's limit are already delivered, so a retry or
   * a takeover after a crash goes on from the next part instead of repeating the first ones.
   */
  @Column('int', { default: 0 })
  partsSent: number

  @Column('datetime')
  nextAttemptAt: Date

  @Column('varchar', { length: 191 })
  idempotencyKey: string

  /** Which dispatcher instance holds the row; with lockedAt, lets a crashed instance's claim expire. */
  @Column('varchar', { length: 64, nullable: true })
  lockedBy: string | null

  @Column('datetime', { nullable: true })
  lockedAt: Date | null

  @Column('text', { nullable: true })
  lastError: string | null

  @Column('datetime')
  createdAt: Date

  @Column('datetime', { nullable: true })
  sentAt: Date | null
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** An incoming message already handled; the unique (channel, messageId) makes a redelivered message (WeCom retries the same MsgId) a no-op. */
@Entity('processed_message')
@Index(['channel', 'messageId'], { unique: true })
@Index(['processedAt'])
export class ProcessedMessage {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 32 })
  channel: string

  @Column('varchar', { length: 191 })
  messageId: string

  @Column('datetime')
  processedAt: Date
}

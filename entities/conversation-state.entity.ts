import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * Where a conversation stands (a half-finished growth log, an eligibility check), one row
 * per chat, kept in the database so a restart or a second instance continues the dialogue.
 */
@Entity('conversation_state')
@Index(['channel', 'chatKey'], { unique: true })
export class ConversationState {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 32 })
  channel: string

  /** The chat's id on the channel (contact, room+contact, terminal handle). */
  @Column('varchar', { length: 191 })
  chatKey: string

  /** The running flow, or null when idle. */
  @Column('varchar', { length: 64, nullable: true })
  flow: string | null

  @Column('varchar', { length: 64, nullable: true })
  step: string | null

  /** JSON text of what the flow has collected so far. */
  @Column('text')
  data: string

  @Column('datetime')
  updatedAt: Date
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A message text the jobs send, stored once however many outbox rows carry it: a reminder goes
 * to a whole cohort with a few dozen distinct texts, and a million copies of them would outgrow
 * the database's memory (MariaDB's buffer pool) and slow every write. `hash` (SHA-256 of the
 * text, hex) is unique, so the jobs find or add a text by it in SQL.
 */
@Entity('outbox_text')
@Index(['hash'], { unique: true })
export class OutboxText {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** SHA-256 of `text` (UTF-8), 64 hex digits: what the jobs look a text up by. */
  @Column('varchar', { length: 64 })
  hash: string

  @Column('text')
  text: string
}

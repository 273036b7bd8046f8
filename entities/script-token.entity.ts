import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'

/**
 * A long-lived API token a script uses on a staff member's behalf (`npm run token`). Only the
 * SHA-256 of the token is kept: the token itself is shown once, when it is created.
 */
@Entity('script_token')
@Index(['tokenHash'], { unique: true })
@Index(['personId'])
export class ScriptToken {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** Whose rights the script acts with. */
  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  /** What the token is for, e.g. "nightly roster export". */
  @Column('varchar', { length: 64 })
  label: string

  /** Hex SHA-256 of the token. */
  @Column('varchar', { length: 64 })
  tokenHash: string

  @Column('datetime')
  createdAt: Date

  @Column('datetime', { nullable: true })
  expiresAt: Date | null

  /** Set when revoked; a revoked token never works again. */
  @Column('datetime', { nullable: true })
  revokedAt: Date | null
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { ROLES, type Role } from './person-role.entity'

/** A one-time code the office hands out so a person can bind a channel account to their record. */
@Entity('invite_code')
@Index(['code'], { unique: true })
export class InviteCode {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 32 })
  code: string

  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  /** The role the binding is for, so the invite tells the person what they are joining as. */
  @Column('simple-enum', { enum: ROLES })
  role: Role

  @Column('datetime')
  createdAt: Date

  @Column('datetime')
  expiresAt: Date

  /** Set once, when the code is redeemed; a used code never works again. */
  @Column('datetime', { nullable: true })
  usedAt: Date | null
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'

/**
 * The channels through which a person can be recognised. `terminal` is the `npm run chat` handle;
 * `wechat-kf` a WeChat user's external_userid through 微信客服.
 */
export const IDENTITY_CHANNELS = ['wechat', 'wecom', 'miniprogram', 'terminal', 'wechat-kf'] as const
/** One of IDENTITY_CHANNELS. */
export type IdentityChannel = (typeof IDENTITY_CHANNELS)[number]

/**
 * Who is behind an id on a channel (a WeChat contact, a WeCom userid, a mini-program openid).
 * Unique per (channel, externalId): one account belongs to one person.
 */
@Entity('identity_binding')
@Index(['channel', 'externalId'], { unique: true })
@Index(['personId'])
export class IdentityBinding {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  @Column('simple-enum', { enum: IDENTITY_CHANNELS })
  channel: IdentityChannel

  @Column('varchar', { length: 191 })
  externalId: string

  @Column('datetime')
  boundAt: Date
}

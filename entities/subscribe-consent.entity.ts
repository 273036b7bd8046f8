import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * How many mini-program subscribe messages a person may still receive for a template: each
 * acceptance in `wx.requestSubscribeMessage` allows one send, and no API tells, so they are
 * counted here (added on acceptance, taken on each send).
 */
@Entity('subscribe_consent')
@Index(['openid', 'templateId'], { unique: true })
export class SubscribeConsent {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 128 })
  openid: string

  @Column('varchar', { length: 128 })
  templateId: string

  @Column('int')
  remaining: number

  @Column('datetime')
  updatedAt: Date
}

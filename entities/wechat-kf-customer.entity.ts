import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A WeChat user talking to a 微信客服 account, with what `kf/send_msg` still allows: at most 5
 * messages in the 48 hours after the user's last message (PLATFORM.md). `sentSince` counts the
 * messages sent since `lastMessageAt`; a new message from the user resets it.
 */
@Entity('wechat_kf_customer')
@Index(['openKfId', 'externalUserId'], { unique: true })
@Index(['externalUserId'])
export class WechatKfCustomer {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 64 })
  openKfId: string

  /** The user's external_userid, also the recipient of their outbox rows (channel wechat-kf). */
  @Column('varchar', { length: 191 })
  externalUserId: string

  /** When the user last wrote (the platform's send_time). */
  @Column('datetime')
  lastMessageAt: Date

  @Column('int', { default: 0 })
  sentSince: number
}

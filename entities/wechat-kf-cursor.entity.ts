import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * Where the service is in one 微信客服 account's message stream (`kf/sync_msg`): the cursor of
 * the last batch handled, so a restart or another instance goes on from there. `requests`
 * counts the `kf_msg_or_event` callbacks received; a puller that finds it grown since it began
 * pulls again, so an event that arrives while another instance holds the pull is not lost.
 */
@Entity('wechat_kf_cursor')
export class WechatKfCursor {
  /** The 客服 account (open_kfid). */
  @PrimaryColumn('varchar', { length: 64 })
  openKfId: string

  /** next_cursor of the last batch handled; null before the first. */
  @Column('varchar', { length: 255, nullable: true })
  cursor: string | null

  /** The Token of the latest callback event (valid 10 minutes), sent with sync_msg. */
  @Column('varchar', { length: 255, nullable: true })
  eventToken: string | null

  /** How many callback events asked for a pull. */
  @Column('int', { default: 0 })
  requests: number

  @Column('datetime')
  updatedAt: Date
}

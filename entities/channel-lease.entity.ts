import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * Who holds a resource only one instance of the service may hold at a time (the WeCom
 * intelligent bot's single long connection). A holder renews `expiresAt`; when it dies and
 * stops renewing, another instance takes the lease over once it has expired.
 */
@Entity('channel_lease')
export class ChannelLease {
  /** What is leased, e.g. wecom-bot:<botId>. */
  @PrimaryColumn('varchar', { length: 191 })
  name: string

  /** The holding instance's id (host, pid and a random part). */
  @Column('varchar', { length: 100 })
  holder: string

  @Column('datetime')
  expiresAt: Date
}

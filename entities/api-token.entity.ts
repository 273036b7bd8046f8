import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * An access token of a platform API (WeCom app, mini-program), cached until it expires and
 * shared by every instance of the service: the platforms block callers that fetch tokens too
 * often, and a fresh token may invalidate the old one.
 */
@Entity('api_token')
export class ApiToken {
  /** Whose token, e.g. wecom:<corpid>:<agentid> or wx:<appid>. */
  @PrimaryColumn('varchar', { length: 191 })
  name: string

  @Column('varchar', { length: 512 })
  token: string

  @Column('datetime')
  expiresAt: Date
}

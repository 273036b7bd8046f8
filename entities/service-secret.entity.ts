import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * A secret the service makes for itself on its first start and every instance then shares,
 * such as the key that signs session tokens when SESSION_SECRET is not configured.
 */
@Entity('service_secret')
export class ServiceSecret {
  /** What the secret is for, e.g. session-hs256. */
  @PrimaryColumn('varchar', { length: 64 })
  name: string

  /** The secret, base64url. */
  @Column('varchar', { length: 255 })
  value: string

  @Column('datetime')
  createdAt: Date
}

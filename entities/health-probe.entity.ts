import { Column, Entity, PrimaryColumn } from 'typeorm'

/** One row per running instance that /healthz writes and reads back, so "healthy" means the database really takes writes. */
@Entity('health_probe')
export class HealthProbe {
  /** The instance (host and process) that wrote the row. */
  @PrimaryColumn('varchar', { length: 191 })
  instance: string

  /** A fresh random token on every probe: reading it back proves the write landed. */
  @Column('varchar', { length: 64 })
  token: string

  @Column('datetime')
  checkedAt: Date
}

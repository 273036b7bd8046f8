import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * How many requests a client made in one fixed window, shared by every instance of the service
 * (server/middlewares/rate-limit.ts). Rows of past windows are swept as they expire.
 */
@Entity('rate_limit_window')
@Index(['windowStart'])
export class RateLimitWindow {
  /** What is counted: the limited routes' scope and the client's address, e.g. `qa|203.0.113.5`. */
  @PrimaryColumn('varchar', { length: 191 })
  bucket: string

  /** The window's start in whole seconds since the epoch. */
  @PrimaryColumn('int')
  windowStart: number

  @Column('int')
  hits: number
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A prefecture-level city (地级市). Every Guangxi city is stored, not only those of a cohort, so a school anywhere can be placed. */
@Entity('city')
@Index(['name'], { unique: true })
export class City {
  @PrimaryGeneratedColumn('increment')
  id: number

  /** Official name with its suffix: 南宁市. */
  @Column('varchar', { length: 32 })
  name: string

  /** The name people say: 南宁. */
  @Column('varchar', { length: 16 })
  short: string

  /** Other names in common speech (邕城). */
  @Column('simple-json')
  aliases: string[]

  @Column('boolean')
  inGuangxi: boolean
}

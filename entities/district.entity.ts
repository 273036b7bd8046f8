import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'

/** A county-level division (区/县/县级市) of a city, with the names it went by before and the short forms people use. */
@Entity('district')
@Index(['cityId', 'name'], { unique: true })
export class District {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cityId: number

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cityId' })
  city?: City

  @Column('varchar', { length: 64 })
  name: string

  /** Earlier official names still heard (武鸣县 for 武鸣区). */
  @Column('simple-json')
  formerNames: string[]

  /** Short forms (融水 for 融水苗族自治县). */
  @Column('simple-json')
  aliases: string[]
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { District } from './district.entity'

/** A high school that recommends students (九（二）1) and whose guiding teachers follow them. */
@Entity('school')
@Index(['cityId', 'name'], { unique: true })
export class School {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 100 })
  name: string

  @Column('int')
  cityId: number

  /** RESTRICT: a city with schools is never removed by accident. */
  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: City

  @Column('int', { nullable: true })
  districtId: number | null

  @ManyToOne(() => District, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'districtId' })
  district?: District | null
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'

/** A university that provides mentors (参与高校, 三（二）). */
@Entity('university')
@Index(['name'], { unique: true })
export class University {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 64 })
  name: string

  @Column('simple-json')
  aliases: string[]

  @Column('int', { nullable: true })
  cityId: number | null

  @ManyToOne(() => City, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: City | null
}

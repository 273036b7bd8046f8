import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A subject students are trained in (培养学科, 三（三）). */
@Entity('subject')
@Index(['name'], { unique: true })
export class Subject {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 32 })
  name: string
}

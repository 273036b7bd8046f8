import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'

/** A city that runs a cohort (实施城市), with its number of places (名额, 四（二）1). */
@Entity('cohort_city')
@Index(['cohortId', 'cityId'], { unique: true })
export class CohortCity {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  cohortId: number

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort

  @Column('int')
  cityId: number

  /** RESTRICT: a city still named by a cohort must not disappear under it. */
  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: City

  @Column('int')
  quota: number
}

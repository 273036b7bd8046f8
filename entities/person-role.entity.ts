import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Person } from './person.entity'
import { School } from './school.entity'

/** The roles a person can hold. `office` is the management office (管理办公室). */
export const ROLES = ['student', 'parent', 'teacher', 'mentor', 'city_staff', 'office'] as const
/** One of ROLES. */
export type Role = (typeof ROLES)[number]

/**
 * A role a person holds. A table rather than a simple-array on Person because roles carry a
 * scope (city staff act for one city, a guiding teacher for one school) that the policies
 * check, and because "every mentor" / "the staff of 柳州" must be one indexed query, not a
 * LIKE over a comma list.
 */
@Entity('person_role')
@Index(['personId', 'role'], { unique: true })
@Index(['role'])
export class PersonRole {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  personId: number

  @ManyToOne(
    () => Person,
    (person) => person.roles,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'personId' })
  person?: Person

  @Column('simple-enum', { enum: ROLES })
  role: Role

  /** For city_staff: the city they act for. */
  @Column('int', { nullable: true })
  cityId: number | null

  @ManyToOne(() => City, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: City | null

  /** For teacher: the school they teach at. */
  @Column('int', { nullable: true })
  schoolId: number | null

  @ManyToOne(() => School, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'schoolId' })
  school?: School | null
}

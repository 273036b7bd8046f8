import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm'
import { PersonRole } from './person-role.entity'

/**
 * Anyone the assistant knows: student, parent, teacher, mentor, city staff, office staff.
 * What a person may do comes from their PersonRole rows; how they reach us from IdentityBinding.
 */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('varchar', { length: 64 })
  displayName: string

  /** Personal data of possibly a minor: never logged unmasked. */
  @Column('varchar', { length: 32, nullable: true })
  phone: string | null

  @Column('datetime')
  createdAt: Date

  @OneToMany(
    () => PersonRole,
    (role) => role.person,
  )
  roles?: PersonRole[]
}

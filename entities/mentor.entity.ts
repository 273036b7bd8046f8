import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { Subject } from './subject.entity'
import { University } from './university.entity'

/** A university mentor (高校导师) recommended by a university and approved by the office (九（一）). */
@Entity('mentor')
@Index(['personId'], { unique: true })
@Index(['universityId'])
export class Mentor {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  personId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Person

  @Column('int')
  universityId: number

  /** RESTRICT: removing a university must not silently orphan its mentors. */
  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'universityId' })
  university?: University

  /** Academic title (教授, 副教授 …). */
  @Column('varchar', { length: 64, nullable: true })
  title: string | null

  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { Student } from './student.entity'

/** A parent or guardian of a student: the one link that lets a parent see a child's progress, and only that child's. */
@Entity('guardianship')
@Index(['parentId', 'studentId'], { unique: true })
@Index(['studentId'])
export class Guardianship {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  parentId: number

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent?: Person

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  /** 父亲, 母亲, … as the family says it; optional. */
  @Column('varchar', { length: 16, nullable: true })
  relation: string | null
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Person } from './person.entity'
import { Student } from './student.entity'

/**
 * One entry of the follow-up of a former student (七: keeping in touch with 往届学生, the
 * 英才库): where they went on to study, what they take part in, a note. Kept as history, newest
 * last; the latest entry is what the 英才库 lists.
 */
@Entity('alumnus_note')
@Index(['studentId', 'at'])
export class AlumnusNote {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  /** Where the former student is now (a university, a school year …), in the writer's words. */
  @Column('varchar', { length: 100, nullable: true })
  whereabouts: string | null

  /** Their field of study, when known. */
  @Column('varchar', { length: 100, nullable: true })
  major: string | null

  @Column('text', { nullable: true })
  note: string | null

  /** SET NULL: the entry outlives its writer's person row. */
  @Column('int', { nullable: true })
  authorId: number | null

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'authorId' })
  author?: Person | null

  @Column('datetime')
  at: Date
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Mentor } from './mentor.entity'
import { Student } from './student.entity'
import { Subject } from './subject.entity'

/** A student's research direction and topic, chosen with the mentor and filed with the office (九（四）). One per student. */
@Entity('research_topic')
@Index(['studentId'], { unique: true })
export class ResearchTopic {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('int')
  studentId: number

  @ManyToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'studentId' })
  student?: Student

  @Column('int', { nullable: true })
  mentorId: number | null

  @ManyToOne(() => Mentor, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'mentorId' })
  mentor?: Mentor | null

  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null

  @Column('varchar', { length: 200 })
  direction: string

  @Column('varchar', { length: 200 })
  title: string

  /** When the office recorded it (备案); null while not yet filed. */
  @Column('datetime', { nullable: true })
  filedAt: Date | null

  @Column('datetime')
  createdAt: Date
}

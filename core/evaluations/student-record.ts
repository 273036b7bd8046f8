import type { DataSource } from 'typeorm'
import { Mentor } from '../../entities/mentor.entity'
import { Student } from '../../entities/student.entity'
import { visibleStudent } from '../access/student-scope'
import type { Actor } from '../actor'
import { cohortOfId, type CohortWithProgram } from '../selection/cohort-of'

/** A student record as the evaluation actions need it: the row, its cohort and program, and whether the actor is its mentor. */
export interface StudentRecord extends CohortWithProgram {
  student: Student
  isOwnMentor: boolean
}

/**
 * The student whose person id is `personId`, when the actor may read them (core/access/student-scope.ts).
 * @throws NotFoundError otherwise, the same whether or not they exist.
 */
export async function studentRecord(ds: DataSource, actor: Actor, personId: number): Promise<StudentRecord> {
  const ref = await visibleStudent(ds, actor, personId)
  const student = await ds.getRepository(Student).findOneByOrFail({ id: ref.studentId })
  const mentor = student.mentorId ? await ds.getRepository(Mentor).findOneBy({ id: student.mentorId }) : null
  const isOwnMentor = mentor !== null && actor.personId !== undefined && mentor.personId === actor.personId
  return { student, isOwnMentor, ...(await cohortOfId(ds.manager, student.cohortId)) }
}

/** What a student's status means, for refusals. */
export const STUDENT_STATUS_WORDS: Record<Student['status'], string> = {
  active: '在培养中',
  exited: '已退出培养',
  alumnus: '已完成培养、转入英才库',
}

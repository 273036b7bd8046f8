import { type DataSource, In } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { Student, type StudentStatus } from '../../entities/student.entity'

/** A student as the conversations speak of them: who, which cohort, and where they stand. */
export interface StudentRef {
  studentId: number
  personId: number
  name: string
  cohortYear: number
  cohortId: number
  status: StudentStatus
}

/** The query every read of students starts from: who, which cohort, and where they stand, newest cohort first. */
export function studentQuery(ds: DataSource) {
  return ds
    .getRepository(Student)
    .createQueryBuilder('s')
    .innerJoin(Person, 'p', 'p.id = s.personId')
    .innerJoin(Cohort, 'c', 'c.id = s.cohortId')
    .select(['s.id AS studentId', 's.personId AS personId', 'p.displayName AS name'])
    .addSelect(['c.year AS cohortYear', 'c.id AS cohortId', 's.status AS status'])
    .orderBy('c.year', 'DESC')
    .addOrderBy('s.id', 'ASC')
}

/** A row of studentQuery as a StudentRef. */
export function toRef(r: Record<string, unknown>): StudentRef {
  return {
    studentId: Number(r.studentId),
    personId: Number(r.personId),
    name: String(r.name),
    cohortYear: Number(r.cohortYear),
    cohortId: Number(r.cohortId),
    status: r.status as StudentStatus,
  }
}

async function rows(q: ReturnType<typeof studentQuery>): Promise<StudentRef[]> {
  return (await q.getRawMany<Record<string, unknown>>()).map(toRef)
}

/** The student record of a person (their newest cohort), if they are a student. */
export async function studentOfPerson(ds: DataSource, personId: number): Promise<StudentRef | undefined> {
  return (await rows(studentQuery(ds).where('s.personId = :personId', { personId })))[0]
}

/** The children of a parent, through their guardianships only. */
export function childrenOf(ds: DataSource, parentId: number): Promise<StudentRef[]> {
  return rows(
    studentQuery(ds).innerJoin(Guardianship, 'g', 'g.studentId = s.id').where('g.parentId = :parentId', { parentId }),
  )
}

/** The students of a school (for its guiding teachers). */
export function studentsOfSchool(ds: DataSource, schoolId: number): Promise<StudentRef[]> {
  return rows(studentQuery(ds).where('s.schoolId = :schoolId', { schoolId }))
}

/** The students a mentor (a person) guides. */
export function studentsOfMentor(ds: DataSource, mentorPersonId: number): Promise<StudentRef[]> {
  return rows(
    studentQuery(ds)
      .innerJoin(Mentor, 'm', 'm.id = s.mentorId')
      .where('m.personId = :mentorPersonId', { mentorPersonId }),
  )
}

/**
 * The active students of a cohort (by year) who have a mentor, each with the mentor's person
 * id, in one query ordered by mentor (person id), then student.
 */
export async function activeStudentsByMentor(
  ds: DataSource,
  cohortYear: number,
): Promise<Array<StudentRef & { mentorPersonId: number }>> {
  const raw = await studentQuery(ds)
    .innerJoin(Mentor, 'm', 'm.id = s.mentorId')
    .addSelect('m.personId', 'mentorPersonId')
    .where('c.year = :cohortYear', { cohortYear })
    .andWhere("s.status = 'active'")
    .orderBy('m.personId', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getRawMany<Record<string, unknown>>()
  return raw.map((r) => ({ ...toRef(r), mentorPersonId: Number(r.mentorPersonId) }))
}

/** The parents of each student (person ids by student id), a thousand students a query. */
export async function guardiansOf(ds: DataSource, studentIds: number[]): Promise<Map<number, number[]>> {
  const parents = new Map<number, number[]>()
  const ids = [...new Set(studentIds)]
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await ds.getRepository(Guardianship).findBy({ studentId: In(ids.slice(i, i + 1000)) })
    for (const g of rows) parents.set(g.studentId, [...(parents.get(g.studentId) ?? []), g.parentId])
  }
  return parents
}

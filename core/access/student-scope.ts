import { Brackets, type DataSource, type WhereExpressionBuilder } from 'typeorm'
import { type Actor, scopeIds } from '../actor'
import { NotFoundError } from '../errors'
import { type StudentRef, studentOfPerson, studentQuery, toRef } from '../people/students'

/**
 * Whose student records a person may read, by role and relationship — the one rule every read
 * of a student (progress, logs, activities, exports) goes through:
 *
 * | role        | may read                                  |
 * | ----------- | ----------------------------------------- |
 * | student     | their own record                          |
 * | parent      | their own children (guardianship)         |
 * | teacher     | the students of the school the role is for |
 * | mentor      | the students they guide                   |
 * | city_staff  | the students of the city the role is for  |
 * | office      | every student                             |
 *
 * A person with several roles reads the union. Someone with none reads nothing.
 */
export function whereStudentVisible(qb: WhereExpressionBuilder, actor: Actor, alias = 's'): void {
  if (actor.roles.some((r) => r.role === 'office')) return
  const me = actor.personId ?? -1
  const schools = scopeIds(actor, 'teacher', 'schoolId')
  const cities = scopeIds(actor, 'city_staff', 'cityId')
  qb.andWhere(
    new Brackets((or) => {
      or.where(`${alias}.personId = :vMe`, { vMe: me })
      if (actor.roles.some((r) => r.role === 'parent'))
        or.orWhere(`${alias}.id IN (SELECT vg.studentId FROM guardianship vg WHERE vg.parentId = :vMe)`)
      if (actor.roles.some((r) => r.role === 'mentor'))
        or.orWhere(`${alias}.mentorId IN (SELECT vm.id FROM mentor vm WHERE vm.personId = :vMe)`)
      if (schools.length > 0) or.orWhere(`${alias}.schoolId IN (:...vSchools)`, { vSchools: schools })
      if (cities.length > 0) or.orWhere(`${alias}.cityId IN (:...vCities)`, { vCities: cities })
    }),
  )
}

function visibleQuery(ds: DataSource, actor: Actor) {
  const qb = studentQuery(ds)
  whereStudentVisible(qb, actor)
  return qb
}

/**
 * The student whose person id is `personId`, if the actor may read them (their newest cohort).
 * @throws NotFoundError otherwise — the same answer whether the student does not exist or may
 * not be read, so an id reveals nothing.
 */
export async function visibleStudent(ds: DataSource, actor: Actor, personId: number): Promise<StudentRef> {
  const row = await visibleQuery(ds, actor)
    .andWhere('s.personId = :target', { target: personId })
    .getRawOne<Record<string, unknown>>()
  if (!row) throw new NotFoundError('没有找到这位学员，或你无权查看')
  return toRef(row)
}

/** Every student the actor may read, newest cohort first. */
export async function visibleStudents(ds: DataSource, actor: Actor): Promise<StudentRef[]> {
  const rows = await visibleQuery(ds, actor).getRawMany<Record<string, unknown>>()
  return rows.map(toRef)
}

/** Whose records a read is about: the actor's own (`'me'`), or a student's by their person id. */
export type Whose = 'me' | number

/**
 * The student a read is about: the actor themself, or a student the actor may read (visibleStudent).
 * @throws NotFoundError when the actor is not a student (for `'me'`), or may not read that student.
 */
export async function studentToRead(ds: DataSource, actor: Actor, whose: Whose): Promise<StudentRef> {
  if (whose !== 'me') return visibleStudent(ds, actor, whose)
  const self = actor.personId === undefined ? undefined : await studentOfPerson(ds, actor.personId)
  if (!self) throw new NotFoundError('你不是学员，没有自己的记录；家长请查看孩子的记录')
  return self
}

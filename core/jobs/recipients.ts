import type { MessageQuery, RecipientRole } from './messages'

/** The words of a plan's milestone audiences, as the people who receive its reminders. */
const AUDIENCE_ROLES: Record<string, RecipientRole> = {
  student: 'student',
  parent: 'parent',
  teacher: 'teacher',
  school: 'teacher',
  mentor: 'mentor',
  university: 'mentor',
  city: 'staff',
  office: 'staff',
}

/** The recipient role of a milestone audience word. */
export function recipientRole(audience: string): RecipientRole | undefined {
  return AUDIENCE_ROLES[audience]
}

/** The cohort's active students (exited students get nothing), as a FROM clause; one parameter, the cohort id. */
const ACTIVE_STUDENTS = "student s WHERE s.cohortId = ? AND s.status = 'active'"

/**
 * The people of a cohort who receive what is meant for an audience word, as a SELECT of one
 * column `personId` (duplicates possible: a teacher of many students): active students and
 * their parents, teachers and mentors (the people a broadcast to that role reaches, see
 * peopleReached); every city staff member for `city`, every office member for `office`.
 * Undefined for a word that names nobody.
 */
export function audienceQuery(audience: string, cohortId: number): MessageQuery | undefined {
  const cohort = [cohortId]
  switch (audience) {
    case 'student':
      return { sql: `SELECT s.personId AS personId FROM ${ACTIVE_STUDENTS}`, parameters: cohort }
    case 'parent':
      return {
        sql: `SELECT g.parentId AS personId FROM guardianship g INNER JOIN ${ACTIVE_STUDENTS.replace(' WHERE', ' ON g.studentId = s.id WHERE')}`,
        parameters: cohort,
      }
    case 'teacher':
    case 'school':
      return {
        sql: `SELECT s.teacherId AS personId FROM ${ACTIVE_STUDENTS} AND s.teacherId IS NOT NULL`,
        parameters: cohort,
      }
    case 'mentor':
    case 'university':
      return {
        sql: `SELECT m.personId AS personId FROM mentor m INNER JOIN ${ACTIVE_STUDENTS.replace(' WHERE', ' ON m.id = s.mentorId WHERE')}`,
        parameters: cohort,
      }
    case 'city':
      return { sql: "SELECT r.personId AS personId FROM person_role r WHERE r.role = 'city_staff'", parameters: [] }
    case 'office':
      return { sql: "SELECT r.personId AS personId FROM person_role r WHERE r.role = 'office'", parameters: [] }
    default:
      return undefined
  }
}

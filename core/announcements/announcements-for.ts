import { Brackets, type DataSource } from 'typeorm'
import { Announcement } from '../../entities/announcement.entity'
import type { Role } from '../../entities/person-role.entity'
import type { Actor } from '../actor'
import type { Page } from '../logs/list-growth-logs'

/** An announcement meant for a role: one for everyone (no roles), or one naming it. */
function forRole(role: Role): string {
  return `(a.audience = '' OR a.audience LIKE '%${role}%')`
}

/**
 * The announcements sent that were meant for the actor, newest first, a page at a time — the
 * audience a broadcast reaches (reachOf) read from the person's side: a student, a parent, a
 * guiding teacher (of the student, or of the school the role is for) or a mentor of an active
 * student of the announcement's cohort, in its city and subject, when its roles include theirs.
 * City staff read those of their city or of every city; the office reads every one. One query.
 */
export async function announcementsFor(
  ds: DataSource,
  actor: Actor,
  page: Page,
): Promise<{ announcements: Announcement[]; total: number }> {
  const qb = ds.getRepository(Announcement).createQueryBuilder('a').where("a.status = 'sent'")
  if (!actor.roles.some((r) => r.role === 'office')) {
    const me = actor.personId ?? -1
    const scoped = (role: Role, key: 'schoolId' | 'cityId') =>
      actor.roles.filter((r) => r.role === role && r[key] !== null).map((r) => Number(r[key]))
    const schools = scoped('teacher', 'schoolId')
    const cities = scoped('city_staff', 'cityId')
    const teacherOf = schools.length > 0 ? '(s.teacherId = :me OR s.schoolId IN (:...schools))' : 's.teacherId = :me'
    const related = [
      `(s.personId = :me AND ${forRole('student')})`,
      `(s.id IN (SELECT g.studentId FROM guardianship g WHERE g.parentId = :me) AND ${forRole('parent')})`,
      `(${teacherOf} AND ${forRole('teacher')})`,
      `(s.mentorId IN (SELECT m.id FROM mentor m WHERE m.personId = :me) AND ${forRole('mentor')})`,
    ].join(' OR ')
    qb.andWhere(
      new Brackets((or) => {
        or.where(
          `EXISTS (SELECT 1 FROM student s WHERE s.status = 'active' AND (a.cohortId IS NULL OR s.cohortId = a.cohortId)` +
            ' AND (a.cityId IS NULL OR s.cityId = a.cityId) AND (a.subjectId IS NULL OR s.subjectId = a.subjectId)' +
            ` AND (${related}))`,
          { me, ...(schools.length > 0 ? { schools } : {}) },
        )
        if (cities.length > 0) or.orWhere('(a.cityId IS NULL OR a.cityId IN (:...cities))', { cities })
      }),
    )
  }
  const [announcements, total] = await qb
    .orderBy('a.createdAt', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .skip((page.page - 1) * page.pageSize)
    .take(page.pageSize)
    .getManyAndCount()
  return { announcements, total }
}

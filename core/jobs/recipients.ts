import type { DataSource } from 'typeorm'
import { PersonRole } from '../../entities/person-role.entity'
import { peopleReached } from '../announcements/broadcast'
import type { RecipientRole } from './messages'

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

/**
 * The people of a cohort who receive what is meant for an audience word: active students and
 * their parents, teachers and mentors (set-based, the people a broadcast to that role reaches);
 * every city staff member for `city`, every office member for `office`.
 */
export async function peopleFor(ds: DataSource, cohortId: number, audience: string): Promise<number[]> {
  if (audience === 'city' || audience === 'office') {
    const rows = await ds
      .getRepository(PersonRole)
      .find({ where: { role: audience === 'city' ? 'city_staff' : 'office' }, select: { personId: true } })
    return [...new Set(rows.map((r) => r.personId))]
  }
  const role = recipientRole(audience)
  if (!role || role === 'staff') return []
  return peopleReached(ds, cohortId, { all: false, role })
}

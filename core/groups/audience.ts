import type { DataSource } from 'typeorm'
import { City } from '../../entities/city.entity'
import { CohortCity } from '../../entities/cohort-city.entity'
import type { Role } from '../../entities/person-role.entity'
import { Subject } from '../../entities/subject.entity'

/**
 * Whom a broadcast or a group is for: everyone, or a city of the cohort, a role, a subject,
 * or a combination (南宁 家长). Read from staff's words; ids are the database's.
 */
export interface Audience {
  all: boolean
  city?: { id: number; name: string }
  role?: Role
  subject?: { id: number; name: string }
}

/** The words staff use for each role a group or broadcast can be meant for, first the one shown back. */
export const ROLE_WORDS: ReadonlyArray<readonly [Role, readonly string[]]> = [
  ['student', ['学生', '同学', '学员']],
  ['parent', ['家长', '父母', '家属']],
  ['mentor', ['导师', '高校导师']],
  ['teacher', ['教师', '老师', '指导教师', '指导老师', '中学教师']],
]

const ALL_WORDS = ['全部', '所有人', '所有', '全体', '大家', '全员']

/** The Chinese word for a role, as shown back to staff. */
export function roleWord(role: Role): string {
  return ROLE_WORDS.find(([r]) => r === role)?.[1][0] ?? role
}

/** A person-readable name of an audience: 全部, 南宁市 家长, 物理 学生. */
export function describeAudience(a: Audience): string {
  if (a.all) return '全部'
  return [a.city?.name, a.subject?.name, a.role ? roleWord(a.role) : undefined].filter(Boolean).join(' ')
}

/**
 * Reads an audience from staff's words for a cohort: its cities by name, short name or alias,
 * the subjects, the role words, or 全部. Undefined when the words name none of these, or name
 * something twice in contradiction (南宁 柳州).
 */
export async function readAudience(ds: DataSource, cohortId: number, words: string): Promise<Audience | undefined> {
  const text = words.replace(/\s+/g, '')
  if (!text) return undefined
  if (ALL_WORDS.includes(text)) return { all: true }

  const cities = await ds
    .getRepository(City)
    .createQueryBuilder('c')
    .innerJoin(CohortCity, 'cc', 'cc.cityId = c.id')
    .where('cc.cohortId = :cohortId', { cohortId })
    .getMany()
  const subjects = await ds.getRepository(Subject).find()

  let rest = text
  const take = (names: readonly string[]): boolean => {
    const hit = [...names].sort((a, b) => b.length - a.length).find((n) => n && rest.includes(n))
    if (hit) rest = rest.replace(hit, '')
    return Boolean(hit)
  }
  const cityHits = cities.filter((c) => take([c.name, c.short, ...c.aliases]))
  const subjectHits = subjects.filter((s) => take([s.name]))
  const roleHits = ROLE_WORDS.filter(([, names]) => take(names))
  if (cityHits.length > 1 || subjectHits.length > 1 || roleHits.length > 1) return undefined
  if (rest.replace(/[,，、的群和]/g, '') !== '') return undefined
  const [city] = cityHits
  const [subject] = subjectHits
  const [role] = roleHits
  if (!city && !subject && !role) return undefined
  return {
    all: false,
    ...(city ? { city: { id: city.id, name: city.name } } : {}),
    ...(subject ? { subject: { id: subject.id, name: subject.name } } : {}),
    ...(role ? { role: role[0] } : {}),
  }
}

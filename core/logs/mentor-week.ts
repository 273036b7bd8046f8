import { type DataSource, In } from 'typeorm'
import { GrowthLog } from '../../entities/growth-log.entity'
import type { Actor } from '../actor'
import type { Program } from '../knowledge/program'
import { type StudentRef, studentsOfMentor, studentsWithMentors } from '../people/students'
import { requireAccess } from '../policies'
import { addDays, beijingDate } from '../time'
import { type Progress, progressOf } from './progress'

/** One student's week for their mentor: the week's logs and where they stand overall. */
export interface StudentWeek {
  progress: Progress
  logs: Array<{ happenedOn: string; place: string; excerpt: string }>
}

/** Monday of the Beijing week that contains `now`, YYYY-MM-DD. */
export function weekStart(now: Date): string {
  const today = beijingDate(now)
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7
  return addDays(today, 1 - weekday)
}

/** The first characters of a text, with an ellipsis when cut. */
export function excerpt(text: string, chars = 30): string {
  const all = [...text.replace(/\s+/g, ' ').trim()]
  return all.length <= chars ? all.join('') : `${all.slice(0, chars).join('')}…`
}

/** The weeks of some students: growth logs written in [from, until) and their progress. Two set-based queries. */
async function weeksOf(
  ds: DataSource,
  program: Program,
  students: StudentRef[],
  from: Date,
  until: Date,
): Promise<StudentWeek[]> {
  if (students.length === 0) return []
  const progress = await progressOf(ds, program, students)
  const logs = await ds
    .getRepository(GrowthLog)
    .createQueryBuilder('l')
    .where({ studentId: In(students.map((s) => s.studentId)) })
    .andWhere('l.createdAt >= :from AND l.createdAt < :until', { from, until })
    .orderBy('l.happenedOn', 'ASC')
    .getMany()
  return progress.map((p) => ({
    progress: p,
    logs: logs
      .filter((l) => l.studentId === p.student.studentId)
      .map((l) => ({ happenedOn: l.happenedOn, place: l.place, excerpt: excerpt(l.content) })),
  }))
}

/** The instant a Beijing day begins. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`)

/**
 * The week of a mentor's own students in a cohort (本周摘要): for each active student, the growth
 * logs written since Monday (Beijing) and their progress.
 * @throws ForbiddenError unless the actor is a mentor.
 */
export async function mentorWeek(ds: DataSource, program: Program, actor: Actor, now: Date): Promise<StudentWeek[]> {
  requireAccess(actor, 'digest.mentor')
  const students = (await studentsOfMentor(ds, actor.personId as number)).filter(
    (s) => s.status === 'active' && s.cohortYear === program.cohort,
  )
  return weeksOf(ds, program, students, dayStart(weekStart(now)), new Date(now.getTime() + 1))
}

/**
 * Every mentor's past week (the Monday digest, a system action): the logs written in the seven
 * days before this week's Monday, per mentor (person id) of the cohort's active students.
 */
export async function pastWeekOfEveryMentor(
  ds: DataSource,
  program: Program,
  now: Date,
): Promise<Map<number, StudentWeek[]>> {
  const students = (await studentsWithMentors(ds, program.cohort)).filter((s) => s.status === 'active')
  const monday = weekStart(now)
  const weeks = await weeksOf(ds, program, students, dayStart(addDays(monday, -7)), dayStart(monday))
  const byMentor = new Map<number, StudentWeek[]>()
  for (const week of weeks) {
    const mentor = students.find((s) => s.studentId === week.progress.student.studentId)?.mentorPersonId as number
    byMentor.set(mentor, [...(byMentor.get(mentor) ?? []), week])
  }
  return byMentor
}

import { type DataSource, In } from 'typeorm'
import { GrowthLog } from '../../entities/growth-log.entity'
import type { Actor } from '../actor'
import type { Program } from '../knowledge/program'
import { datetimeParameter } from '../data-source'
import { type StudentRef, activeStudentsByMentor, studentsOfMentor } from '../people/students'
import { requireAccess } from '../policies'
import { addDays, beijingDate } from '../time'
import { type Standing, progressOf, visitFiguresOfCohort } from './progress'

/** One student's week for their mentor: the week's logs and where they stand overall. */
export interface StudentWeek {
  progress: Standing
  /** The week's logs: `content` whole (for a model's summary), `excerpt` as the digest shows it. */
  logs: Array<{ happenedOn: string; place: string; excerpt: string; content: string }>
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

/** The weeks of some students: growth logs written in [from, until) and their progress; set-based, a thousand students a query. */
async function weeksOf(
  ds: DataSource,
  program: Program,
  students: StudentRef[],
  from: Date,
  until: Date,
): Promise<StudentWeek[]> {
  const progress = await progressOf(ds, program, students)
  const logs = new Map<number, StudentWeek['logs']>()
  for (let i = 0; i < students.length; i += 1000) {
    const rows = await ds
      .getRepository(GrowthLog)
      .createQueryBuilder('l')
      .where({ studentId: In(students.slice(i, i + 1000).map((s) => s.studentId)) })
      .andWhere('l.createdAt >= :from AND l.createdAt < :until', { from, until })
      .orderBy('l.happenedOn', 'ASC')
      .getMany()
    for (const l of rows) {
      const entry = { happenedOn: l.happenedOn, place: l.place, excerpt: excerpt(l.content), content: l.content }
      logs.set(l.studentId, [...(logs.get(l.studentId) ?? []), entry])
    }
  }
  return progress.map((p) => ({ progress: p, logs: logs.get(p.student.studentId) ?? [] }))
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

/** The growth logs of a cohort's active students written in [from, until), by student id, each student's in day order. */
async function logsWrittenBetween(
  ds: DataSource,
  cohortYear: number,
  from: Date,
  until: Date,
): Promise<Map<number, StudentWeek['logs']>> {
  const rows: Array<{ studentId: number | string; happenedOn: string; place: string; content: string }> =
    await ds.query(
      `SELECT l.studentId AS studentId, l.happenedOn AS happenedOn, l.place AS place, l.content AS content
      FROM growth_log l INNER JOIN student s ON s.id = l.studentId INNER JOIN cohort c ON c.id = s.cohortId
      WHERE c.year = ? AND s.status = 'active' AND l.createdAt >= ? AND l.createdAt < ?
      ORDER BY l.studentId, l.happenedOn, l.id`,
      [cohortYear, datetimeParameter(ds, from), datetimeParameter(ds, until)],
    )
  const logs = new Map<number, StudentWeek['logs']>()
  for (const l of rows) {
    const entry = { happenedOn: l.happenedOn, place: l.place, excerpt: excerpt(l.content), content: l.content }
    const own = logs.get(Number(l.studentId))
    if (own) own.push(entry)
    else logs.set(Number(l.studentId), [entry])
  }
  return logs
}

/**
 * Every mentor's past week (the Monday digest, a system action): the logs written in the seven
 * days before this week's Monday, of the cohort's active students, handed over per mentor
 * (person id) in order. Three queries for the whole cohort, whatever its size: the students by
 * mentor, their figures grouped per student, and the week's logs.
 */
export async function eachMentorsPastWeek(
  ds: DataSource,
  program: Program,
  now: Date,
  handle: (mentorPersonId: number, week: StudentWeek[]) => Promise<void>,
): Promise<void> {
  const monday = weekStart(now)
  const students = await activeStudentsByMentor(ds, program.cohort)
  const figures = await visitFiguresOfCohort(ds, program.cohort)
  const logs = await logsWrittenBetween(ds, program.cohort, dayStart(addDays(monday, -7)), dayStart(monday))
  const required = program.training.requiredVisits
  let week: StudentWeek[] = []
  for (const [i, student] of students.entries()) {
    const { activities, logs: logged } = figures.get(student.studentId) ?? { activities: 0, logs: 0 }
    const { mentorPersonId, ...ref } = student
    week.push({
      progress: { student: ref, activities, logs: logged, required, lacking: activities - logged },
      logs: logs.get(student.studentId) ?? [],
    })
    if (students[i + 1]?.mentorPersonId === mentorPersonId) continue
    await handle(mentorPersonId, week)
    week = []
  }
}

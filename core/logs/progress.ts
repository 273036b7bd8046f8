import { type DataSource, In } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import type { MilestoneStatus } from '../rules/deadlines'
import { nextMilestones } from '../rules/deadlines'
import type { Program } from '../knowledge/program'
import type { StudentRef } from '../people/students'

/** A campus activity that has no growth log yet. */
export interface ActivityWithoutLog {
  activityId: number
  happenedOn: string
  place: string
}

/** Where a student stands against 五（三）1 in figures: campus activities, those with a growth log, and those without one. */
export interface Standing {
  student: StudentRef
  activities: number
  logs: number
  required: number
  /** How many of the activities still lack a log. */
  lacking: number
}

/** A student's standing with the activities still lacking a log named (for the student and their parents). */
export interface Progress extends Standing {
  withoutLog: ActivityWithoutLog[]
}

/**
 * The progress of several students at once, in three set-based queries whatever their number:
 * campus visits of their cohort, growth logs tied to those visits, and the visits still lacking
 * a log. `required` is the program's number of visits (10 in 2023).
 */
export async function progressOf(ds: DataSource, program: Program, students: StudentRef[]): Promise<Progress[]> {
  // A thousand students a query keeps within every database's limit on parameters.
  const all: Progress[] = []
  for (let i = 0; i < students.length; i += 1000)
    all.push(...(await progressOfFew(ds, program, students.slice(i, i + 1000))))
  return all
}

async function progressOfFew(ds: DataSource, program: Program, students: StudentRef[]): Promise<Progress[]> {
  if (students.length === 0) return []
  const ids = students.map((s) => s.studentId)
  const visits = await ds
    .getRepository(Activity)
    .createQueryBuilder('a')
    .leftJoin(GrowthLog, 'l', 'l.activityId = a.id')
    .select(['a.id AS id', 'a.studentId AS studentId', 'a.happenedOn AS happenedOn', 'a.place AS place'])
    .addSelect('COUNT(l.id)', 'logs')
    // By student only: a student record belongs to one cohort, and a filter on the cohort would let the
    // database scan the cohort's activities (its index) instead of these students'.
    .where({ studentId: In(ids), kind: 'campus_visit' })
    .groupBy('a.id')
    .addGroupBy('a.studentId')
    .addGroupBy('a.happenedOn')
    .addGroupBy('a.place')
    .orderBy('a.happenedOn', 'ASC')
    .getRawMany<{ id: number; studentId: number; happenedOn: string; place: string; logs: number | string }>()
  const byStudent = new Map<number, typeof visits>()
  for (const v of visits) byStudent.set(Number(v.studentId), [...(byStudent.get(Number(v.studentId)) ?? []), v])
  return students.map((student) => {
    const own = byStudent.get(student.studentId) ?? []
    const logged = own.filter((v) => Number(v.logs) > 0)
    const withoutLog = own
      .filter((v) => Number(v.logs) === 0)
      .map((v) => ({ activityId: Number(v.id), happenedOn: v.happenedOn, place: v.place }))
    return {
      student,
      activities: own.length,
      logs: logged.length,
      required: program.training.requiredVisits,
      lacking: withoutLog.length,
      withoutLog,
    }
  })
}

/**
 * The figures of every active student of a cohort (by year) who has campus activities, by
 * student id, in one grouped query: activities, and those with a growth log. A student absent
 * from the map has none.
 */
export async function visitFiguresOfCohort(
  ds: DataSource,
  cohortYear: number,
): Promise<Map<number, { activities: number; logs: number }>> {
  const rows: Array<{ studentId: number | string; activities: number | string; logs: number | string | null }> =
    await ds.query(
      `SELECT a.studentId AS studentId, COUNT(*) AS activities,
        SUM(CASE WHEN EXISTS (SELECT 1 FROM growth_log l WHERE l.activityId = a.id) THEN 1 ELSE 0 END) AS logs
      FROM student s INNER JOIN cohort c ON c.id = s.cohortId
        INNER JOIN activity a ON a.studentId = s.id AND a.kind = 'campus_visit'
      WHERE c.year = ? AND s.status = 'active'
      GROUP BY a.studentId`,
      [cohortYear],
    )
  return new Map(
    rows.map((r) => [Number(r.studentId), { activities: Number(r.activities), logs: Number(r.logs ?? 0) }]),
  )
}

/** The progress of one student. */
export async function progressOfStudent(ds: DataSource, program: Program, student: StudentRef): Promise<Progress> {
  return (await progressOf(ds, program, [student]))[0] as Progress
}

/** The next milestones meant for students (and so their families), soonest first. */
export function studentMilestones(program: Program, now: Date, count = 3): MilestoneStatus[] {
  return nextMilestones(program, now, 'student').slice(0, count)
}

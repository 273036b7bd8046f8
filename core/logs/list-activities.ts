import type { DataSource } from 'typeorm'
import { Activity, type ActivityKind } from '../../entities/activity.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { studentToRead, type Whose } from '../access/student-scope'
import type { Actor } from '../actor'
import { datetimeValue } from '../data-source'
import type { StudentRef } from '../people/students'

/** An activity as a list shows it, with its growth log's id when it has one. */
export interface ActivityView {
  id: number
  kind: ActivityKind
  happenedOn: string
  place: string
  title: string | null
  createdAt: Date
  logId: number | null
}

/**
 * A student's activities, latest day first, each with its (first) growth log: the actor's own
 * (`'me'`) or a student's they may read, through the one relationship rule. One query.
 * @throws NotFoundError as studentToRead: not a student, or not one the actor may read.
 */
export async function listActivities(
  ds: DataSource,
  actor: Actor,
  whose: Whose,
): Promise<{ student: StudentRef; activities: ActivityView[] }> {
  const student = await studentToRead(ds, actor, whose)
  const rows = await ds
    .getRepository(Activity)
    .createQueryBuilder('a')
    .leftJoin(GrowthLog, 'l', 'l.activityId = a.id')
    .select(['a.id AS id', 'a.kind AS kind', 'a.happenedOn AS happenedOn', 'a.place AS place'])
    .addSelect(['a.title AS title', 'a.createdAt AS createdAt'])
    .addSelect('MIN(l.id)', 'logId')
    .where('a.studentId = :studentId', { studentId: student.studentId })
    .groupBy('a.id')
    .addGroupBy('a.kind')
    .addGroupBy('a.happenedOn')
    .addGroupBy('a.place')
    .addGroupBy('a.title')
    .addGroupBy('a.createdAt')
    .orderBy('a.happenedOn', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .getRawMany<Record<string, unknown>>()
  return {
    student,
    activities: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as ActivityKind,
      happenedOn: String(r.happenedOn),
      place: String(r.place),
      title: r.title == null ? null : String(r.title),
      createdAt: datetimeValue(r.createdAt),
      logId: r.logId == null ? null : Number(r.logId),
    })),
  }
}

import type { DataSource } from 'typeorm'
import { GrowthLog } from '../../entities/growth-log.entity'
import { studentToRead, type Whose } from '../access/student-scope'
import type { Actor } from '../actor'
import type { StudentRef } from '../people/students'

/** A page of a list: which one, how long, and how many there are in all. */
export interface Page {
  page: number
  pageSize: number
}

/**
 * A student's growth logs, the latest activity day first, a page at a time: the actor's own
 * (`'me'`) or a student's they may read, through the one relationship rule.
 * @throws NotFoundError as studentToRead: not a student, or not one the actor may read.
 */
export async function listGrowthLogs(
  ds: DataSource,
  actor: Actor,
  whose: Whose,
  page: Page,
): Promise<{ student: StudentRef; logs: GrowthLog[]; total: number }> {
  const student = await studentToRead(ds, actor, whose)
  const [logs, total] = await ds.getRepository(GrowthLog).findAndCount({
    where: { studentId: student.studentId },
    order: { happenedOn: 'DESC', id: 'DESC' },
    skip: (page.page - 1) * page.pageSize,
    take: page.pageSize,
  })
  return { student, logs, total }
}

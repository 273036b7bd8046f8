import type { DataSource } from 'typeorm'
import { GrowthLog } from '../../entities/growth-log.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { studentOfPerson } from '../people/students'
import { requireAccess } from '../policies'
import { beijingDate, chineseDate } from '../time'
import { GROWTH_LOG_LIMITS } from './create-growth-log'

/** How long after writing it a student may still change a growth log. */
export const LOG_EDIT_DAYS = 7

/** The last instant a log written at `createdAt` may be changed. */
export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + LOG_EDIT_DAYS * 86_400_000)
}

/** What a student may change in a growth log: what was done and what was learnt (its day and place are its activity's). */
export interface GrowthLogEdit {
  content?: string
  takeaway?: string
}

/**
 * Changes the acting student's own growth log, within LOG_EDIT_DAYS of writing it; the change
 * and the edit's audit entry land together.
 * @throws ForbiddenError for anyone but a student; NotFoundError for a log that is not theirs
 * (the same whether or not it exists); ConflictError once the week is over; ValidationError for
 * an empty edit or a text too short or too long.
 */
export async function editGrowthLog(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  logId: number,
  edit: GrowthLogEdit,
): Promise<GrowthLog> {
  requireAccess(actor, 'log.write')
  const student = actor.personId === undefined ? undefined : await studentOfPerson(deps.dataSource, actor.personId)
  const log = student
    ? await deps.dataSource.getRepository(GrowthLog).findOneBy({ id: logId, studentId: student.studentId })
    : null
  if (!log) throw new NotFoundError('没有找到这篇成长日志')
  const now = deps.clock.now()
  if (now > editableUntil(log.createdAt)) {
    throw new ConflictError(
      `这篇成长日志写于${chineseDate(beijingDate(log.createdAt))}，已超过 ${LOG_EDIT_DAYS} 天，不能再修改；如需更正，请联系指导教师或项目办`,
    )
  }
  const changes: GrowthLogEdit = {}
  for (const field of ['content', 'takeaway'] as const) {
    const value = edit[field]?.trim()
    if (value === undefined || value === log[field]) continue
    const length = [...value].length
    if (length < GROWTH_LOG_LIMITS.minText)
      throw new ValidationError(`${field}: 至少 ${GROWTH_LOG_LIMITS.minText} 个字`)
    if (length > GROWTH_LOG_LIMITS[field]) throw new ValidationError(`${field}: 最多 ${GROWTH_LOG_LIMITS[field]} 个字`)
    changes[field] = value
  }
  const fields = Object.keys(changes)
  if (fields.length === 0) return log
  await deps.dataSource.transaction(async (m) => {
    await m.update(GrowthLog, { id: log.id }, { ...changes, editedAt: now })
    // Which fields changed, not the minor's text: the log itself keeps the text.
    await audit(m, actor, 'growth_log.edit', `growth_log:${log.id}`, { fields }, now)
  })
  return Object.assign(log, changes, { editedAt: now })
}

import type { DataSource } from 'typeorm'
import { Application } from '../../entities/application.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { noticeEnd } from '../rules/working-days'
import { beijingDate } from '../time'
import { cohortOfYear } from './cohort-of'

/** The notice as put up: its first and last day, its length and how many students it names. */
export interface PublicNotice {
  cohort: number
  startsOn: string
  endsOn: string
  workingDays: number
  count: number
}

/**
 * Puts every student selected by the mentors and not yet on a notice up for the public notice
 * of 九（二）4, from `startsOn` (today by default, Beijing calendar) for the program's number of
 * working days (5) on China's calendar — holidays and 调休 counted as the State Council sets
 * them, a start on a day off running from the next working day. One set-based update.
 *
 * @throws ForbiddenError for anyone but the office; ValidationError for a start in the past;
 * ConflictError when nobody waits for a notice.
 */
export async function startPublicNotice(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { cohort: number; startsOn?: string },
): Promise<PublicNotice> {
  requireAccess(actor, 'selection.notice')
  const now = deps.clock.now()
  const today = beijingDate(now)
  const startsOn = input.startsOn ?? today
  if (startsOn < today) throw new ValidationError('startsOn: 公示不能从已经过去的日子开始')
  return deps.dataSource.transaction(async (m) => {
    const { cohort, program } = await cohortOfYear(m, input.cohort)
    const workingDays = program.undatedSteps.find((s) => s.key === 'public_notice')?.workingDays ?? 5
    const endsOn = noticeEnd(startsOn, workingDays)
    const result = await m
      .createQueryBuilder()
      .update(Application)
      .set({ noticeStartsOn: startsOn, noticeEndsOn: endsOn, updatedAt: now })
      .where("cohortId = :cohortId AND status = 'selected' AND noticeStartsOn IS NULL", { cohortId: cohort.id })
      .execute()
    const count = result.affected ?? 0
    if (count === 0) throw new ConflictError('没有待公示的学生：导师遴选入选、尚未公示的才能公示（方案九（二）3、4）')
    await audit(m, actor, 'selection.notice', `cohort:${cohort.year}`, { startsOn, endsOn, count }, now)
    return { cohort: cohort.year, startsOn, endsOn, workingDays, count }
  })
}

import type { DataSource } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { Student } from '../../entities/student.entity'
import type { Actor } from '../actor'
import type { Clock } from '../clock'
import { ConflictError, ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { chineseDate } from '../time'
import { activeStudentOf, GROWTH_LOG_LIMITS, refuseActivityDay } from './create-growth-log'

/** A campus visit as a student checks it in: the Beijing day, the place, what it was. */
export interface CheckInInput {
  happenedOn: string
  place: string
  title: string
}

/**
 * Checks in a campus visit (五（三）1) for the acting student: a day that has passed and lies
 * in the cohort's training period, once per day and place. The student's row is locked while
 * the duplicate is looked for (MySQL), so two taps at once save one visit; SQLite runs one
 * writing transaction at a time anyway.
 * @throws ForbiddenError for anyone but a student; NotFoundError without an active student
 * record; ValidationError for a future day or one outside the period; ConflictError for a visit
 * already checked in that day at that place.
 */
export async function checkInActivity(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: CheckInInput,
): Promise<Activity> {
  requireAccess(actor, 'activity.write')
  const { student, program } = await activeStudentOf(deps.dataSource, actor)
  const now = deps.clock.now()
  const refusal = refuseActivityDay(program, input.happenedOn, now)
  if (refusal) throw new ValidationError(refusal)
  const place = input.place.trim()
  const title = input.title.trim()
  if ([...place].length > GROWTH_LOG_LIMITS.place) throw new ValidationError('place: 过长')

  const ds = deps.dataSource
  const mysql = ds.options.type === 'mysql' || ds.options.type === 'mariadb'
  return ds.transaction(async (m) => {
    if (mysql) {
      await m
        .getRepository(Student)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: student.studentId })
        .getOne()
    }
    const twice = await m.getRepository(Activity).existsBy({
      studentId: student.studentId,
      kind: 'campus_visit',
      happenedOn: input.happenedOn,
      place,
    })
    if (twice) throw new ConflictError(`${chineseDate(input.happenedOn)}在「${place}」的活动已经登记过了`)
    const activity = m.create(Activity, {
      studentId: student.studentId,
      cohortId: student.cohortId,
      kind: 'campus_visit',
      happenedOn: input.happenedOn,
      place,
      title,
      createdAt: now,
    })
    activity.id = Number((await m.insert(Activity, activity)).identifiers[0]?.id)
    return activity
  })
}

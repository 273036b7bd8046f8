import type { DataSource, EntityManager } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { GrowthLog, type LogSource } from '../../entities/growth-log.entity'
import type { Actor } from '../actor'
import type { Clock } from '../clock'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { builtInProgram, type Program } from '../knowledge/program'
import { requireAccess } from '../policies'
import { type StudentRef, studentOfPerson } from '../people/students'
import { beijingDate, chineseDate, lastDayOfMonth } from '../time'

/** A growth log as a student gives it: the activity's Beijing day, place, what was done, what was learnt. */
export interface GrowthLogInput {
  happenedOn: string
  place: string
  content: string
  takeaway: string
  source: LogSource
  /** The submission's idempotency key (a channel message id, a dialogue id): the same key saves once. */
  clientKey: string
  /** The student's own activity the log is about, when they chose it (the mini-program); else the day's is found. */
  activityId?: number
}

/** Limits of each field, shared by every channel's parser. */
export const GROWTH_LOG_LIMITS = { place: 200, content: 2000, takeaway: 2000, minText: 4 } as const

/** Why a day is outside the cohort's training period (五（一）), for a person; undefined when it is inside. */
function outsideTraining(program: Program, day: string): string | undefined {
  const first = `${program.training.start}-01`
  const last = lastDayOfMonth(program.training.end)
  if (day < first || day > last) {
    return `${chineseDate(day)}不在本期培养周期内（${chineseDate(first)}至${chineseDate(last)}）。`
  }
  return undefined
}

/**
 * Why a day cannot be a growth log's day: after today, or outside the cohort's training
 * period (五（一）). Undefined when it can be. The text is for a person.
 */
export function refuseLogDay(program: Program, day: string, now: Date): string | undefined {
  if (day > beijingDate(now)) return `${chineseDate(day)}还没到，成长日志记录的是已经参加过的活动。`
  return outsideTraining(program, day)
}

/** Why a day cannot be a checked-in activity's day (as refuseLogDay, said of a check-in). */
export function refuseActivityDay(program: Program, day: string, now: Date): string | undefined {
  if (day > beijingDate(now)) return `${chineseDate(day)}还没到，只能登记已经参加过的活动。`
  return outsideTraining(program, day)
}

/**
 * The acting person's student record in training and its cohort's program: what a student
 * acts on for themself (check-ins, logs).
 * @throws NotFoundError when the person has no active student record (or no program for its cohort).
 */
export async function activeStudentOf(
  ds: DataSource,
  actor: Actor,
  program?: Program,
): Promise<{ student: StudentRef; program: Program }> {
  const student = actor.personId ? await studentOfPerson(ds, actor.personId) : undefined
  const own = program ?? (student ? builtInProgram(student.cohortYear) : undefined)
  if (student?.status !== 'active' || !own || student.cohortYear !== own.cohort) {
    throw new NotFoundError('没有找到你在本期培养计划中的学生记录')
  }
  return { student, program: own }
}

/** An earlier save of the same submission, if it was this student's. */
function sameStudent(log: GrowthLog, student: StudentRef) {
  if (log.studentId !== student.studentId) throw new ConflictError('clientKey: used by another student')
  return { log, created: false, student }
}

/**
 * The campus activity a log of that day is about: the day's activity still lacking a log, else
 * one at the same place, else a new campus visit (so a visit the office has not entered yet
 * counts once its log arrives).
 */
async function dayActivity(
  m: EntityManager,
  student: StudentRef,
  happenedOn: string,
  place: string,
  now: Date,
): Promise<number> {
  const sameDay = await m
    .getRepository(Activity)
    .createQueryBuilder('a')
    .leftJoin(GrowthLog, 'l', 'l.activityId = a.id')
    .select(['a.id AS id', 'a.place AS place'])
    .addSelect('COUNT(l.id)', 'logs')
    .where({ studentId: student.studentId, cohortId: student.cohortId, kind: 'campus_visit', happenedOn })
    .groupBy('a.id')
    .addGroupBy('a.place')
    .orderBy('a.id', 'ASC')
    .getRawMany<{ id: number; place: string; logs: number | string }>()
  const match = sameDay.find((a) => Number(a.logs) === 0) ?? sameDay.find((a) => a.place === place)
  if (match) return Number(match.id)
  const inserted = await m.insert(Activity, {
    studentId: student.studentId,
    cohortId: student.cohortId,
    kind: 'campus_visit',
    happenedOn,
    place,
    title: null,
    createdAt: now,
  })
  return Number(inserted.identifiers[0]?.id)
}

/**
 * Saves a growth log for the acting student and ties it to the activity they chose, else to
 * that day's campus activity (dayActivity), in one transaction.
 * The same clientKey twice (or at once) saves once and returns the first log.
 * @throws ForbiddenError for anyone but a student; NotFoundError when the person has no active
 * student record; ValidationError for a day or text that can't be a log's.
 */
export async function createGrowthLog(
  deps: { dataSource: DataSource; clock: Clock },
  program: Program,
  actor: Actor,
  input: GrowthLogInput,
): Promise<{ log: GrowthLog; created: boolean; student: StudentRef }> {
  requireAccess(actor, 'log.write')
  const { student } = await activeStudentOf(deps.dataSource, actor, program)
  const now = deps.clock.now()
  const refusal = refuseLogDay(program, input.happenedOn, now)
  if (refusal) throw new ValidationError(refusal)
  for (const field of ['place', 'content', 'takeaway'] as const) {
    if ([...input[field].trim()].length > GROWTH_LOG_LIMITS[field]) throw new ValidationError(`${field}: too long`)
  }

  const earlier = await deps.dataSource.getRepository(GrowthLog).findOneBy({ clientKey: input.clientKey })
  if (earlier) return sameStudent(earlier, student)
  const place = input.place.trim()
  try {
    // Few statements inside the transaction: on SQLite transactions queue one behind another.
    const log = await deps.dataSource.transaction(async (m) => {
      const activityId = input.activityId ?? (await dayActivity(m, student, input.happenedOn, place, now))
      const log = m.create(GrowthLog, {
        studentId: student.studentId,
        activityId,
        happenedOn: input.happenedOn,
        place,
        content: input.content.trim(),
        takeaway: input.takeaway.trim(),
        source: input.source,
        clientKey: input.clientKey,
        createdAt: now,
        editedAt: null,
      })
      // insert, not save: one statement, no reload, while other chats wait for this transaction.
      log.id = Number((await m.insert(GrowthLog, log)).identifiers[0]?.id)
      return log
    })
    return { log, created: true, student }
  } catch (error) {
    // The same submission arrived twice at once: the other one saved it (unique clientKey).
    const saved = await deps.dataSource.getRepository(GrowthLog).findOneBy({ clientKey: input.clientKey })
    if (saved) return sameStudent(saved, student)
    throw error
  }
}

/**
 * Saves a growth log about one of the acting student's own activities (the mini-program picks
 * the activity; its day and place are the log's), through createGrowthLog so every channel
 * writes logs alike. The same clientKey again returns the first log.
 * @throws ForbiddenError for anyone but a student; NotFoundError for an activity that is not
 * theirs (the same whether or not it exists); ConflictError when it already has a log;
 * ValidationError as createGrowthLog.
 */
export async function createGrowthLogOfActivity(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { activityId: number; content: string; takeaway: string; source: LogSource; clientKey: string },
): Promise<{ log: GrowthLog; created: boolean; student: StudentRef }> {
  requireAccess(actor, 'log.write')
  const { student, program } = await activeStudentOf(deps.dataSource, actor)
  const earlier = await deps.dataSource.getRepository(GrowthLog).findOneBy({ clientKey: input.clientKey })
  if (earlier) return sameStudent(earlier, student)
  const activity = await deps.dataSource
    .getRepository(Activity)
    .findOneBy({ id: input.activityId, studentId: student.studentId })
  if (!activity) throw new NotFoundError('没有找到这次活动')
  if (await deps.dataSource.getRepository(GrowthLog).existsBy({ activityId: activity.id })) {
    throw new ConflictError('这次活动已经写过成长日志了，可以在 7 天内修改它')
  }
  return createGrowthLog(deps, program, actor, {
    happenedOn: activity.happenedOn,
    place: activity.place,
    content: input.content,
    takeaway: input.takeaway,
    source: input.source,
    clientKey: input.clientKey,
    activityId: activity.id,
  })
}

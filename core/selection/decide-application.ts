import { type DataSource, type EntityManager, In } from 'typeorm'
import { Application } from '../../entities/application.entity'
import { ApplicationReview, type ReviewDecision, type ReviewStep } from '../../entities/application-review.entity'
import { City } from '../../entities/city.entity'
import { CohortCity } from '../../entities/cohort-city.entity'
import { Mentor } from '../../entities/mentor.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { Student } from '../../entities/student.entity'
import { type Actor, hasRole } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { beijingDate, chineseDate } from '../time'
import { whereApplicationVisible } from './application-scope'
import { cohortOfId } from './cohort-of'
import {
  DeadlineError,
  nextStep,
  QuotaFullError,
  requireDecider,
  requireStepOpen,
  STATUS_WORDS,
  stepRule,
} from './steps'

/** A decision at one step of 九（二）. */
export interface Decision {
  step: ReviewStep
  decision: ReviewDecision
  /** The reason of a rejection (required then), or the reviewer's opinion. */
  comment?: string
  /** At the mentor selection: the mentor who takes the student (a mentor deciding takes them themself). */
  mentorId?: number
}

/** What a decision answers: the application's new status, and the student record when it was published. */
export interface DecisionResult {
  id: number
  status: Application['status']
  studentId?: number
}

/**
 * Decides on an application at one step of 九（二）: approving moves it to the next stage,
 * rejecting (with a reason) ends it; either way the decision is kept in `application_review`
 * and the audit log, in the same transaction. The step must be the one the application waits
 * for — none is skipped or taken twice — and two decisions at once on the same application
 * cannot both land: the status change is conditional on the status read, and the loser gets 409.
 *
 * At the mentor selection an approval names the mentor and takes one of the city's places
 * (四（二）1); at the public notice it publishes the student once the notice is over
 * (九（二）4), creating or reactivating their student record in the cohort.
 *
 * @throws NotFoundError when the actor may not read the application; ForbiddenError when the
 * actor does not decide at this step; ConflictError when it is not this step's turn or another
 * decision came first; DeadlineError after the step's day, or before the notice is over;
 * QuotaFullError when the city's places are taken; ValidationError for a rejection without a
 * reason or a selection without a mentor.
 */
export async function decideApplication(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  applicationId: number,
  input: Decision,
): Promise<DecisionResult> {
  requireAccess(actor, 'application.decide')
  const now = deps.clock.now()
  const comment = input.comment?.trim() || null
  if (input.decision === 'reject' && !comment) throw new ValidationError('comment: 不通过须写明理由')
  return decisionTransaction(deps.dataSource, async (m) => {
    const qb = m.getRepository(Application).createQueryBuilder('a').where('a.id = :id', { id: applicationId })
    whereApplicationVisible(qb, actor)
    const app = await qb.getOne()
    if (!app) throw new NotFoundError('没有找到这份申请，或你无权查看')
    const rule = stepRule(input.step)
    requireDecider(actor, rule, app)
    const expected = nextStep(app.status)
    if (!expected) throw new ConflictError(`这份申请${STATUS_WORDS[app.status]}，不能再办理${rule.name}`)
    if (expected.step !== rule.step)
      throw new ConflictError(
        `这份申请${STATUS_WORDS[app.status]}：现在应办理${expected.name}（方案${expected.section}），不能办理${rule.name}`,
      )
    const { program } = await cohortOfId(m, app.cohortId)
    requireStepOpen(program, rule, now)

    const change: Partial<Application> = { updatedAt: now }
    if (input.decision === 'reject') change.status = 'rejected'
    else {
      change.status = rule.to
      if (rule.step === 'mentor_selection') {
        change.mentorId = await chosenMentor(m, actor, app, input.mentorId)
        await requirePlace(m, app)
      }
      if (rule.step === 'public_notice') requireNoticeOver(app, now)
    }

    const updated = await m
      .createQueryBuilder()
      .update(Application)
      .set(change)
      .where('id = :id AND status = :from', { id: app.id, from: rule.from })
      .execute()
    if (!updated.affected) throw new ConflictError(`这份申请刚刚已有人办理过${rule.name}，请刷新后查看`)

    await m.insert(ApplicationReview, {
      applicationId: app.id,
      step: rule.step,
      decision: input.decision,
      reviewerId: actor.personId ?? null,
      comment,
      at: now,
    })
    const studentId = change.status === 'announced' ? await enrol(m, { ...app, ...change } as Application) : undefined
    await audit(
      m,
      actor,
      `application.${input.decision}`,
      `application:${app.id}`,
      { step: rule.step, comment, ...(change.mentorId ? { mentorId: change.mentorId } : {}) },
      now,
    )
    return { id: app.id, status: change.status as Application['status'], ...(studentId ? { studentId } : {}) }
  })
}

async function chosenMentor(m: EntityManager, actor: Actor, app: Application, mentorId?: number): Promise<number> {
  const organiser =
    hasRole(actor, 'office') || actor.roles.some((r) => r.role === 'city_staff' && r.cityId === app.cityId)
  if (!organiser) {
    const own = await m.getRepository(Mentor).findOneBy({ personId: actor.personId ?? -1 })
    if (!own) throw new ForbiddenError('导师遴选由高校导师办理（方案九（二）3）')
    if (mentorId !== undefined && mentorId !== own.id) throw new ForbiddenError('导师只能选定由自己指导的学生')
    return own.id
  }
  if (mentorId === undefined) throw new ValidationError('mentorId: 导师遴选须写明由哪位导师指导')
  const mentor = await m.getRepository(Mentor).findOneBy({ id: mentorId })
  if (!mentor) throw new ValidationError('mentorId: 没有这位导师')
  return mentor.id
}

/** One place of the city's quota for this application; the city's row is locked so two selections count one after the other. */
async function requirePlace(m: EntityManager, app: Application): Promise<void> {
  const q = m
    .getRepository(CohortCity)
    .createQueryBuilder('cc')
    .where('cc.cohortId = :cohortId AND cc.cityId = :cityId', { cohortId: app.cohortId, cityId: app.cityId })
  // SQLite runs one transaction at a time (core/data-source.ts); MariaDB needs the row lock.
  if (m.connection.options.type !== 'better-sqlite3') q.setLock('pessimistic_write')
  const place = await q.getOne()
  const city = await m.getRepository(City).findOneByOrFail({ id: app.cityId })
  if (!place) throw new QuotaFullError(`${city.name}不是本期实施城市，没有名额（方案四（二）1）`)
  const taken = await m.getRepository(Application).count({
    where: { cohortId: app.cohortId, cityId: app.cityId, status: In(['selected', 'announced']) },
  })
  if (taken >= place.quota)
    throw new QuotaFullError(`${city.name}的名额已满：本期选拔${place.quota}名（方案四（二）1），已有${taken}名入选`)
}

function requireNoticeOver(app: Application, now: Date): void {
  if (!app.noticeStartsOn || !app.noticeEndsOn)
    throw new ConflictError('入选名单尚未公示：须先公示5个工作日，期满后才能公布（方案九（二）4）')
  if (beijingDate(now) <= app.noticeEndsOn)
    throw new DeadlineError(
      `公示期为${chineseDate(app.noticeStartsOn)}至${chineseDate(app.noticeEndsOn)}，期满后才能公布（方案九（二）4）`,
    )
}

/** The published applicant as a student of the cohort: a new record, or their record from an earlier cycle made active here. */
async function enrol(m: EntityManager, app: Application): Promise<number> {
  const teacher = app.filedById
    ? await m
        .getRepository(PersonRole)
        .findOneBy({ personId: app.filedById, role: 'teacher', schoolId: app.schoolId ?? -1 })
    : null
  const values = {
    cohortId: app.cohortId,
    cityId: app.cityId,
    schoolId: app.schoolId as number,
    grade: app.grade,
    subjectId: app.subjectId,
    mentorId: app.mentorId,
    teacherId: teacher ? teacher.personId : null,
    status: 'active' as const,
    exitedAt: null,
    exitReason: null,
    alumnusSince: null,
  }
  const existing = await m.getRepository(Student).findOneBy({ personId: app.personId })
  if (!(await m.getRepository(PersonRole).existsBy({ personId: app.personId, role: 'student' })))
    await m.insert(PersonRole, { personId: app.personId, role: 'student', cityId: null, schoolId: null })
  if (existing) {
    await m.update(Student, { id: existing.id }, values)
    return existing.id
  }
  const inserted = await m.insert(Student, { personId: app.personId, ...values })
  return Number(inserted.identifiers[0]?.id)
}

/**
 * A transaction for a decision. On MariaDB it reads committed data at each statement (READ
 * COMMITTED), so a decision that waited for the city's lock counts the places taken by the one
 * it waited for, not those of a snapshot from before; SQLite runs one transaction at a time.
 */
function decisionTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return ds.options.type === 'better-sqlite3' ? ds.transaction(work) : ds.transaction('READ COMMITTED', work)
}

import type { DataSource, SelectQueryBuilder } from 'typeorm'
import { Application, type ApplicationStatus } from '../../entities/application.entity'
import { ApplicationReview, type ReviewStep } from '../../entities/application-review.entity'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { School } from '../../entities/school.entity'
import { Subject } from '../../entities/subject.entity'
import type { Actor } from '../actor'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import { builtInProgram } from '../knowledge/program'
import { requireAccess } from '../policies'
import { describeDue } from '../rules/deadlines'
import { whereApplicationVisible } from './application-scope'
import { milestoneDue, nextStep, STATUS_WORDS, stepRule } from './steps'

/** One application as lists show it. */
export interface ApplicationSummary {
  id: number
  cohort: number
  name: string
  city: string
  school: string | null
  grade: string
  subject: string | null
  status: ApplicationStatus
  statusText: string
  priority: boolean
  mentor: string | null
  notice: { startsOn: string; endsOn: string } | null
  /** The step it waits for, with its article and, when the plan dates it, where its day stands. */
  next: { step: ReviewStep; name: string; section: string; due: string | null; dueText: string | null } | null
}

/** One application with its form and every decision taken on it. */
export interface ApplicationDetail extends ApplicationSummary {
  form: Record<string, unknown>
  history: Array<{
    step: ReviewStep
    stepName: string
    decision: string
    comment: string | null
    by: string | null
    at: string
  }>
}

function baseQuery(ds: DataSource, actor: Actor): SelectQueryBuilder<Application> {
  const qb = ds
    .getRepository(Application)
    .createQueryBuilder('a')
    .innerJoin(Person, 'p', 'p.id = a.personId')
    .innerJoin(Cohort, 'c', 'c.id = a.cohortId')
    .innerJoin(City, 'ci', 'ci.id = a.cityId')
    .leftJoin(School, 'sc', 'sc.id = a.schoolId')
    .leftJoin(Subject, 'su', 'su.id = a.subjectId')
    .leftJoin(Mentor, 'me', 'me.id = a.mentorId')
    .leftJoin(Person, 'mp', 'mp.id = me.personId')
    .select(['a.id AS id', 'c.year AS cohort', 'p.displayName AS name', 'ci.name AS city', 'sc.name AS school'])
    .addSelect(['a.grade AS grade', 'su.name AS subject', 'a.status AS status', 'a.priority AS priority'])
    .addSelect(['mp.displayName AS mentor', 'a.noticeStartsOn AS noticeStartsOn', 'a.noticeEndsOn AS noticeEndsOn'])
    .addSelect('a.form', 'form')
  whereApplicationVisible(qb, actor)
  return qb
}

function summary(r: Record<string, unknown>, now: Date): ApplicationSummary {
  const status = r.status as ApplicationStatus
  const cohort = Number(r.cohort)
  const step = nextStep(status)
  const program = builtInProgram(cohort)
  const due = step?.closedBy && program ? (milestoneDue(program, step.closedBy) ?? null) : null
  return {
    id: Number(r.id),
    cohort,
    name: String(r.name),
    city: String(r.city),
    school: (r.school as string | null) ?? null,
    grade: String(r.grade),
    subject: (r.subject as string | null) ?? null,
    status,
    statusText: STATUS_WORDS[status],
    priority: Boolean(Number(r.priority)),
    mentor: (r.mentor as string | null) ?? null,
    notice: r.noticeStartsOn ? { startsOn: String(r.noticeStartsOn), endsOn: String(r.noticeEndsOn) } : null,
    next: step
      ? { step: step.step, name: step.name, section: step.section, due, dueText: due ? describeDue(due, now) : null }
      : null,
  }
}

/** Filters of the list. */
export interface ApplicationFilter {
  cohort?: number
  status?: ApplicationStatus
  cityId?: number
  schoolId?: number
}

/**
 * The applications the actor may read (core/selection/application-scope.ts), oldest first.
 * @throws ForbiddenError for a role that reads none (parents, people without a role).
 */
export async function listApplications(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  filter: ApplicationFilter,
): Promise<ApplicationSummary[]> {
  requireAccess(actor, 'application.read')
  const qb = baseQuery(deps.dataSource, actor)
  if (filter.cohort !== undefined) qb.andWhere('c.year = :year', { year: filter.cohort })
  if (filter.status) qb.andWhere('a.status = :status', { status: filter.status })
  if (filter.cityId !== undefined) qb.andWhere('a.cityId = :fCity', { fCity: filter.cityId })
  if (filter.schoolId !== undefined) qb.andWhere('a.schoolId = :fSchool', { fSchool: filter.schoolId })
  const rows = await qb.orderBy('a.id', 'ASC').limit(5000).getRawMany<Record<string, unknown>>()
  const now = deps.clock.now()
  return rows.map((r) => summary(r, now))
}

/**
 * One application with its form and history.
 * @throws NotFoundError when it does not exist or the actor may not read it (the same answer).
 */
export async function getApplication(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  id: number,
): Promise<ApplicationDetail> {
  requireAccess(actor, 'application.read')
  const row = await baseQuery(deps.dataSource, actor)
    .andWhere('a.id = :id', { id })
    .getRawOne<Record<string, unknown>>()
  if (!row) throw new NotFoundError('没有找到这份申请，或你无权查看')
  const history = await deps.dataSource.getRepository(ApplicationReview).find({
    where: { applicationId: id },
    relations: { reviewer: true },
    order: { id: 'ASC' },
  })
  const form = typeof row.form === 'string' ? (JSON.parse(row.form) as Record<string, unknown>) : {}
  return {
    ...summary(row, deps.clock.now()),
    form,
    history: history.map((h) => ({
      step: h.step,
      stepName: stepRule(h.step).name,
      decision: h.decision,
      comment: h.comment,
      by: h.reviewer?.displayName ?? null,
      at: h.at.toISOString(),
    })),
  }
}

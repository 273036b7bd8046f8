import type { ApplicationStatus } from '../../entities/application.entity'
import type { ReviewStep } from '../../entities/application-review.entity'
import type { Role } from '../../entities/person-role.entity'
import type { Actor } from '../actor'
import { AppError, ForbiddenError } from '../errors'
import type { Program } from '../knowledge/program'
import { beijingDate, chineseDate } from '../time'

/**
 * The selection of 九（二） as a table: each step, the status it starts from and leads to, who
 * takes it, the article, and the cohort milestone that closes it. The plan dates only the
 * school's (九（二）1) and the city's (九（二）2（1）) steps; the others are bound by their order.
 */
export interface StepRule {
  step: ReviewStep
  /** The step's name in the plan's words, for messages. */
  name: string
  section: string
  from: ApplicationStatus
  to: ApplicationStatus
  /** Who may decide: a role, and whether that role acts only for the application's school or city. */
  deciders: Array<{ role: Role; scope?: 'school' | 'city' }>
  /** Who the refusal names as the one to ask. */
  deciderWords: string
  /** The program milestone whose due day is the last day of this step. */
  closedBy?: string
}

/** The five steps, in order. */
export const STEPS: readonly StepRule[] = [
  {
    step: 'school',
    name: '学校推荐',
    section: '九（二）1',
    from: 'submitted',
    to: 'school_recommended',
    deciders: [{ role: 'teacher', scope: 'school' }],
    deciderWords: '申请人所在学校的指导教师',
    closedBy: 'school_submission',
  },
  {
    step: 'city',
    name: '市级审核',
    section: '九（二）2（1）',
    from: 'school_recommended',
    to: 'city_approved',
    deciders: [{ role: 'city_staff', scope: 'city' }],
    deciderWords: '申请人所在市的市级科协',
    closedBy: 'city_review',
  },
  {
    step: 'regional',
    name: '自治区级审核',
    section: '九（二）2（2）',
    from: 'city_approved',
    to: 'candidate',
    deciders: [{ role: 'office' }],
    deciderWords: '管理办公室',
  },
  {
    step: 'mentor_selection',
    name: '导师遴选',
    section: '九（二）3',
    from: 'candidate',
    to: 'selected',
    deciders: [{ role: 'mentor' }, { role: 'city_staff', scope: 'city' }, { role: 'office' }],
    deciderWords: '高校导师（由市级科协在管理办公室指导下组织）',
  },
  {
    step: 'public_notice',
    name: '公示公布',
    section: '九（二）4',
    from: 'selected',
    to: 'announced',
    deciders: [{ role: 'office' }],
    deciderWords: '管理办公室',
  },
]

/** The rule of one step. */
export function stepRule(step: ReviewStep): StepRule {
  return STEPS.find((s) => s.step === step) as StepRule
}

/** The step an application in `status` waits for, if any (none once announced, rejected or withdrawn). */
export function nextStep(status: ApplicationStatus): StepRule | undefined {
  return STEPS.find((s) => s.from === status)
}

/** Chinese words for each status, for lists and messages. */
export const STATUS_WORDS: Record<ApplicationStatus, string> = {
  submitted: '已填报，待学校推荐',
  school_recommended: '学校已推荐，待市级审核',
  city_approved: '市级审核通过，待自治区级审核',
  candidate: '遴选候选人，待导师遴选',
  selected: '导师遴选入选，待公示',
  announced: '已公示公布，入选',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** A step whose time is over, or not yet come (409 `deadline`). */
export class DeadlineError extends AppError {
  constructor(message: string) {
    super('deadline', message, 409)
  }
}

/** A city's places (名额) are all taken (409 `quota_full`). */
export class QuotaFullError extends AppError {
  constructor(message: string) {
    super('quota_full', message, 409)
  }
}

/** An application whose profile fails a hard condition of 四（二） (422 `ineligible`). */
export class IneligibleError extends AppError {
  constructor(message: string) {
    super('ineligible', message, 422)
  }
}

/** The due day of a program milestone, if the program dates it. */
export function milestoneDue(program: Program, key: string): string | undefined {
  return program.milestones.find((m) => m.key === key)?.due
}

/**
 * Refuses work on a step after its milestone's day (Beijing calendar; the due day itself still
 * counts): '市级审核已于2023年10月27日截止（方案九（二）2（1））'.
 * @throws DeadlineError
 */
export function requireStepOpen(
  program: Program,
  rule: Pick<StepRule, 'name' | 'section' | 'closedBy'>,
  now: Date,
): void {
  if (!rule.closedBy) return
  const due = milestoneDue(program, rule.closedBy)
  if (due && beijingDate(now) > due)
    throw new DeadlineError(`${rule.name}已于${chineseDate(due)}截止（方案${rule.section}）`)
}

/** Where the application sits, as far as a decision needs to know. */
export interface ApplicationPlace {
  schoolId: number | null
  cityId: number
}

/**
 * Whether the actor may decide at this step on this application: the right role, and for a
 * school's teacher or a city's staff, this application's school or city.
 * @throws ForbiddenError naming who decides.
 */
export function requireDecider(actor: Actor, rule: StepRule, place: ApplicationPlace): void {
  const allowed = rule.deciders.some((d) =>
    actor.roles.some(
      (r) =>
        r.role === d.role &&
        (d.scope === undefined ||
          (d.scope === 'school' && place.schoolId !== null && r.schoolId === place.schoolId) ||
          (d.scope === 'city' && r.cityId === place.cityId)),
    ),
  )
  if (!allowed) throw new ForbiddenError(`${rule.name}由${rule.deciderWords}办理（方案${rule.section}）`)
}

import type { Role } from '../entities/person-role.entity'
import { type Actor, hasRole } from './actor'
import { ForbiddenError } from './errors'

/**
 * What each role may do, one line per action. The bot's help, its refusals and the core
 * actions all read this table, so the channels can't drift apart. An action missing here is
 * open to everyone (questions, the eligibility check, binding, hand-off).
 */
export const POLICIES = {
  /** Write one's own growth logs (五（三）1). */
  'log.write': ['student'],
  /** Check in one's own campus visits (五（三）1). */
  'activity.write': ['student'],
  /** See one's own progress. */
  'progress.own': ['student'],
  /** See one's own children's progress, and only theirs. */
  'progress.children': ['parent'],
  /** See the progress of the students of one's own school. */
  'progress.school': ['teacher'],
  /** See one's own students' week. */
  'digest.mentor': ['mentor'],
  /** Broadcast an announcement to groups and people. */
  'broadcast.send': ['office'],
  /** Say whom a group is for (its city, role, subject). */
  'group.label': ['office', 'city_staff'],
  /** See open hand-off tickets and answer them. */
  'ticket.manage': ['office'],
  /** Enter a student's 《申请表》 for the school (九（二）1); the office may enter one sent to it. */
  'application.file': ['teacher', 'office'],
  /** Read applications (each role only its own scope: core/selection/application-scope.ts). */
  'application.read': ['teacher', 'city_staff', 'mentor', 'office', 'student'],
  /** Decide at a step of 九（二）; which step and whose applications is core/selection/steps.ts. */
  'application.decide': ['teacher', 'city_staff', 'mentor', 'office'],
  /** Put the selected students up for the public notice (九（二）4). */
  'selection.notice': ['office'],
  /** Set a student's research direction and topic with the mentor (九（四）). */
  'topic.set': ['mentor', 'student'],
  /** Record a research topic as filed (备案) with the office (九（四）). */
  'topic.file': ['office'],
  /** Record a mid-term evaluation (六（一）: the mentor team judges) or an annual one (六（二）: the office). */
  'evaluation.record': ['mentor', 'office'],
  /** Export the evaluation summary of the students one may read. */
  'evaluation.summary': ['teacher', 'city_staff', 'mentor', 'office'],
  /** Mark the students who completed the cycle as former students (英才库, 七). */
  'alumni.mark': ['office'],
  /** Follow former students up and read the 英才库 (七: schools all theirs, universities theirs). */
  'alumni.track': ['teacher', 'city_staff', 'mentor', 'office'],
  /** See the messages the platforms' limits hold back (微信客服's 5 in 48 hours). */
  'delivery.held': ['office'],
  /** Import the roster from Excel: the office any city, city staff their own city's rows only. */
  'roster.import': ['office', 'city_staff'],
  /** Export the roster with progress, as far as student-scope lets the reader see. */
  'roster.export': ['office', 'city_staff', 'teacher'],
  /** Issue and export invite codes: the office all, city staff their city's, a teacher their school's. */
  'invite.issue': ['office', 'city_staff', 'teacher'],
  /** Read the audit log. */
  'audit.read': ['office'],
  /** Work the review queue of questions the assistant was unsure about, and write its answers. */
  'review.manage': ['office'],
} as const satisfies Record<string, readonly Role[]>

/** An action the policies guard. */
export type Action = keyof typeof POLICIES

/** Whether the actor may take the action. */
export function can(actor: Actor, action: Action): boolean {
  return POLICIES[action].some((role: Role) => hasRole(actor, role))
}

/**
 * The first line of every guarded core action.
 * @throws ForbiddenError when the actor may not take the action.
 */
export function requireAccess(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError(`没有权限（${action}）`)
}

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

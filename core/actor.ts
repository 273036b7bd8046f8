import type { DataSource } from 'typeorm'
import { PersonRole, type Role } from '../entities/person-role.entity'

/** A role a person holds, with the city or school it is held for (city staff, guiding teachers). */
export interface RoleScope {
  role: Role
  cityId: number | null
  schoolId: number | null
}

/**
 * Who is acting: the person behind a channel account, or nobody yet (`personId` undefined)
 * when the account is not bound. Every core action takes one and checks it first.
 */
export interface Actor {
  personId?: number
  roles: RoleScope[]
}

/** The actor of an account no one has bound yet. */
export const NOBODY: Actor = { roles: [] }

/** The actor behind an account on a channel (wechat, wecom, miniprogram, terminal), with their roles; NOBODY when unbound. */
export async function resolveActor(ds: DataSource, channel: string, externalId: string): Promise<Actor> {
  // One raw statement for the binding and every role: this runs for each message a channel receives.
  const q = (name: string) => ds.driver.escape(name)
  const rows = (await ds.query(
    `SELECT b.${q('personId')} AS ${q('personId')}, r.${q('role')} AS ${q('role')}, r.${q('cityId')} AS ${q('cityId')}, r.${q('schoolId')} AS ${q('schoolId')} ` +
      `FROM ${q('identity_binding')} b LEFT JOIN ${q('person_role')} r ON r.${q('personId')} = b.${q('personId')} ` +
      `WHERE b.${q('channel')} = ? AND b.${q('externalId')} = ? ORDER BY r.${q('id')}`,
    [channel, externalId],
  )) as Array<{ personId: number; role: Role | null; cityId: number | null; schoolId: number | null }>
  const first = rows[0]
  if (!first) return NOBODY
  const roles = rows
    .filter((r) => r.role !== null)
    .map((r) => ({
      role: r.role as Role,
      cityId: r.cityId == null ? null : Number(r.cityId),
      schoolId: r.schoolId == null ? null : Number(r.schoolId),
    }))
  return { personId: Number(first.personId), roles }
}

/** The actor for a person known by id. */
export async function actorOfPerson(ds: DataSource, personId: number): Promise<Actor> {
  const roles = await ds.getRepository(PersonRole).find({ where: { personId }, order: { id: 'ASC' } })
  return { personId, roles: roles.map((r) => ({ role: r.role, cityId: r.cityId, schoolId: r.schoolId })) }
}

/** Whether the actor holds a role. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((r) => r.role === role)
}

/** The schools (teacher) or cities (city staff) a role of the actor is held for: the scope of that role. */
export function scopeIds(actor: Actor, role: Role, key: 'schoolId' | 'cityId'): number[] {
  return actor.roles.filter((r) => r.role === role && r[key] !== null).map((r) => Number(r[key]))
}

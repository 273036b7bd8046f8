import type { DataSource } from 'typeorm'
import type { Clock } from '../../core/clock'
import { City } from '../../entities/city.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole, type Role } from '../../entities/person-role.entity'
import { School } from '../../entities/school.entity'
import { postJson } from './server'

/** A clock a test moves by hand. */
export interface MovableClock extends Clock {
  set(at: string): void
}

/** A clock that answers `at` until set again. */
export function movableClock(at: string): MovableClock {
  let now = new Date(at)
  return {
    now: () => new Date(now.getTime()),
    set(next: string) {
      now = new Date(next)
    },
  }
}

/** Adds a person with one role (scoped to a city or school), bound on the terminal channel to `handle` so dev-login signs them in. */
export async function addPerson(
  ds: DataSource,
  handle: string,
  role: Role,
  scope: { cityId?: number; schoolId?: number } = {},
): Promise<number> {
  const at = new Date('2023-09-01T00:00:00Z')
  const person = await ds.getRepository(Person).save({ displayName: handle, phone: null, createdAt: at })
  await ds.getRepository(PersonRole).insert({
    personId: person.id,
    role,
    cityId: scope.cityId ?? null,
    schoolId: scope.schoolId ?? null,
  })
  await ds
    .getRepository(IdentityBinding)
    .insert({ personId: person.id, channel: 'terminal', externalId: handle, boundAt: at })
  return person.id
}

/** The id of a city by its full name (南宁市). */
export async function cityId(ds: DataSource, name: string): Promise<number> {
  return (await ds.getRepository(City).findOneByOrFail({ name })).id
}

/** The school a demo teacher teaches at. */
export async function schoolOfTeacher(ds: DataSource, handle: string): Promise<School> {
  const binding = await ds.getRepository(IdentityBinding).findOneByOrFail({ channel: 'terminal', externalId: handle })
  const role = await ds.getRepository(PersonRole).findOneByOrFail({ personId: binding.personId, role: 'teacher' })
  return ds.getRepository(School).findOneByOrFail({ id: role.schoolId as number })
}

/** A session token for a terminal handle through dev-login. */
export async function tokenOf(base: string, handle: string): Promise<string> {
  const r = await postJson(base, '/api/v1/auth/dev-login', { handle })
  if (r.status !== 200) throw new Error(`dev-login ${handle}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.token
}

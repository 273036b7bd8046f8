import type { DataSource } from 'typeorm'
import { Group, type GroupKind } from '../../entities/group.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { type Audience, describeAudience, readAudience } from './audience'

/** A group as a channel knows it: its kind and stable id (never its name, which members can change). */
export interface GroupAddress {
  kind: GroupKind
  externalId: string
  name?: string
}

/**
 * Notes that the bot saw a message in a group: the group becomes known by its stable id (a new
 * row), its latest name and the time are kept. Returns the group's row id.
 */
export async function noteGroupSeen(ds: DataSource, clock: Clock, group: GroupAddress): Promise<number> {
  const repo = ds.getRepository(Group)
  const now = clock.now()
  const name = (group.name ?? '').slice(0, 100)
  const known = await repo.findOneBy({ kind: group.kind, externalId: group.externalId })
  if (known) {
    await repo.update({ id: known.id }, { seenAt: now, ...(name ? { name } : {}) })
    return known.id
  }
  try {
    const row = await repo.save(
      repo.create({
        kind: group.kind,
        externalId: group.externalId,
        name,
        cohortId: null,
        cityId: null,
        audience: null,
        subjectId: null,
        seenAt: now,
      }),
    )
    return row.id
  } catch (error) {
    // Another instance saw the same group at the same moment: its row is ours too.
    const row = await repo.findOneBy({ kind: group.kind, externalId: group.externalId })
    if (row) return row.id
    throw error
  }
}

/**
 * Says whom a group is for (`本群设置 南宁 家长`): it then belongs to the cohort and receives
 * the broadcasts meant for its city, role or subject. Audited.
 * @throws ForbiddenError unless the actor is office or city staff; ValidationError when the
 * words name no city, role or subject of the cohort.
 */
export async function labelGroup(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { group: GroupAddress; cohortId: number; words: string },
): Promise<Audience> {
  requireAccess(actor, 'group.label')
  const audience = await readAudience(deps.dataSource, input.cohortId, input.words)
  if (!audience) throw new ValidationError('words: no city, role or subject')
  const ownCity = actor.roles.find((r) => r.role === 'city_staff')?.cityId
  const office = actor.roles.some((r) => r.role === 'office')
  if (!office && ownCity != null && audience.city?.id !== ownCity) {
    throw new ValidationError('words: city staff label groups of their own city')
  }
  const id = await noteGroupSeen(deps.dataSource, deps.clock, input.group)
  await deps.dataSource.transaction(async (m) => {
    await m.update(
      Group,
      { id },
      {
        cohortId: input.cohortId,
        cityId: audience.city?.id ?? null,
        audience: audience.role ?? null,
        subjectId: audience.subject?.id ?? null,
      },
    )
    await audit(m, actor, 'group.label', `group:${id}`, { audience: describeAudience(audience) }, deps.clock.now())
  })
  return audience
}

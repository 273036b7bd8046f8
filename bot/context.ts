import { Cohort } from '../entities/cohort.entity'
import type { GroupKind } from '../entities/group.entity'
import { NotFoundError } from '../core/errors'
import type { BotChannel, TurnContext } from './types'

const cohortIds = new WeakMap<object, Map<number, number>>()

/** The database id of the conversation's cohort (a cohort row never changes id, so it is remembered per database). */
export async function cohortIdOf(ctx: TurnContext): Promise<number> {
  const year = ctx.program.cohort
  const ds = ctx.deps.dataSource
  const ids = cohortIds.get(ds) ?? new Map<number, number>()
  cohortIds.set(ds, ids)
  const known = ids.get(year)
  if (known !== undefined) return known
  const cohort = await ds.getRepository(Cohort).findOneBy({ year })
  if (!cohort) throw new NotFoundError(`没有 ${year} 年度的培养计划`)
  ids.set(year, cohort.id)
  return cohort.id
}

/** The kind of group a channel's group chats are. */
export function groupKindOf(channel: BotChannel): GroupKind {
  return channel === 'wecom' ? 'wecom_chat' : 'room'
}

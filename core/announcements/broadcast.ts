import type { DataSource } from 'typeorm'
import { Announcement } from '../../entities/announcement.entity'
import { Group } from '../../entities/group.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { Mentor } from '../../entities/mentor.entity'
import { OutboxMessage } from '../../entities/outbox-message.entity'
import type { Role } from '../../entities/person-role.entity'
import { Student } from '../../entities/student.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ValidationError } from '../errors'
import type { Audience } from '../groups/audience'
import { describeAudience } from '../groups/audience'
import { addressesOf } from '../people/addresses'
import { requireAccess } from '../policies'

/** The longest announcement text, so that it fits every channel's message after splitting. */
export const MAX_ANNOUNCEMENT_CHARS = 1000

/** Whom a broadcast reaches: the groups labelled for its audience and the people in it. */
export interface BroadcastReach {
  groups: Array<{ id: number; kind: Group['kind']; externalId: string }>
  people: number[]
}

/** How each kind of group is sent to (the delivery issue's senders). */
const GROUP_CHANNELS: Record<Group['kind'], string> = {
  room: 'wechat_room',
  wecom_chat: 'wecom_chat',
  webhook: 'wecom_webhook',
  wecom_appchat: 'wecom_appchat',
}

/**
 * The groups and people an audience of a cohort reaches. Groups: those labelled for the cohort
 * whose city, role and subject fit. People: the cohort's active students (exited students get
 * nothing) and their parents, guiding teachers and mentors, narrowed by the audience's city,
 * subject and role. Set-based: a handful of queries whatever the cohort's size.
 */
export async function reachOf(ds: DataSource, cohortId: number, audience: Audience): Promise<BroadcastReach> {
  const groupQuery = ds.getRepository(Group).createQueryBuilder('g').where('g.cohortId = :cohortId', { cohortId })
  if (audience.city) groupQuery.andWhere('g.cityId = :cityId', { cityId: audience.city.id })
  if (audience.role) groupQuery.andWhere('g.audience = :role', { role: audience.role })
  if (audience.subject) groupQuery.andWhere('g.subjectId = :subjectId', { subjectId: audience.subject.id })
  const groups = (await groupQuery.orderBy('g.id').getMany()).map((g) => ({
    id: g.id,
    kind: g.kind,
    externalId: g.externalId,
  }))
  return { groups, people: await peopleReached(ds, cohortId, audience) }
}

/**
 * The people an audience of a cohort reaches (reachOf's people, without its groups): active
 * students and their parents, guiding teachers and mentors, narrowed by city, subject and role.
 */
export async function peopleReached(ds: DataSource, cohortId: number, audience: Audience): Promise<number[]> {
  const students = ds
    .getRepository(Student)
    .createQueryBuilder('s')
    .where('s.cohortId = :cohortId AND s.status = :active', { cohortId, active: 'active' })
  if (audience.city) students.andWhere('s.cityId = :cityId', { cityId: audience.city.id })
  if (audience.subject) students.andWhere('s.subjectId = :subjectId', { subjectId: audience.subject.id })

  const wanted = (role: Role) => audience.all || !audience.role || audience.role === role
  const sets: Promise<Array<{ personId: number | string | null }>>[] = []
  if (wanted('student')) sets.push(students.clone().select('s.personId', 'personId').getRawMany())
  if (wanted('teacher')) sets.push(students.clone().select('s.teacherId', 'personId').getRawMany())
  if (wanted('parent')) {
    sets.push(
      students
        .clone()
        .innerJoin(Guardianship, 'gd', 'gd.studentId = s.id')
        .select('gd.parentId', 'personId')
        .getRawMany(),
    )
  }
  if (wanted('mentor')) {
    sets.push(
      students.clone().innerJoin(Mentor, 'm', 'm.id = s.mentorId').select('m.personId', 'personId').getRawMany(),
    )
  }
  const people = new Set<number>()
  for (const rows of await Promise.all(sets)) {
    for (const r of rows) if (r.personId != null) people.add(Number(r.personId))
  }
  return [...people].sort((a, b) => a - b)
}

/**
 * Records a confirmed broadcast: the announcement, and one pending outbox message per group and
 * per person it reaches (a person no channel reaches gets a row on channel `unreached`, so the
 * office sees them listed, never silently skipped). One transaction; audited.
 * @throws ForbiddenError unless the actor is office staff; ValidationError for an empty or too long text.
 */
export async function queueBroadcast(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { cohortId: number; audience: Audience; text: string },
): Promise<{ announcementId: number; groups: number; people: number }> {
  requireAccess(actor, 'broadcast.send')
  const text = input.text.trim()
  if (!text) throw new ValidationError('text: required')
  if ([...text].length > MAX_ANNOUNCEMENT_CHARS)
    throw new ValidationError(`text: at most ${MAX_ANNOUNCEMENT_CHARS} characters`)
  const now = deps.clock.now()
  const reach = await reachOf(deps.dataSource, input.cohortId, input.audience)
  const addresses = await addressesOf(deps.dataSource, reach.people)
  return deps.dataSource.transaction(async (m) => {
    const announcement = await m.save(
      m.create(Announcement, {
        cohortId: input.cohortId,
        authorId: actor.personId ?? null,
        title: [...text].slice(0, 30).join(''),
        body: text,
        audience: input.audience.role ? [input.audience.role] : [],
        cityId: input.audience.city?.id ?? null,
        subjectId: input.audience.subject?.id ?? null,
        status: 'sent',
        createdAt: now,
        sentAt: now,
      }),
    )
    const payload = JSON.stringify({ text: `【八桂英才计划通知】${text}`, announcementId: announcement.id })
    const row = (channel: string, recipient: string, key: string) => ({
      channel,
      recipient,
      payload,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      idempotencyKey: `announcement:${announcement.id}:${key}`,
      lockedBy: null,
      lockedAt: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    })
    const rows = [
      ...reach.groups.map((g) => row(GROUP_CHANNELS[g.kind], g.externalId, `group:${g.id}`)),
      ...reach.people.map((p) => {
        const address = addresses.get(p)
        return row(address?.channel ?? 'unreached', address?.recipient ?? `person:${p}`, `person:${p}`)
      }),
    ]
    for (let i = 0; i < rows.length; i += 200) await m.insert(OutboxMessage, rows.slice(i, i + 200))
    await audit(
      m,
      actor,
      'announcement.send',
      `announcement:${announcement.id}`,
      { audience: describeAudience(input.audience), groups: reach.groups.length, people: reach.people.length },
      now,
    )
    return { announcementId: announcement.id, groups: reach.groups.length, people: reach.people.length }
  })
}

import type { DataSource } from 'typeorm'
import { ResearchTopic } from '../../entities/research-topic.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'
import { requireAccess } from '../policies'
import { DeadlineError } from '../selection/steps'
import { beijingDate, chineseDate, chineseMonth, lastDayOfMonth } from '../time'
import { STUDENT_STATUS_WORDS, studentRecord } from './student-record'

/** A research topic as the API shows it. */
export interface TopicView {
  direction: string
  title: string
  filedOn: string | null
  /** When it was first set. */
  setAt: string
}

const SECTION = '九（四）'

function view(t: ResearchTopic): TopicView {
  return {
    direction: t.direction,
    title: t.title,
    filedOn: t.filedAt ? beijingDate(t.filedAt) : null,
    setAt: t.createdAt.toISOString(),
  }
}

/**
 * The research topic of a student the actor may read, or null when none is set yet.
 * @throws NotFoundError when the student is not theirs to read.
 */
export async function getResearchTopic(deps: { dataSource: DataSource }, actor: Actor, personId: number) {
  const { student } = await studentRecord(deps.dataSource, actor, personId)
  const topic = await deps.dataSource.getRepository(ResearchTopic).findOneBy({ studentId: student.id })
  return topic ? view(topic) : null
}

/**
 * Sets (or changes, until it is filed) a student's research direction and topic — chosen by
 * the mentor and the student together (九（四）), so either of them may write it.
 * @throws ForbiddenError for anyone else; NotFoundError for a student not theirs to read;
 * ConflictError once filed, or for a student no longer in training.
 */
export async function setResearchTopic(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  personId: number,
  input: { direction: string; title: string },
): Promise<TopicView> {
  requireAccess(actor, 'topic.set')
  const { student, isOwnMentor } = await studentRecord(deps.dataSource, actor, personId)
  if (!isOwnMentor && student.personId !== actor.personId)
    throw new ForbiddenError(`研究方向和选题由导师与学生共同确定（方案${SECTION}）`)
  if (student.status !== 'active') throw new ConflictError(`该学员${STUDENT_STATUS_WORDS[student.status]}`)
  const now = deps.clock.now()
  return deps.dataSource.transaction(async (m) => {
    const existing = await m.getRepository(ResearchTopic).findOneBy({ studentId: student.id })
    if (existing?.filedAt)
      throw new ConflictError('研究方向和选题已报管理办公室备案，不能再改；如需调整请联系管理办公室')
    const values = {
      direction: input.direction,
      title: input.title,
      mentorId: student.mentorId,
      subjectId: student.subjectId,
    }
    if (existing) await m.update(ResearchTopic, { id: existing.id }, values)
    else await m.insert(ResearchTopic, { studentId: student.id, filedAt: null, createdAt: now, ...values })
    await audit(m, actor, 'topic.set', `student:${student.id}`, { direction: input.direction, title: input.title }, now)
    return view(await m.getRepository(ResearchTopic).findOneByOrFail({ studentId: student.id }))
  })
}

/**
 * Records the office's filing (备案) of a student's direction and topic, which the plan puts in
 * December of the first year (九（四）, the cohort's `research_direction` milestone): before
 * that month and after it the filing is refused with the month or the day it closed.
 * @throws ForbiddenError for anyone but the office; NotFoundError when no topic is set;
 * ConflictError when already filed; DeadlineError outside the month.
 */
export async function fileResearchTopic(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  personId: number,
): Promise<TopicView> {
  requireAccess(actor, 'topic.file')
  const { student, program } = await studentRecord(deps.dataSource, actor, personId)
  const now = deps.clock.now()
  const milestone = program.milestones.find((m) => m.key === 'research_direction')
  if (milestone) {
    const month = milestone.month ?? milestone.due.slice(0, 7)
    const today = beijingDate(now)
    if (today.slice(0, 7) < month)
      throw new DeadlineError(
        `研究方向和选题在${chineseMonth(month)}内报管理办公室备案（方案${SECTION}），现在还不到备案的时候`,
      )
    if (today > (milestone.month ? lastDayOfMonth(month) : milestone.due))
      throw new DeadlineError(`研究方向和选题备案已于${chineseDate(milestone.due)}截止（方案${SECTION}）`)
  }
  return deps.dataSource.transaction(async (m) => {
    const topic = await m.getRepository(ResearchTopic).findOneBy({ studentId: student.id })
    if (!topic) throw new NotFoundError('导师和学生还没有确定研究方向和选题')
    const filed = await m
      .createQueryBuilder()
      .update(ResearchTopic)
      .set({ filedAt: now })
      .where('id = :id AND filedAt IS NULL', { id: topic.id })
      .execute()
    if (!filed.affected) throw new ConflictError('这个研究方向和选题已经备案过了')
    await audit(m, actor, 'topic.file', `student:${student.id}`, { title: topic.title }, now)
    return view({ ...topic, filedAt: now })
  })
}

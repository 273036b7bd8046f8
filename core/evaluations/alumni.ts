import { type DataSource, In } from 'typeorm'
import { AlumnusNote } from '../../entities/alumnus-note.entity'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { Evaluation } from '../../entities/evaluation.entity'
import { Person } from '../../entities/person.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { whereStudentVisible } from '../access/student-scope'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError } from '../errors'
import { requireAccess } from '../policies'
import { cohortOfYear } from '../selection/cohort-of'
import { DeadlineError } from '../selection/steps'
import { beijingDate, chineseMonth, lastDayOfMonth } from '../time'
import { studentRecord } from './student-record'

/**
 * Moves the students of a cohort who completed the cycle — in training to its end and through
 * the annual evaluation (六（二）) — into the 英才库 of former students (七), once the training
 * cycle (五（一）) is over. One set-based update; those still without an annual result stay
 * in training and are counted as `pending`.
 * @throws ForbiddenError for anyone but the office; DeadlineError before the cycle's end.
 */
export async function markAlumni(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  year: number,
): Promise<{ cohort: number; marked: number; pending: number }> {
  requireAccess(actor, 'alumni.mark')
  const now = deps.clock.now()
  return deps.dataSource.transaction(async (m) => {
    const { cohort, program } = await cohortOfYear(m, year)
    if (beijingDate(now) <= lastDayOfMonth(program.training.end))
      throw new DeadlineError(
        `培养周期到${chineseMonth(program.training.end)}结束（方案${program.training.section}），结束后才能转入英才库`,
      )
    const completed = m
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .select('e.studentId')
      .where("e.kind = 'annual' AND e.result <> 'fail'")
    const result = await m
      .createQueryBuilder()
      .update(Student)
      .set({ status: 'alumnus', alumnusSince: now })
      .where(`cohortId = :cohortId AND status = 'active' AND id IN (${completed.getQuery()})`, { cohortId: cohort.id })
      .execute()
    const pending = await m.getRepository(Student).countBy({ cohortId: cohort.id, status: 'active' })
    const marked = result.affected ?? 0
    await audit(m, actor, 'alumni.mark', `cohort:${cohort.year}`, { marked, pending }, now)
    return { cohort: cohort.year, marked, pending }
  })
}

/** One former student in the 英才库, with the latest follow-up. */
export interface AlumnusEntry {
  id: string
  name: string
  cohort: number
  city: string
  school: string
  alumnusSince: string | null
  latest: { whereabouts: string | null; major: string | null; note: string | null; on: string } | null
}

/**
 * The former students the actor may read (the student rule: a school its own, a mentor theirs,
 * city staff their city, the office all), each with their latest follow-up; one query.
 * @throws ForbiddenError for students and parents.
 */
export async function listAlumni(
  deps: { dataSource: DataSource },
  actor: Actor,
  filter: { cohort?: number },
): Promise<AlumnusEntry[]> {
  requireAccess(actor, 'alumni.track')
  const qb = deps.dataSource
    .getRepository(Student)
    .createQueryBuilder('s')
    .innerJoin(Person, 'p', 'p.id = s.personId')
    .innerJoin(Cohort, 'c', 'c.id = s.cohortId')
    .innerJoin(City, 'ci', 'ci.id = s.cityId')
    .innerJoin(School, 'sc', 'sc.id = s.schoolId')
    .leftJoin(AlumnusNote, 'n', 'n.id = (SELECT MAX(n2.id) FROM alumnus_note n2 WHERE n2.studentId = s.id)')
    .select(['s.personId AS id', 'p.displayName AS name', 'c.year AS cohort', 'ci.name AS city', 'sc.name AS school'])
    .addSelect(['n.whereabouts AS whereabouts', 'n.major AS major', 'n.note AS note', 'n.id AS noteId'])
    .where("s.status = 'alumnus'")
  whereStudentVisible(qb, actor)
  if (filter.cohort !== undefined) qb.andWhere('c.year = :year', { year: filter.cohort })
  const rows = await qb.orderBy('c.year', 'DESC').addOrderBy('s.id', 'ASC').getRawMany<Record<string, unknown>>()
  // Instants are read through the entities (the drivers return datetime columns differently).
  const personIds = rows.map((r) => Number(r.id))
  const noteIds = rows.filter((r) => r.noteId).map((r) => Number(r.noteId))
  const [students, notes] = await Promise.all([
    personIds.length ? deps.dataSource.getRepository(Student).findBy({ personId: In(personIds) }) : [],
    noteIds.length ? deps.dataSource.getRepository(AlumnusNote).findBy({ id: In(noteIds) }) : [],
  ])
  return rows.map((r) => {
    const since = students.find((s) => s.personId === Number(r.id))?.alumnusSince
    const note = notes.find((n) => n.id === Number(r.noteId))
    return {
      id: String(r.id),
      name: String(r.name),
      cohort: Number(r.cohort),
      city: String(r.city),
      school: String(r.school),
      alumnusSince: since ? beijingDate(since) : null,
      latest: note
        ? { whereabouts: note.whereabouts, major: note.major, note: note.note, on: beijingDate(note.at) }
        : null,
    }
  })
}

/**
 * Adds a follow-up entry for a former student (七): where they are, what they study, a note.
 * @throws ForbiddenError for students and parents; NotFoundError for a student not theirs to
 * read; ConflictError for a student not in the 英才库.
 */
export async function addAlumnusNote(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  personId: number,
  input: { whereabouts?: string; major?: string; note?: string },
): Promise<{ id: number }> {
  requireAccess(actor, 'alumni.track')
  const { student } = await studentRecord(deps.dataSource, actor, personId)
  if (student.status !== 'alumnus') throw new ConflictError('只有转入英才库的往届学生才记录跟踪情况（方案七）')
  const now = deps.clock.now()
  return deps.dataSource.transaction(async (m) => {
    const inserted = await m.insert(AlumnusNote, {
      studentId: student.id,
      whereabouts: input.whereabouts ?? null,
      major: input.major ?? null,
      note: input.note ?? null,
      authorId: actor.personId ?? null,
      at: now,
    })
    await audit(m, actor, 'alumni.note', `student:${student.id}`, { whereabouts: input.whereabouts ?? null }, now)
    return { id: Number(inserted.identifiers[0]?.id) }
  })
}

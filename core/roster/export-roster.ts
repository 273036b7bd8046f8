import type { DataSource } from 'typeorm'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { District } from '../../entities/district.entity'
import { Evaluation } from '../../entities/evaluation.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { Subject } from '../../entities/subject.entity'
import { whereStudentVisible } from '../access/student-scope'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import { builtInProgram } from '../knowledge/program'
import { progressOf } from '../logs/progress'
import type { StudentRef } from '../people/students'
import { requireAccess } from '../policies'
import { ROSTER_COLUMNS } from './columns'
import { buildWorkbook } from './workbook'

const STATUS = { active: '在培', exited: '已退出', alumnus: '英才库' } as const
const RESULT = { excellent: '优秀', pass: '合格', fail: '不合格' } as const

/**
 * The roster of a cohort with each student's progress so far, as an .xlsx workbook: the roster's
 * own columns (so the file can be corrected and imported again), then 状态, campus visits against
 * the required number, growth logs, visits still lacking a log, and the mid-term and annual
 * evaluations. Only the students the reader may see (core/access/student-scope.ts), read in a
 * fixed number of set-based queries whatever their number. The export is in the audit log.
 * @throws ForbiddenError for a role that exports nothing; NotFoundError for an unknown cohort.
 */
export async function exportRoster(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  cohortYear: number,
): Promise<{ file: Buffer; rows: number }> {
  requireAccess(actor, 'roster.export')
  const ds = deps.dataSource
  const program = builtInProgram(cohortYear)
  const cohort = await ds.getRepository(Cohort).findOneBy({ year: cohortYear })
  if (!cohort || !program) throw new NotFoundError(`没有 ${cohortYear} 年度的培养计划`)

  const students = ds
    .getRepository(Student)
    .createQueryBuilder('s')
    .innerJoin(Person, 'p', 'p.id = s.personId')
    .innerJoin(School, 'sc', 'sc.id = s.schoolId')
    .innerJoin(City, 'ci', 'ci.id = s.cityId')
    .leftJoin(District, 'd', 'd.id = sc.districtId')
    .leftJoin(Subject, 'su', 'su.id = s.subjectId')
    .leftJoin(Mentor, 'mt', 'mt.id = s.mentorId')
    .leftJoin(Person, 'mp', 'mp.id = mt.personId')
    .leftJoin(Person, 'tp', 'tp.id = s.teacherId')
    .select([
      's.id AS studentId',
      's.personId AS personId',
      'p.displayName AS name',
      'p.phone AS phone',
      's.status AS status',
    ])
    .addSelect(['s.grade AS grade', 'ci.name AS city', 'd.name AS district', 'sc.name AS school', 'su.name AS subject'])
    .addSelect(['mp.displayName AS mentor', 'tp.displayName AS teacher', 'tp.phone AS teacherPhone'])
    .where('s.cohortId = :cohortId', { cohortId: cohort.id })
    .orderBy('ci.name', 'ASC')
    .addOrderBy('sc.name', 'ASC')
    .addOrderBy('s.id', 'ASC')
  whereStudentVisible(students, actor)
  const rows = await students.getRawMany<Record<string, string | number | null>>()

  const guardians = ds
    .getRepository(Guardianship)
    .createQueryBuilder('g')
    .innerJoin(Student, 's', 's.id = g.studentId')
    .innerJoin(Person, 'gp', 'gp.id = g.parentId')
    .select(['g.studentId AS studentId', 'gp.displayName AS name', 'gp.phone AS phone', 'g.relation AS relation'])
    .where('s.cohortId = :cohortId', { cohortId: cohort.id })
    .orderBy('g.id', 'ASC')
  whereStudentVisible(guardians, actor)
  const parentOf = new Map<number, { name: string; phone: string | null; relation: string | null }>()
  for (const g of await guardians.getRawMany<{
    studentId: number
    name: string
    phone: string | null
    relation: string | null
  }>()) {
    if (!parentOf.has(Number(g.studentId))) parentOf.set(Number(g.studentId), g)
  }

  const evaluations = ds
    .getRepository(Evaluation)
    .createQueryBuilder('e')
    .innerJoin(Student, 's', 's.id = e.studentId')
    .select(['e.studentId AS studentId', 'e.kind AS kind', 'e.result AS result'])
    .where('s.cohortId = :cohortId', { cohortId: cohort.id })
  whereStudentVisible(evaluations, actor)
  const evaluationOf = new Map<string, string>()
  for (const e of await evaluations.getRawMany<{ studentId: number; kind: string; result: keyof typeof RESULT }>()) {
    evaluationOf.set(`${Number(e.studentId)}|${e.kind}`, RESULT[e.result] ?? e.result)
  }

  const refs: StudentRef[] = rows.map((r) => ({
    studentId: Number(r.studentId),
    personId: Number(r.personId),
    name: String(r.name),
    cohortYear,
    cohortId: cohort.id,
    status: r.status as StudentRef['status'],
  }))
  const progress = new Map((await progressOf(ds, program, refs)).map((p) => [p.student.studentId, p]))

  const headers = [
    ...ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'school' ? 24 : 12 })),
    { header: '学员编号', width: 10 },
    { header: '状态', width: 8 },
    { header: '进校活动', width: 10 },
    { header: '成长日志', width: 10 },
    { header: '缺日志的活动', width: 12 },
    { header: '中期评价', width: 10 },
    { header: '年度评价', width: 10 },
  ]
  const lines = rows.map((r) => {
    const id = Number(r.studentId)
    const parent = parentOf.get(id)
    const p = progress.get(id)
    const byKey: Record<string, string | null> = {
      name: String(r.name),
      grade: String(r.grade),
      city: String(r.city),
      district: (r.district as string | null) ?? '',
      school: String(r.school),
      subject: (r.subject as string | null) ?? '',
      mentor: (r.mentor as string | null) ?? '',
      teacher: (r.teacher as string | null) ?? '',
      teacherPhone: (r.teacherPhone as string | null) ?? '',
      parent: parent?.name ?? '',
      parentPhone: parent?.phone ?? '',
      relation: parent?.relation ?? '',
      studentPhone: (r.phone as string | null) ?? '',
    }
    return [
      ...ROSTER_COLUMNS.map((c) => byKey[c.key] ?? ''),
      String(r.personId),
      STATUS[r.status as keyof typeof STATUS] ?? String(r.status),
      `${p?.activities ?? 0}/${p?.required ?? program.training.requiredVisits}`,
      p?.logs ?? 0,
      p?.withoutLog.length ?? 0,
      evaluationOf.get(`${id}|midterm`) ?? '',
      evaluationOf.get(`${id}|annual`) ?? '',
    ]
  })
  const file = await buildWorkbook(`${cohortYear}名册`, headers, lines)
  await ds.transaction((m) =>
    audit(m, actor, 'roster.export', `cohort:${cohortYear}`, { rows: lines.length }, deps.clock.now()),
  )
  return { file, rows: lines.length }
}

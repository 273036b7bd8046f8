import { type DataSource, type EntityManager, In } from 'typeorm'
import { z } from 'zod'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { CohortCity } from '../../entities/cohort-city.entity'
import { District } from '../../entities/district.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole } from '../../entities/person-role.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { Subject } from '../../entities/subject.entity'
import { type Actor, hasRole } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { AppError, ConflictError, isUniqueViolation, NotFoundError } from '../errors'
import { requireAccess } from '../policies'
import { insertMany, insertReturningIds, slices } from './bulk-insert'
import { columnOfHeader, headerOf, MAX_ROSTER_ROWS, ROSTER_COLUMNS, type RosterKey } from './columns'
import { BadWorkbookError, readFirstSheet } from './workbook'

/** One problem of an uploaded roster: its sheet row, the column's header, and what is wrong, in Chinese. */
export interface RosterProblem {
  row: number
  column: string
  message: string
}

/** How many problems an answer lists; the count says how many more there are. */
const LISTED = 50

/** A roster with problems: nothing imported (400 `roster_invalid`); `details` lists them by row and column. */
export class RosterInvalidError extends AppError {
  readonly details: RosterProblem[]

  constructor(problems: RosterProblem[]) {
    const shown = problems.slice(0, LISTED).map((p) => `第 ${p.row} 行「${p.column}」：${p.message}`)
    const more = problems.length > LISTED ? `；另有 ${problems.length - LISTED} 处` : ''
    super('roster_invalid', `名册有 ${problems.length} 处问题，未导入任何一行：${shown.join('；')}${more}`, 400)
    this.details = problems.slice(0, LISTED)
  }
}

/** What an import did. */
export interface RosterImportResult {
  cohort: number
  rows: number
  created: number
  updated: number
  unchanged: number
  schoolsCreated: number
  parentsCreated: number
  teachersCreated: number
}

const NAME = /^[\u3400-\u9fff·•A-Za-z ]+$/
const nameField = z
  .string()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名最多 20 个字')
  .regex(NAME, '姓名只能由汉字、字母和间隔号组成')
const phoneField = z
  .string()
  .transform((s) => s.replace(/[\s\-－()（）]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '须为 11 位手机号，例如 13812345678'))
const GRADES: Record<string, string> = {
  高一: '高一',
  高二: '高二',
  高1: '高一',
  高2: '高二',
  高中一年级: '高一',
  高中二年级: '高二',
}

/** One row's cells as zod checks them (formats only; cities, schools, subjects and mentors are looked up after). */
const rowSchema = z
  .object({
    name: nameField,
    grade: z
      .string()
      .transform((g) => GRADES[g.replace(/\s/g, '')] ?? g)
      .pipe(z.enum(['高一', '高二'], { error: '须为 高一 或 高二（四（二）1）' })),
    city: z.string().max(32, '太长'),
    district: z.string().max(64, '太长').optional(),
    school: z.string().min(2, '学校名称太短').max(100, '学校名称最多 100 个字'),
    subject: z.string().max(32, '太长'),
    mentor: nameField.optional(),
    teacher: nameField.optional(),
    teacherPhone: phoneField.optional(),
    parent: nameField,
    parentPhone: phoneField,
    relation: z.string().max(16, '最多 16 个字').optional(),
    studentPhone: phoneField.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.teacherPhone && !row.teacher)
      ctx.addIssue({ code: 'custom', path: ['teacher'], message: '填了教师手机，须同时填指导教师姓名' })
  })
type RowInput = z.infer<typeof rowSchema>

/** A row checked and resolved to the database's ids. */
interface ResolvedRow extends RowInput {
  rowNumber: number
  cityId: number
  districtId: number | null
  subjectId: number
  mentorId: number | null
}

/** What the database holds for the names a roster uses, read once per import. */
interface References {
  cities: City[]
  cohortCities: Set<number>
  districts: District[]
  subjects: Subject[]
  mentorsByName: Map<string, number[]>
}

const SUBJECT_WORDS: Record<string, string> = {
  生物学: '生物',
  信息: '计算机',
  信息学: '计算机',
  信息技术: '计算机',
  计算机科学: '计算机',
}
const DIVISION_SUFFIX =
  /(各族自治县|苗族自治县|侗族自治县|瑶族自治县|仫佬族自治县|毛南族自治县|壮族自治县|自治县|区|县|市)$/

/**
 * Imports a cohort's roster from an .xlsx workbook (columns: core/roster/columns.ts) — all or
 * nothing, in one transaction. A student is known by the natural key (cohort, school in its city,
 * student name): importing again updates that student's grade, subject, mentor, teacher, parent
 * and phones instead of adding a second record. A parent is known by their mobile number, a
 * guiding teacher by (school, name). A blank optional cell clears the field; a column absent from
 * the sheet leaves it as it is. The roster's parent becomes the student's only guardian.
 * Office staff import any program city; city staff only rows of their own city.
 * @throws ForbiddenError for another role; NotFoundError for an unknown cohort; BadWorkbookError
 * (400) for a file that is no workbook, empty or without the required columns; AppError 413 for
 * too many rows; RosterInvalidError (400) naming each bad row and column.
 */
export async function importRoster(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { cohortYear: number; file: Buffer },
): Promise<RosterImportResult> {
  requireAccess(actor, 'roster.import')
  const ds = deps.dataSource
  const cohort = await ds.getRepository(Cohort).findOneBy({ year: input.cohortYear })
  if (!cohort) throw new NotFoundError(`没有 ${input.cohortYear} 年度的培养计划`)

  const sheet = await readFirstSheet(input.file, MAX_ROSTER_ROWS)
  const columns = mapHeaders(sheet.headers)
  if (sheet.rows.length === 0) throw new BadWorkbookError('名册只有表头，没有学生')
  const refs = await loadReferences(ds, cohort.id)
  const { rows, problems } = checkRows(sheet.rows, columns, refs, actor)
  if (problems.length > 0) throw new RosterInvalidError(problems)

  const present = new Set(columns.values())
  const now = deps.clock.now()
  try {
    return await ds.transaction(async (m) => {
      const result = await writeRoster(m, cohort, rows, present, now)
      await audit(m, actor, 'roster.import', `cohort:${cohort.year}`, { ...result }, now)
      return result
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('另一份名册正在同时导入，这一份未导入，请稍后重试')
    throw err
  }
}

/** Which column each sheet column is. @throws BadWorkbookError for no header, a repeated header or a missing required column. */
function mapHeaders(headers: Array<{ column: number; text: string }>): Map<number, RosterKey> {
  if (headers.length === 0) throw new BadWorkbookError('名册是空的：第 1 行应为表头（学生姓名、年级、所在市 …）')
  const byColumn = new Map<number, RosterKey>()
  const seen = new Set<RosterKey>()
  for (const h of headers) {
    const column = columnOfHeader(h.text)
    if (!column) continue
    if (seen.has(column.key)) throw new BadWorkbookError(`表头「${column.header}」出现了两次`)
    seen.add(column.key)
    byColumn.set(h.column, column.key)
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header)
  if (missing.length > 0) {
    throw new BadWorkbookError(
      `名册缺少必填列：${missing.join('、')}。请按模板填写（GET /api/v1/office/roster/template.xlsx）`,
    )
  }
  return byColumn
}

async function loadReferences(ds: DataSource, cohortId: number): Promise<References> {
  const [cities, cohortCities, districts, subjects, mentors] = await Promise.all([
    ds.getRepository(City).find(),
    ds.getRepository(CohortCity).findBy({ cohortId }),
    ds.getRepository(District).find(),
    ds.getRepository(Subject).find(),
    ds
      .getRepository(Mentor)
      .createQueryBuilder('mt')
      .innerJoin(Person, 'p', 'p.id = mt.personId')
      .select(['mt.id AS id', 'p.displayName AS name'])
      .getRawMany<{ id: number; name: string }>(),
  ])
  const mentorsByName = new Map<string, number[]>()
  for (const mt of mentors) mentorsByName.set(mt.name, [...(mentorsByName.get(mt.name) ?? []), Number(mt.id)])
  return { cities, cohortCities: new Set(cohortCities.map((c) => c.cityId)), districts, subjects, mentorsByName }
}

/** Every row checked (formats by zod, then names against the database and the actor's scope), with each problem by row and column. */
function checkRows(
  sheetRows: Array<{ rowNumber: number; cells: Map<number, string> }>,
  columns: Map<number, RosterKey>,
  refs: References,
  actor: Actor,
): { rows: ResolvedRow[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = []
  const rows: ResolvedRow[] = []
  const order = (key: RosterKey) => ROSTER_COLUMNS.findIndex((c) => c.key === key)
  const isOffice = hasRole(actor, 'office')
  const ownCities = new Set(
    actor.roles.filter((r) => r.role === 'city_staff' && r.cityId !== null).map((r) => r.cityId),
  )
  const programCities = refs.cities.filter((c) => refs.cohortCities.has(c.id))
  const firstOfStudent = new Map<string, number>()
  const parentOfPhone = new Map<string, { name: string; row: number }>()

  for (const { rowNumber, cells } of sheetRows) {
    const raw: Record<string, string> = {}
    for (const [column, text] of cells) {
      const key = columns.get(column)
      if (key) raw[key] = text
    }
    const own: RosterProblem[] = []
    const problem = (key: RosterKey, message: string) => own.push({ row: rowNumber, column: headerOf(key), message })
    const parsed = rowSchema.safeParse(raw)
    if (!parsed.success) {
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as RosterKey
        if (seen.has(key)) continue
        seen.add(key)
        problem(key, raw[key] === undefined ? '必填，不能为空' : issue.message)
      }
    }
    const row = parsed.success ? parsed.data : undefined
    const cityText = raw.city
    let city = cityText ? findCity(refs.cities, cityText) : undefined
    if (cityText && !city) problem('city', `没有“${cityText}”这个广西的地级市`)
    else if (city && !refs.cohortCities.has(city.id)) {
      problem('city', `${city.name}不是本期实施城市（${programCities.map((c) => c.name).join('、')}）`)
      city = undefined
    } else if (city && !isOffice && !ownCities.has(city.id)) {
      problem('city', `你只能导入本市学生，这一行是${city.name}的`)
      city = undefined
    }
    let districtId: number | null = null
    if (city && raw.district) {
      const district = findDistrict(refs.districts, city.id, raw.district)
      if (!district) problem('district', `“${raw.district}”不是${city.name}的县区`)
      else districtId = district.id
    }
    const subject = raw.subject ? findSubject(refs.subjects, raw.subject) : undefined
    if (raw.subject && !subject)
      problem('subject', `没有“${raw.subject}”这个学科（可填：${refs.subjects.map((s) => s.name).join('、')}）`)
    let mentorId: number | null = null
    if (row?.mentor) {
      const ids = refs.mentorsByName.get(row.mentor) ?? []
      if (ids.length === 0) problem('mentor', `系统中没有导师“${row.mentor}”，请先录入导师或留空`)
      else if (ids.length > 1) problem('mentor', `系统中有 ${ids.length} 位导师叫“${row.mentor}”，请联系管理办公室`)
      else mentorId = ids[0] as number
    }
    if (raw.name && raw.school && city) {
      const key = `${city.id}|${raw.school}|${raw.name}`
      const first = firstOfStudent.get(key)
      if (first !== undefined) problem('name', `与第 ${first} 行是同一位学生（同校同名），每位学生只能有一行`)
      else firstOfStudent.set(key, rowNumber)
    }
    if (row) {
      const parent = parentOfPhone.get(row.parentPhone)
      if (parent && parent.name !== row.parent) {
        problem('parentPhone', `与第 ${parent.row} 行的家长手机相同，但家长姓名不同（${parent.name}）`)
      } else if (!parent) parentOfPhone.set(row.parentPhone, { name: row.parent, row: rowNumber })
    }
    own.sort((a, b) => order(keyOfHeader(a.column)) - order(keyOfHeader(b.column)))
    problems.push(...own)
    if (own.length === 0 && row && city && subject) {
      rows.push({ ...row, rowNumber, cityId: city.id, districtId, subjectId: subject.id, mentorId })
    }
  }
  return { rows, problems }
}

function keyOfHeader(header: string): RosterKey {
  return (ROSTER_COLUMNS.find((c) => c.header === header) ?? ROSTER_COLUMNS[0]).key
}

function findCity(cities: City[], text: string): City | undefined {
  const t = text.replace(/\s/g, '')
  return cities.find(
    (c) => c.inGuangxi && (c.name === t || c.short === t || c.aliases.includes(t) || `${c.short}市` === t),
  )
}

function findDistrict(districts: District[], cityId: number, text: string): District | undefined {
  const t = text.replace(/\s/g, '')
  const stem = t.replace(DIVISION_SUFFIX, '')
  const own = districts.filter((d) => d.cityId === cityId)
  return (
    own.find((d) => d.name === t || d.formerNames.includes(t) || d.aliases.includes(t)) ??
    own.find((d) => stem.length >= 2 && d.name.replace(DIVISION_SUFFIX, '') === stem)
  )
}

function findSubject(subjects: Subject[], text: string): Subject | undefined {
  const t = text.replace(/\s/g, '')
  const name = SUBJECT_WORDS[t] ?? t
  return subjects.find((s) => s.name === name)
}

interface ExistingStudent {
  id: number
  personId: number
  phone: string | null
  grade: string
  subjectId: number | null
  mentorId: number | null
  teacherId: number | null
}

/** Writes the checked rows: schools, people and their roles, students, guardianships. */
async function writeRoster(
  m: EntityManager,
  cohort: Cohort,
  rows: ResolvedRow[],
  present: Set<RosterKey>,
  now: Date,
): Promise<RosterImportResult> {
  // Schools: found by (city, name), created when new.
  const cityIds = [...new Set(rows.map((r) => r.cityId))]
  const schools = new Map((await m.findBy(School, { cityId: In(cityIds) })).map((s) => [`${s.cityId}|${s.name}`, s.id]))
  let schoolsCreated = 0
  for (const r of rows) {
    const key = `${r.cityId}|${r.school}`
    if (schools.has(key)) continue
    const created = await m.insert(School, { name: r.school, cityId: r.cityId, districtId: r.districtId })
    schools.set(key, Number(created.identifiers[0]?.id))
    schoolsCreated++
  }
  const schoolOf = (r: ResolvedRow) => schools.get(`${r.cityId}|${r.school}`) as number
  const schoolIds = [...new Set(rows.map(schoolOf))]

  // Students of this cohort at these schools, by the natural key (school, name).
  const existing = new Map<string, ExistingStudent>()
  for (const ids of slices(schoolIds)) {
    const found = await m
      .createQueryBuilder(Student, 's')
      .innerJoin(Person, 'p', 'p.id = s.personId')
      .select([
        's.id AS id',
        's.personId AS personId',
        's.schoolId AS schoolId',
        'p.displayName AS name',
        'p.phone AS phone',
      ])
      .addSelect(['s.grade AS grade', 's.subjectId AS subjectId', 's.mentorId AS mentorId', 's.teacherId AS teacherId'])
      .where('s.cohortId = :cohortId AND s.schoolId IN (:...ids)', { cohortId: cohort.id, ids })
      .orderBy('s.id', 'ASC')
      .getRawMany<Record<string, unknown>>()
    for (const s of found) {
      const key = `${Number(s.schoolId)}|${String(s.name)}`
      if (existing.has(key)) continue
      existing.set(key, {
        id: Number(s.id),
        personId: Number(s.personId),
        phone: (s.phone as string | null) ?? null,
        grade: String(s.grade),
        subjectId: s.subjectId == null ? null : Number(s.subjectId),
        mentorId: s.mentorId == null ? null : Number(s.mentorId),
        teacherId: s.teacherId == null ? null : Number(s.teacherId),
      })
    }
  }

  // Parents by mobile number; teachers by (school, name).
  const parents = new Map<string, { id: number; name: string }>()
  for (const phones of slices([...new Set(rows.map((r) => r.parentPhone))])) {
    const found = await m
      .createQueryBuilder(Person, 'p')
      .innerJoin(PersonRole, 'r', "r.personId = p.id AND r.role = 'parent'")
      .select(['p.id AS id', 'p.phone AS phone', 'p.displayName AS name'])
      .where('p.phone IN (:...phones)', { phones })
      .orderBy('p.id', 'ASC')
      .getRawMany<{ id: number; phone: string; name: string }>()
    for (const p of found) if (!parents.has(p.phone)) parents.set(p.phone, { id: Number(p.id), name: p.name })
  }
  const teachers = new Map<string, { id: number; phone: string | null }>()
  for (const ids of slices(schoolIds)) {
    const found = await m
      .createQueryBuilder(Person, 'p')
      .innerJoin(PersonRole, 'r', "r.personId = p.id AND r.role = 'teacher'")
      .select(['p.id AS id', 'p.phone AS phone', 'p.displayName AS name', 'r.schoolId AS schoolId'])
      .where('r.schoolId IN (:...ids)', { ids })
      .orderBy('p.id', 'ASC')
      .getRawMany<{ id: number; phone: string | null; name: string; schoolId: number }>()
    for (const t of found) {
      const key = `${Number(t.schoolId)}|${t.name}`
      if (!teachers.has(key)) teachers.set(key, { id: Number(t.id), phone: t.phone ?? null })
    }
  }

  // New people, each with their role.
  const newParents = new Map<string, string>()
  const newTeachers = new Map<string, { name: string; phone: string | null; schoolId: number }>()
  for (const r of rows) {
    if (!parents.has(r.parentPhone)) newParents.set(r.parentPhone, r.parent)
    if (r.teacher) {
      const key = `${schoolOf(r)}|${r.teacher}`
      const known = newTeachers.get(key)
      if (!teachers.has(key) && !known)
        newTeachers.set(key, { name: r.teacher, phone: r.teacherPhone ?? null, schoolId: schoolOf(r) })
      else if (known && !known.phone && r.teacherPhone) known.phone = r.teacherPhone
    }
  }
  const person = (displayName: string, phone: string | null) => ({ displayName, phone, createdAt: now })
  const check = { column: 'displayName' as const, value: (p: { displayName: string }) => p.displayName }
  const parentEntries = [...newParents]
  const parentIds = await insertReturningIds(
    m,
    Person,
    parentEntries.map(([phone, name]) => person(name, phone)),
    check,
  )
  for (const [i, [phone, name]] of parentEntries.entries()) parents.set(phone, { id: parentIds[i] as number, name })
  const teacherEntries = [...newTeachers]
  const teacherIds = await insertReturningIds(
    m,
    Person,
    teacherEntries.map(([, t]) => person(t.name, t.phone)),
    check,
  )
  for (const [i, [key, t]] of teacherEntries.entries())
    teachers.set(key, { id: teacherIds[i] as number, phone: t.phone })
  const fresh = rows.filter((r) => !existing.has(`${schoolOf(r)}|${r.name}`))
  const studentPersonIds = await insertReturningIds(
    m,
    Person,
    fresh.map((r) => person(r.name, r.studentPhone ?? null)),
    check,
  )
  const role = (personId: number, r: PersonRole['role'], schoolId: number | null = null) => ({
    personId,
    role: r,
    cityId: null,
    schoolId,
  })
  await insertMany(m, PersonRole, [
    ...parentIds.map((id) => role(id, 'parent')),
    ...teacherEntries.map(([, t], i) => role(teacherIds[i] as number, 'teacher', t.schoolId)),
    ...studentPersonIds.map((id) => role(id, 'student')),
  ])

  // Names and phones the roster corrects.
  for (const r of rows) {
    const parent = parents.get(r.parentPhone) as { id: number; name: string }
    if (parent.name !== r.parent) {
      await m.update(Person, { id: parent.id }, { displayName: r.parent })
      parent.name = r.parent
    }
    if (r.teacher && r.teacherPhone) {
      const teacher = teachers.get(`${schoolOf(r)}|${r.teacher}`) as { id: number; phone: string | null }
      if (teacher.phone !== r.teacherPhone) {
        await m.update(Person, { id: teacher.id }, { phone: r.teacherPhone })
        teacher.phone = r.teacherPhone
      }
    }
  }

  // Students: new ones inserted, known ones updated where the roster says otherwise.
  const teacherOf = (r: ResolvedRow) => (r.teacher ? (teachers.get(`${schoolOf(r)}|${r.teacher}`)?.id ?? null) : null)
  const newStudents = fresh.map((r, i) => ({
    personId: studentPersonIds[i] as number,
    cohortId: cohort.id,
    cityId: r.cityId,
    schoolId: schoolOf(r),
    grade: r.grade,
    subjectId: r.subjectId,
    mentorId: r.mentorId,
    teacherId: teacherOf(r),
    status: 'active' as const,
  }))
  const newStudentIds = await insertReturningIds(m, Student, newStudents, {
    column: 'personId',
    value: (s) => s.personId,
  })
  const studentIdOfRow = new Map<ResolvedRow, number>()
  for (const [i, r] of fresh.entries()) studentIdOfRow.set(r, newStudentIds[i] as number)
  let updated = 0
  const changedRows = new Set<ResolvedRow>()
  // Changed students grouped by their new values: one UPDATE … WHERE id IN (…) per group, not one per student.
  const updates = new Map<
    string,
    { values: Pick<Student, 'grade' | 'subjectId' | 'mentorId' | 'teacherId'>; ids: number[] }
  >()
  for (const r of rows) {
    const known = existing.get(`${schoolOf(r)}|${r.name}`)
    if (!known) continue
    studentIdOfRow.set(r, known.id)
    const next = {
      grade: r.grade,
      subjectId: r.subjectId,
      mentorId: present.has('mentor') ? r.mentorId : known.mentorId,
      teacherId: present.has('teacher') ? teacherOf(r) : known.teacherId,
    }
    if (
      next.grade !== known.grade ||
      next.subjectId !== known.subjectId ||
      next.mentorId !== known.mentorId ||
      next.teacherId !== known.teacherId
    ) {
      const group = JSON.stringify(next)
      const pending = updates.get(group) ?? { values: next, ids: [] as number[] }
      pending.ids.push(known.id)
      updates.set(group, pending)
      changedRows.add(r)
    }
    const phone = present.has('studentPhone') ? (r.studentPhone ?? null) : known.phone
    if (phone !== known.phone) {
      await m.update(Person, { id: known.personId }, { phone })
      changedRows.add(r)
    }
  }

  for (const { values, ids } of updates.values()) {
    for (const chunk of slices(ids)) await m.update(Student, { id: In(chunk) }, values)
  }

  // Guardianships: the roster's parent is the student's guardian, and the only one.
  const parentOfStudent = new Map<number, { parentId: number; relation: string | null }>()
  for (const r of rows) {
    parentOfStudent.set(studentIdOfRow.get(r) as number, {
      parentId: (parents.get(r.parentPhone) as { id: number }).id,
      relation: r.relation ?? null,
    })
  }
  const stale: number[] = []
  const kept = new Set<number>()
  const knownIds = rows
    .filter((r) => existing.has(`${schoolOf(r)}|${r.name}`))
    .map((r) => studentIdOfRow.get(r) as number)
  for (const ids of slices(knownIds)) {
    for (const g of await m.findBy(Guardianship, { studentId: In(ids) })) {
      const wanted = parentOfStudent.get(g.studentId)
      if (wanted?.parentId === g.parentId) {
        kept.add(g.studentId)
        if (present.has('relation') && g.relation !== wanted.relation) {
          await m.update(Guardianship, { id: g.id }, { relation: wanted.relation })
        }
      } else stale.push(g.id)
    }
  }
  for (const ids of slices(stale)) await m.delete(Guardianship, { id: In(ids) })
  await insertMany(
    m,
    Guardianship,
    [...parentOfStudent]
      .filter(([studentId]) => !kept.has(studentId))
      .map(([studentId, g]) => ({ studentId, parentId: g.parentId, relation: g.relation })),
  )
  for (const r of rows) {
    const id = studentIdOfRow.get(r) as number
    if (existing.has(`${schoolOf(r)}|${r.name}`) && (changedRows.has(r) || !kept.has(id))) updated++
  }

  return {
    cohort: cohort.year,
    rows: rows.length,
    created: fresh.length,
    updated,
    unchanged: rows.length - fresh.length - updated,
    schoolsCreated,
    parentsCreated: parentIds.length,
    teachersCreated: teacherIds.length,
  }
}

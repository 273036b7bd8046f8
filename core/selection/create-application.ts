import type { DataSource } from 'typeorm'
import { Application } from '../../entities/application.entity'
import { City } from '../../entities/city.entity'
import { CohortCity } from '../../entities/cohort-city.entity'
import { District } from '../../entities/district.entity'
import { Person } from '../../entities/person.entity'
import { School } from '../../entities/school.entity'
import { Subject } from '../../entities/subject.entity'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { requireAccess } from '../policies'
import { checkEligibility, normaliseGrade } from '../rules/eligibility'
import { type ApplicationForm, type StoredForm, storedForm } from './application-form'
import { cohortOfYear } from './cohort-of'
import { IneligibleError, requireStepOpen, stepRule } from './steps'

/** What filing an application answers: its id, the rules' priority finding and the checks made. */
export interface FiledApplication {
  id: number
  status: 'submitted'
  priority: boolean
  checks: Array<{ rule: string; section: string; status: string; message: string }>
}

/**
 * Files a student's 《申请表》 for their school (九（二）1). The student fills the form; the
 * school's guiding teacher (or the office, for a form sent to it) enters it — the plan has the
 * school organise the sign-up and vouch for the form, and an applicant has no account before
 * selection. The applicant becomes a person of their own; the application starts `submitted`
 * and waits for the school's recommendation.
 *
 * The conditions of 四（二） are checked first, with the cohort's rules (city of the school,
 * grade, rank; the priority conditions noted): a profile that fails one is refused, naming it.
 *
 * @throws ForbiddenError for a role that does not file, or a teacher of another school;
 * NotFoundError for an unknown cohort or school; DeadlineError after the school's day
 * (九（二）1); ValidationError for a subject outside the cohort's; IneligibleError when a
 * condition fails; ConflictError when the same pupil (school, name, birth date) has applied.
 */
export async function createApplication(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  form: ApplicationForm,
): Promise<FiledApplication> {
  requireAccess(actor, 'application.file')
  const now = deps.clock.now()
  const m = deps.dataSource.manager
  const { cohort, program } = await cohortOfYear(m, form.cohort)
  requireStepOpen(program, { ...stepRule('school'), name: '学校报名推荐' }, now)

  const school = await m.getRepository(School).findOneBy({ id: form.schoolId })
  if (!school) throw new NotFoundError('没有这所学校')
  const office = actor.roles.some((r) => r.role === 'office')
  if (!office && !actor.roles.some((r) => r.role === 'teacher' && r.schoolId === school.id))
    throw new ForbiddenError('只能为本校学生填报申请（方案九（二）1）')

  const [city, district, subject, place] = await Promise.all([
    m.getRepository(City).findOneByOrFail({ id: school.cityId }),
    school.districtId ? m.getRepository(District).findOneBy({ id: school.districtId }) : null,
    m.getRepository(Subject).findOneBy({ name: form.subject }),
    m.getRepository(CohortCity).findOneBy({ cohortId: cohort.id, cityId: school.cityId }),
  ])
  if (!subject) throw new ValidationError(`subject: 须为学科范围内的学科（${program.subjects.names.join('、')}）`)

  const eligibility = checkEligibility(program, {
    city: district?.name ?? city.name,
    grade: form.grade,
    subjectRankPercent: form.subjectRankPercent,
    overallRankPercent: form.overallRankPercent,
    awards: form.awards.map(({ category, level, stage }) => ({ category, level, stage })),
    patents: form.patents.map(({ type, granted }) => ({ type, granted })),
  })
  const failed = eligibility.checks.filter((c) => c.rule !== 'priority' && c.status !== 'pass')
  if (eligibility.verdict !== 'eligible' || !place)
    throw new IneligibleError(
      `不符合遴选条件：${failed.map((c) => c.message).join('；') || `${city.name}不是本期实施城市`}`,
    )

  const duplicates = await m
    .getRepository(Application)
    .createQueryBuilder('a')
    .innerJoin(Person, 'p', 'p.id = a.personId')
    .where('a.cohortId = :cohortId AND a.schoolId = :schoolId AND p.displayName = :name', {
      cohortId: cohort.id,
      schoolId: school.id,
      name: form.name,
    })
    .select(['a.id AS id', 'a.form AS form'])
    .getRawMany<{ id: number; form: string }>()
  if (duplicates.some((d) => (JSON.parse(d.form) as StoredForm).birthDate === form.birthDate))
    throw new ConflictError(`${school.name}已为这位同学（${form.name}，${form.birthDate}）提交过申请`)

  return deps.dataSource.transaction(async (tx) => {
    const person = await tx.insert(Person, { displayName: form.name, phone: null, createdAt: now })
    const personId = Number(person.identifiers[0]?.id)
    const inserted = await tx.insert(Application, {
      personId,
      cohortId: cohort.id,
      cityId: school.cityId,
      schoolId: school.id,
      grade: normaliseGrade(form.grade) ?? form.grade,
      status: 'submitted',
      subjectId: subject.id,
      form: storedForm(form),
      priority: eligibility.priority,
      filedById: actor.personId ?? null,
      mentorId: null,
      noticeStartsOn: null,
      noticeEndsOn: null,
      submittedAt: now,
      updatedAt: now,
    })
    const id = Number(inserted.identifiers[0]?.id)
    await audit(tx, actor, 'application.file', `application:${id}`, { cohort: cohort.year, schoolId: school.id }, now)
    return { id, status: 'submitted' as const, priority: eligibility.priority, checks: eligibility.checks }
  })
}

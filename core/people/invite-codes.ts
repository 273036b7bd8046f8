import { randomInt } from 'node:crypto'
import type { DataSource, SelectQueryBuilder } from 'typeorm'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { InviteCode } from '../../entities/invite-code.entity'
import { Person } from '../../entities/person.entity'
import type { Role } from '../../entities/person-role.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { whereStudentVisible } from '../access/student-scope'
import type { Actor } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import { requireAccess } from '../policies'
import { insertMany } from '../roster/bulk-insert'
import { buildWorkbook } from '../roster/workbook'
import { beijingDate } from '../time'

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** 10 characters of 31: about 50 bits, against at most 5 guesses per account per 15 minutes. */
const CODE_LENGTH = 10
/** How long an issued code works. */
export const INVITE_DAYS = 30

/** A new invite code from the system's cryptographic random source. */
export function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** One person an invite is for: the student they belong with, the role, and where. */
interface Invitee {
  personId: number
  role: Role
  name: string
  studentName: string
  school: string
  city: string
}

/**
 * The people of a cohort the actor hands invites to: the students the actor may see
 * (core/access/student-scope.ts: the office all, city staff their city's, a teacher their
 * school's), their guardians and their guiding teachers — one set-based query each.
 */
async function inviteesOf(ds: DataSource, actor: Actor, cohortId: number, schoolId?: number): Promise<Invitee[]> {
  const base = <T extends object>(qb: SelectQueryBuilder<T>) => {
    qb.innerJoin(School, 'sc', 'sc.id = s.schoolId')
      .innerJoin(City, 'ci', 'ci.id = s.cityId')
      .innerJoin(Person, 'sp', 'sp.id = s.personId')
      .addSelect(['sp.displayName AS studentName', 'sc.name AS school', 'ci.name AS city'])
      .andWhere('s.cohortId = :cohortId', { cohortId })
    if (schoolId !== undefined) qb.andWhere('s.schoolId = :schoolId', { schoolId })
    whereStudentVisible(qb, actor)
    return qb
  }
  const students = base(
    ds.getRepository(Student).createQueryBuilder('s').select(['s.personId AS personId', 'sp.displayName AS name']),
  )
  const parents = base(
    ds
      .getRepository(Guardianship)
      .createQueryBuilder('g')
      .innerJoin(Student, 's', 's.id = g.studentId')
      .innerJoin(Person, 'gp', 'gp.id = g.parentId')
      .select(['g.parentId AS personId', 'gp.displayName AS name']),
  )
  const teachers = base(
    ds
      .getRepository(Student)
      .createQueryBuilder('s')
      .innerJoin(Person, 'tp', 'tp.id = s.teacherId')
      .select(['s.teacherId AS personId', 'tp.displayName AS name']),
  )
  const seen = new Set<string>()
  const out: Invitee[] = []
  for (const [role, qb] of [
    ['student', students],
    ['parent', parents],
    ['teacher', teachers],
  ] as const) {
    for (const r of await qb
      .orderBy('ci.name')
      .addOrderBy('sc.name')
      .addOrderBy('s.id')
      .getRawMany<Record<string, string>>()) {
      const key = `${role}|${r.personId}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        personId: Number(r.personId),
        role,
        name: String(r.name),
        studentName: String(r.studentName),
        school: String(r.school),
        city: String(r.city),
      })
    }
  }
  return out
}

async function cohortIdOf(ds: DataSource, year: number): Promise<number> {
  const cohort = await ds.getRepository(Cohort).findOneBy({ year })
  if (!cohort) throw new NotFoundError(`没有 ${year} 年度的培养计划`)
  return cohort.id
}

/** What issuing came to: codes made now, people who already hold a live one, people already bound. */
export interface IssueResult {
  issued: number
  live: number
  bound: number
}

/**
 * Issues an invite code to every student, parent and guiding teacher of the cohort in the actor's
 * scope (and of one school, when given) who is not bound yet and holds no live code: random,
 * single-use, valid INVITE_DAYS days. One transaction, audited.
 * @throws ForbiddenError for roles that hand out no invites; NotFoundError for an unknown cohort.
 */
export async function issueInviteCodes(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { cohortYear: number; schoolId?: number },
): Promise<IssueResult> {
  requireAccess(actor, 'invite.issue')
  const ds = deps.dataSource
  const now = deps.clock.now()
  const cohortId = await cohortIdOf(ds, input.cohortYear)
  const invitees = await inviteesOf(ds, actor, cohortId, input.schoolId)
  return ds.transaction(async (m) => {
    const ids = [...new Set(invitees.map((i) => i.personId))]
    const bound = new Set<number>()
    const live = new Set<string>()
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      const bindings = await m
        .createQueryBuilder(IdentityBinding, 'b')
        .select('DISTINCT b.personId', 'personId')
        .where('b.personId IN (:...chunk)', { chunk })
        .getRawMany<{ personId: number }>()
      for (const b of bindings) bound.add(Number(b.personId))
      const codes = await m
        .createQueryBuilder(InviteCode, 'c')
        .select(['c.personId AS personId', 'c.role AS role'])
        .where('c.personId IN (:...chunk) AND c.usedAt IS NULL AND c.expiresAt > :now', { chunk, now })
        .getRawMany<{ personId: number; role: string }>()
      for (const c of codes) live.add(`${c.role}|${Number(c.personId)}`)
    }
    const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000)
    const fresh = invitees.filter((i) => !bound.has(i.personId) && !live.has(`${i.role}|${i.personId}`))
    await insertMany(
      m,
      InviteCode,
      fresh.map((i) => ({
        code: newInviteCode(),
        personId: i.personId,
        role: i.role,
        createdAt: now,
        expiresAt,
        usedAt: null,
      })),
    )
    const result = {
      issued: fresh.length,
      live: invitees.filter((i) => live.has(`${i.role}|${i.personId}`)).length,
      bound: invitees.filter((i) => bound.has(i.personId)).length,
    }
    await audit(
      m,
      actor,
      'invite.issue',
      `cohort:${input.cohortYear}`,
      { ...result, schoolId: input.schoolId ?? null },
      now,
    )
    return result
  })
}

const ROLE_WORDS: Record<string, string> = { student: '学生', parent: '家长', teacher: '指导教师' }

/**
 * The live (unused, unexpired) invite codes of the people in the actor's scope, as an .xlsx for
 * schools to hand out: city, school, student, who the code is for, the code and until when it
 * works (Beijing date), with how to use it. The export is audited.
 * @throws ForbiddenError for roles that hand out no invites; NotFoundError for an unknown cohort.
 */
export async function exportInviteCodes(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  input: { cohortYear: number; schoolId?: number },
): Promise<{ file: Buffer; rows: number }> {
  requireAccess(actor, 'invite.issue')
  const ds = deps.dataSource
  const now = deps.clock.now()
  const cohortId = await cohortIdOf(ds, input.cohortYear)
  const invitees = await inviteesOf(ds, actor, cohortId, input.schoolId)
  const codes = new Map<string, InviteCode>()
  const ids = [...new Set(invitees.map((i) => i.personId))]
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const found = await ds
      .getRepository(InviteCode)
      .createQueryBuilder('c')
      .where('c.personId IN (:...chunk) AND c.usedAt IS NULL AND c.expiresAt > :now', { chunk, now })
      .orderBy('c.id', 'DESC')
      .getMany()
    for (const c of found) if (!codes.has(`${c.role}|${c.personId}`)) codes.set(`${c.role}|${c.personId}`, c)
  }
  const lines = invitees.flatMap((i) => {
    const code = codes.get(`${i.role}|${i.personId}`)
    if (!code) return []
    return [
      [i.city, i.school, i.studentName, ROLE_WORDS[i.role] ?? i.role, i.name, code.code, beijingDate(code.expiresAt)],
    ]
  })
  const file = await buildWorkbook(
    '邀请码',
    [
      { header: '所在市', width: 10 },
      { header: '学校', width: 24 },
      { header: '学生姓名', width: 10 },
      { header: '身份', width: 10 },
      { header: '姓名', width: 10 },
      { header: '邀请码', width: 14 },
      { header: '有效期至', width: 12 },
    ],
    lines,
    [
      '八桂青少年英才培养计划 · 邀请码发放说明',
      '每个邀请码只能使用一次，只发给表中对应的本人，过期后请联系学校或管理办公室重新发放。',
      '使用方法：在微信或企业微信中给“八桂英才助手”发送“绑定 邀请码”，或在小程序中输入邀请码完成绑定。',
    ],
  )
  await ds.transaction((m) =>
    audit(
      m,
      actor,
      'invite.export',
      `cohort:${input.cohortYear}`,
      { rows: lines.length, schoolId: input.schoolId ?? null },
      now,
    ),
  )
  return { file, rows: lines.length }
}

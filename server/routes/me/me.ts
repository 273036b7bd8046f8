import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { visibleStudent } from '../../../core/access/student-scope'
import type { Clock } from '../../../core/clock'
import { NotFoundError } from '../../../core/errors'
import { builtInProgram } from '../../../core/knowledge/program'
import { progressOfStudent, studentMilestones } from '../../../core/logs/progress'
import { childrenOf, type StudentRef, studentOfPerson } from '../../../core/people/students'
import { Person } from '../../../entities/person.entity'
import type { Api } from '../define'

/** What the person routes need. */
export interface MeRouteDeps {
  dataSource: DataSource
  clock: Clock
}

const studentBrief = z.object({ id: z.string(), name: z.string(), cohort: z.number(), status: z.string() })

/** A student's standing against 五（三）1 as the API answers it (CONTRACT §8). */
export const progressAnswer = z.object({
  id: z.string(),
  name: z.string(),
  cohort: z.number(),
  status: z.string(),
  activities: z.number(),
  logs: z.number(),
  required: z.number(),
  withoutLog: z.array(z.object({ activityId: z.number(), happenedOn: z.string(), place: z.string() })),
  next: z.array(z.object({ key: z.string(), title: z.string(), due: z.string(), daysLeft: z.number() })),
})

const meAnswer = z.object({
  id: z.string().nullable(),
  bound: z.boolean(),
  name: z.string().optional(),
  roles: z.array(z.string()),
  children: z.array(studentBrief),
  student: studentBrief.optional(),
})

const brief = (s: StudentRef) => ({ id: String(s.personId), name: s.name, cohort: s.cohortYear, status: s.status })

/** A student's progress and next steps, for the API. */
export async function progressBody(deps: MeRouteDeps, student: StudentRef): Promise<z.infer<typeof progressAnswer>> {
  const program = builtInProgram(student.cohortYear)
  if (!program) throw new NotFoundError(`没有 ${student.cohortYear} 年度的培养计划`)
  const p = await progressOfStudent(deps.dataSource, program, student)
  return {
    ...brief(student),
    activities: p.activities,
    logs: p.logs,
    required: p.required,
    withoutLog: p.withoutLog,
    next: studentMilestones(program, deps.clock.now()).map((m) => ({
      key: m.key,
      title: m.title,
      due: m.due,
      daysLeft: m.daysLeft,
    })),
  }
}

/** `GET /api/v1/me`, `GET /api/v1/me/progress` and `GET /api/v1/students/:id/progress` (CONTRACT §8). */
export function meRoutes(api: Api, deps: MeRouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/me',
      tag: 'me',
      summary: '我是谁：身份、角色、孩子（家长）',
      access: 'signed-in',
      response: meAnswer,
    },
    async ({ auth }) => {
      const personId = auth.actor.personId
      if (personId === undefined) return { id: null, bound: false, roles: [], children: [] }
      const [person, self, children] = await Promise.all([
        deps.dataSource.getRepository(Person).findOneBy({ id: personId }),
        studentOfPerson(deps.dataSource, personId),
        auth.actor.roles.some((r) => r.role === 'parent') ? childrenOf(deps.dataSource, personId) : [],
      ])
      return {
        id: String(personId),
        bound: true,
        name: person?.displayName,
        roles: [...new Set(auth.actor.roles.map((r) => r.role))],
        children: children.map(brief),
        ...(self ? { student: brief(self) } : {}),
      }
    },
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/me/progress',
      tag: 'me',
      summary: '我的进度：进校活动、成长日志与下一步',
      access: 'person',
      response: progressAnswer,
    },
    async ({ auth }) => {
      const self = await studentOfPerson(deps.dataSource, auth.actor.personId as number)
      if (!self) throw new NotFoundError('你不是学员，没有自己的进度；家长请查看孩子的进度')
      return progressBody(deps, self)
    },
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/students/:id/progress',
      tag: 'students',
      summary: '某位学员的进度（本人、家长、本校教师、导师、本市工作人员、项目办）',
      access: 'person',
      params: z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/, '须为学员编号') }),
      response: progressAnswer,
    },
    async ({ auth, params }) =>
      progressBody(deps, await visibleStudent(deps.dataSource, auth.actor, Number(params.id))),
  )
}

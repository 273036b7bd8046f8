import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { addAlumnusNote, listAlumni, markAlumni } from '../../../core/evaluations/alumni'
import type { Clock } from '../../../core/clock'
import type { Api } from '../define'
import { alumniQuery, alumnusAnswer, cohortParams, noteBody, studentParams } from './schema'

/** What the 英才库 routes need. */
export interface AlumniRouteDeps {
  dataSource: DataSource
  clock: Clock
}

/** The 英才库 of former students (七): marking those who completed the cycle, listing and following them. */
export function alumniRoutes(api: Api, deps: AlumniRouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/api/v1/cohorts/:year/alumni',
      tag: 'alumni',
      summary: '培养周期结束后，把完成年度评价的学员转入英才库（五（一）、七）',
      access: 'person',
      params: cohortParams,
      response: z.object({ cohort: z.number(), marked: z.number(), pending: z.number() }),
    },
    ({ auth, params }) => markAlumni(deps, auth.actor, params.year),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/alumni',
      tag: 'alumni',
      summary: '英才库：可查看的往届学生及最新跟踪情况',
      access: 'person',
      query: alumniQuery,
      response: z.object({ alumni: z.array(alumnusAnswer) }),
    },
    async ({ auth, query }) => ({ alumni: await listAlumni(deps, auth.actor, query) }),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/alumni/:id/notes',
      tag: 'alumni',
      summary: '记录往届学生的跟踪情况：去向、专业、备注（七）',
      access: 'person',
      params: studentParams,
      body: noteBody,
      status: 201,
      response: z.object({ id: z.number() }),
    },
    ({ auth, params, body }) => addAlumnusNote(deps, auth.actor, Number(params.id), body),
  )
}

import type { DataSource } from 'typeorm'
import { z } from 'zod'
import type { Clock } from '../../../core/clock'
import { createApplication } from '../../../core/selection/create-application'
import { decideApplication } from '../../../core/selection/decide-application'
import { getApplication, listApplications } from '../../../core/selection/read-applications'
import { startPublicNotice } from '../../../core/selection/start-public-notice'
import type { Api } from '../define'
import {
  applicationBody,
  applicationDetail,
  applicationParams,
  applicationQuery,
  applicationSummary,
  cohortParams,
  decisionBody,
  noticeBody,
} from './schema'

/** What the selection routes need. */
export interface ApplicationRouteDeps {
  dataSource: DataSource
  clock: Clock
}

/** The selection of 九（二）: applications, the decisions at each step, the public notice. */
export function applicationRoutes(api: Api, deps: ApplicationRouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/api/v1/applications',
      tag: 'selection',
      summary: '学校填报《申请表》（九（二）1；按四（二）检查遴选条件）',
      access: 'person',
      body: applicationBody,
      status: 201,
      response: z.object({
        id: z.number(),
        status: z.literal('submitted'),
        priority: z.boolean(),
        checks: z.array(z.object({ rule: z.string(), section: z.string(), status: z.string(), message: z.string() })),
      }),
    },
    ({ auth, body }) => createApplication(deps, auth.actor, body),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/applications',
      tag: 'selection',
      summary: '申请列表（本校、本市、候选人或全部，按身份）',
      access: 'person',
      query: applicationQuery,
      response: z.object({ applications: z.array(applicationSummary) }),
    },
    async ({ auth, query }) => ({ applications: await listApplications(deps, auth.actor, query) }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/applications/:id',
      tag: 'selection',
      summary: '一份申请：表内容、所处环节和审核记录',
      access: 'person',
      params: applicationParams,
      response: applicationDetail,
    },
    ({ auth, params }) => getApplication(deps, auth.actor, Number(params.id)),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/applications/:id/reviews',
      tag: 'selection',
      summary: '在一个环节作出决定：学校推荐、市级审核、自治区级审核、导师遴选、公示公布（通过或写明理由不通过）',
      access: 'person',
      params: applicationParams,
      body: decisionBody,
      response: z.object({ id: z.number(), status: z.string(), studentId: z.number().optional() }),
    },
    ({ auth, params, body }) => decideApplication(deps, auth.actor, Number(params.id), body),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/cohorts/:year/public-notice',
      tag: 'selection',
      summary: '公示导师遴选入选的学生：5个工作日（按国家法定节假日和调休计算）',
      access: 'person',
      params: cohortParams,
      body: noticeBody,
      response: z.object({
        cohort: z.number(),
        startsOn: z.string(),
        endsOn: z.string(),
        workingDays: z.number(),
        count: z.number(),
      }),
    },
    ({ auth, params, body }) => startPublicNotice(deps, auth.actor, { cohort: params.year, ...body }),
  )
}

import { z } from 'zod'
import type { Api } from './define'
import { eligibilityBody } from './eligibility/schema'
import { milestonesQuery } from './milestones/schema'
import { qaBody } from './qa/schema'

/** The routes that predate the Api registry (questions, eligibility, deadlines, health), listed so the OpenAPI document has them too. */
export function documentPublicRoutes(api: Api): void {
  api.document({
    method: 'post',
    path: '/api/v1/qa',
    tag: 'public',
    summary: '问答：关于培养计划的问题，答案附出处（CONTRACT §2）',
    access: 'public',
    body: qaBody,
  })
  api.document({
    method: 'post',
    path: '/api/v1/eligibility',
    tag: 'public',
    summary: '报名资格初判，逐条说明（CONTRACT §3）',
    access: 'public',
    body: eligibilityBody,
  })
  api.document({
    method: 'get',
    path: '/api/v1/milestones',
    tag: 'public',
    summary: '某一年度培养计划的全部时间节点（CONTRACT §4）',
    access: 'public',
    query: milestonesQuery,
  })
  api.document({
    method: 'get',
    path: '/healthz',
    tag: 'public',
    summary: '健康检查：数据库可写可读时 200',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
  })
}

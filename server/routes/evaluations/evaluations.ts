import type { DataSource } from 'typeorm'
import { z } from 'zod'
import type { Clock } from '../../../core/clock'
import { evaluationSummary } from '../../../core/evaluations/evaluation-summary'
import { evaluationSheets, recordEvaluation } from '../../../core/evaluations/record-evaluation'
import { fileResearchTopic, getResearchTopic, setResearchTopic } from '../../../core/evaluations/research-topic'
import type { Api } from '../define'
import { evaluationBody, sheetsAnswer, studentParams, summaryQuery, topicAnswer, topicBody } from './schema'

/** What the training routes need. */
export interface EvaluationRouteDeps {
  dataSource: DataSource
  clock: Clock
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Research topics (九（四）), the mid-term and annual evaluations (六) and their summary export. */
export function evaluationRoutes(api: Api, deps: EvaluationRouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/students/:id/research-topic',
      tag: 'training',
      summary: '学员的研究方向和选题，及是否已备案（九（四））',
      access: 'person',
      params: studentParams,
      response: z.object({ topic: topicAnswer.nullable() }),
    },
    async ({ auth, params }) => ({ topic: await getResearchTopic(deps, auth.actor, Number(params.id)) }),
  )

  api.route(
    {
      method: 'put',
      path: '/api/v1/students/:id/research-topic',
      tag: 'training',
      summary: '导师或学生确定研究方向和选题（备案前可改，九（四））',
      access: 'person',
      params: studentParams,
      body: topicBody,
      response: topicAnswer,
    },
    ({ auth, params, body }) => setResearchTopic(deps, auth.actor, Number(params.id), body),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/students/:id/research-topic/filing',
      tag: 'training',
      summary: '管理办公室为研究方向和选题备案（2023年12月内，九（四））',
      access: 'person',
      params: studentParams,
      response: topicAnswer,
    },
    ({ auth, params }) => fileResearchTopic(deps, auth.actor, Number(params.id)),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/students/:id/evaluations',
      tag: 'training',
      summary: '学员的中期和年度评价：材料清单、结果（六）',
      access: 'person',
      params: studentParams,
      response: sheetsAnswer,
    },
    ({ auth, params }) => evaluationSheets(deps, auth.actor, Number(params.id)),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/students/:id/evaluations',
      tag: 'training',
      summary: '记录中期评价（导师团队）或年度评价（管理办公室）；不合格即退出培养（六）',
      access: 'person',
      params: studentParams,
      body: evaluationBody,
      status: 201,
      response: z.object({
        kind: z.string(),
        result: z.string(),
        exited: z.boolean(),
        studentStatus: z.string(),
      }),
    },
    ({ auth, params, body }) => recordEvaluation(deps, auth.actor, Number(params.id), body),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/evaluations/summary.xlsx',
      tag: 'training',
      summary: '评价汇总表（.xlsx）：可查看的学员每人一行',
      access: 'person',
      query: summaryQuery,
      rawResponse: XLSX,
    },
    async ({ auth, query, ctx }) => {
      const book = await evaluationSummary(deps, auth.actor, query.cohort)
      ctx.type = XLSX
      ctx.attachment(`evaluation-summary-${query.cohort}.xlsx`)
      ctx.body = book
      return undefined
    },
  )
}

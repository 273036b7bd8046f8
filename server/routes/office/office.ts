import type { Context } from 'koa'
import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { listAuditLog } from '../../../core/audit'
import type { Clock } from '../../../core/clock'
import { NotFoundError } from '../../../core/errors'
import { builtInProgram } from '../../../core/knowledge/program'
import { attachOfficeAnswer, listReviews, markReviewHandled } from '../../../core/knowledge/review-queue'
import { exportInviteCodes, issueInviteCodes } from '../../../core/people/invite-codes'
import { exportRoster } from '../../../core/roster/export-roster'
import { importRoster } from '../../../core/roster/import-roster'
import { rosterTemplate } from '../../../core/roster/roster-template'
import { XLSX_TYPE } from '../../../core/roster/workbook'
import type { Api } from '../define'
import {
  attachAnswer,
  attachBody,
  auditAnswer,
  auditQuery,
  cohortQuery,
  idParam,
  importAnswer,
  inviteBody,
  inviteQuery,
  issueAnswer,
  reviewAnswer,
  reviewQuery,
} from './schema'

/** What the office routes need. */
export interface OfficeRouteDeps {
  dataSource: DataSource
  clock: Clock
}

/** The most bytes an uploaded roster may have: a 10,000-row workbook is well under 2 MB. */
const ROSTER_UPLOAD_LIMIT = 8 * 1024 * 1024

/** The cohort a request means: the one asked for, or the latest built-in one. */
function cohortOf(asked: number | undefined): number {
  const year = asked ?? builtInProgram()?.cohort
  if (year === undefined) throw new NotFoundError('没有可用的培养计划')
  return year
}

/** Answers with an .xlsx workbook under a Chinese file name. */
function sendWorkbook(ctx: Context, file: Buffer, name: string): void {
  ctx.set('Content-Type', XLSX_TYPE)
  ctx.set(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  )
  ctx.status = 200
  ctx.body = file
}

/**
 * The office's routes (`/api/v1/office/…`): the roster in and out of Excel, invite codes, the
 * audit log and the review queue. Each calls one core action, which checks who may (core/policies.ts).
 */
export function officeRoutes(api: Api, deps: OfficeRouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/office/roster/template.xlsx',
      tag: 'office',
      summary: '名册导入模板（.xlsx，含各列说明）',
      access: 'person',
      rawResponse: XLSX_TYPE,
    },
    async ({ auth, ctx }) => sendWorkbook(ctx, await rosterTemplate(auth.actor), '学员名册模板.xlsx'),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/office/roster',
      tag: 'office',
      summary: '导入学员名册（.xlsx）：逐行校验，全部成功才写入；再次导入按“市+学校+姓名”更新',
      access: 'person',
      query: cohortQuery,
      rawBody: XLSX_TYPE,
      rawBodyLimit: ROSTER_UPLOAD_LIMIT,
      response: importAnswer,
    },
    async ({ auth, query, raw }) =>
      importRoster(deps, auth.actor, { cohortYear: cohortOf(query.cohort), file: raw ?? Buffer.alloc(0) }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/office/roster.xlsx',
      tag: 'office',
      summary: '导出名册与培养进度（.xlsx），按查看权限范围',
      access: 'person',
      query: cohortQuery,
      rawResponse: XLSX_TYPE,
    },
    async ({ auth, query, ctx }) => {
      const year = cohortOf(query.cohort)
      const { file } = await exportRoster(deps, auth.actor, year)
      sendWorkbook(ctx, file, `${year}学员名册与进度.xlsx`)
    },
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/office/invite-codes',
      tag: 'office',
      summary: '为名册中尚未绑定的学生、家长、指导教师发放邀请码（一次性，30 天有效）',
      access: 'person',
      body: inviteBody,
      response: issueAnswer,
    },
    async ({ auth, body }) =>
      issueInviteCodes(deps, auth.actor, { cohortYear: cohortOf(body.cohort), schoolId: body.schoolId }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/office/invite-codes.xlsx',
      tag: 'office',
      summary: '导出有效的邀请码（.xlsx），供学校发放；教师只得本校，市级工作人员只得本市',
      access: 'person',
      query: inviteQuery,
      rawResponse: XLSX_TYPE,
    },
    async ({ auth, query, ctx }) => {
      const year = cohortOf(query.cohort)
      const { file } = await exportInviteCodes(deps, auth.actor, { cohortYear: year, schoolId: query.schoolId })
      sendWorkbook(ctx, file, `${year}邀请码.xlsx`)
    },
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/office/audit-log',
      tag: 'office',
      summary: '审计日志（按操作人、动作、时间筛选，分页；个人信息已脱敏）',
      access: 'person',
      query: auditQuery,
      response: auditAnswer,
    },
    async ({ auth, query }) => listAuditLog(deps.dataSource, auth.actor, query),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/office/question-reviews',
      tag: 'office',
      summary: '助手没把握的问题（待审队列）',
      access: 'person',
      query: reviewQuery,
      response: reviewAnswer,
    },
    async ({ auth, query }) => listReviews(deps.dataSource, auth.actor, query),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/office/question-reviews/:id/handled',
      tag: 'office',
      summary: '标记待审问题已处理（无需补充答复）',
      access: 'person',
      params: z.object({ id: idParam }),
    },
    async ({ auth, params }) => markReviewHandled(deps, auth.actor, Number(params.id)),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/office/question-reviews/:id/answer',
      tag: 'office',
      summary: '为待审问题附上正确的事实或办公室答复（注明条款）；此后助手对该问题及近似问法使用它',
      access: 'person',
      params: z.object({ id: idParam }),
      body: attachBody,
      response: attachAnswer,
      status: 201,
    },
    async ({ auth, params, body }) => {
      const saved = await attachOfficeAnswer(deps, auth.actor, Number(params.id), body)
      return {
        id: saved.id,
        cohortYear: saved.cohortYear,
        questionKey: saved.questionKey,
        version: saved.version,
        factId: saved.factId,
        answer: saved.answer,
        section: saved.section,
      }
    },
  )
}

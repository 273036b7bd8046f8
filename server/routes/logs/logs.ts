import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type { z } from 'zod'
import type { Clock } from '../../../core/clock'
import { checkInActivity } from '../../../core/logs/check-in-activity'
import { createGrowthLogOfActivity } from '../../../core/logs/create-growth-log'
import { editableUntil, editGrowthLog } from '../../../core/logs/edit-growth-log'
import { type ActivityView, listActivities } from '../../../core/logs/list-activities'
import { listGrowthLogs } from '../../../core/logs/list-growth-logs'
import type { GrowthLog } from '../../../entities/growth-log.entity'
import type { Api } from '../define'
import {
  activitiesAnswer,
  activityAnswer,
  checkInBody,
  createLogBody,
  editLogBody,
  logAnswer,
  logParams,
  logsAnswer,
  pageQuery,
  studentParams,
} from './schema'

/** What the activity and growth-log routes need. */
export interface LogRouteDeps {
  dataSource: DataSource
  clock: Clock
}

const activityBody = (a: ActivityView): z.infer<typeof activityAnswer> => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
})

const logBody = (l: GrowthLog): z.infer<typeof logAnswer> => ({
  id: l.id,
  activityId: l.activityId,
  happenedOn: l.happenedOn,
  place: l.place,
  content: l.content,
  takeaway: l.takeaway,
  source: l.source,
  createdAt: l.createdAt.toISOString(),
  editedAt: l.editedAt?.toISOString() ?? null,
  editableUntil: editableUntil(l.createdAt).toISOString(),
})

/**
 * A student's campus visits and growth logs: the student checks in visits and writes and edits
 * their logs (`/me/…`); whoever may read a student (core/access/student-scope.ts) reads theirs.
 */
export function logRoutes(api: Api, deps: LogRouteDeps): void {
  const ds = deps.dataSource

  api.route(
    {
      method: 'get',
      path: '/api/v1/me/activities',
      tag: 'me',
      summary: '我的活动（进校活动等），日期近的在前，附成长日志编号',
      access: 'person',
      response: activitiesAnswer,
    },
    async ({ auth }) => ({ items: (await listActivities(ds, auth.actor, 'me')).activities.map(activityBody) }),
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/me/activities',
      tag: 'me',
      summary: '学员登记一次进校活动（北京时间的日期、地点、名称；同一天同一地点只登记一次）',
      access: 'person',
      body: checkInBody,
      response: activityAnswer,
      status: 201,
    },
    async ({ auth, body }) => activityBody({ ...(await checkInActivity(deps, auth.actor, body)), logId: null }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/me/logs',
      tag: 'me',
      summary: '我的成长日志，活动日期近的在前，分页',
      access: 'person',
      query: pageQuery,
      response: logsAnswer,
    },
    async ({ auth, query }) => {
      const { logs, total } = await listGrowthLogs(ds, auth.actor, 'me', query)
      return { items: logs.map(logBody), ...query, total }
    },
  )

  api.route(
    {
      method: 'post',
      path: '/api/v1/me/logs',
      tag: 'me',
      summary: '学员为自己的一次活动写成长日志（同一 clientKey 重发只保存一次，答 200）',
      access: 'person',
      body: createLogBody,
      response: logAnswer,
      status: 201,
    },
    async ({ auth, body, ctx }) => {
      const { log, created } = await createGrowthLogOfActivity(deps, auth.actor, {
        activityId: body.activityId,
        content: body.content,
        takeaway: body.takeaway,
        // 微信客服 users write from WeChat: their logs count as WeChat's.
        source: auth.account?.channel === 'wechat-kf' ? 'wechat' : (auth.account?.channel ?? 'miniprogram'),
        // Keys are the client's own: kept apart per person, so one person's key never meets another's.
        clientKey: `api:${auth.actor.personId}:${body.clientKey ?? randomUUID()}`,
      })
      if (created) return logBody(log)
      ctx.status = 200
      ctx.body = logBody(log)
      return undefined
    },
  )

  api.route(
    {
      method: 'patch',
      path: '/api/v1/me/logs/:id',
      tag: 'me',
      summary: '修改自己的成长日志（写后 7 天内；内容与收获）',
      access: 'person',
      params: logParams,
      body: editLogBody,
      response: logAnswer,
    },
    async ({ auth, params, body }) => logBody(await editGrowthLog(deps, auth.actor, Number(params.id), body)),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/students/:id/activities',
      tag: 'students',
      summary: '某位学员的活动（本人、家长、本校教师、导师、本市工作人员、项目办）',
      access: 'person',
      params: studentParams,
      response: activitiesAnswer,
    },
    async ({ auth, params }) => ({
      items: (await listActivities(ds, auth.actor, Number(params.id))).activities.map(activityBody),
    }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/students/:id/logs',
      tag: 'students',
      summary: '某位学员的成长日志，分页（本人、家长、本校教师、导师、本市工作人员、项目办）',
      access: 'person',
      params: studentParams,
      query: pageQuery,
      response: logsAnswer,
    },
    async ({ auth, params, query }) => {
      const { logs, total } = await listGrowthLogs(ds, auth.actor, Number(params.id), query)
      return { items: logs.map(logBody), ...query, total }
    },
  )
}

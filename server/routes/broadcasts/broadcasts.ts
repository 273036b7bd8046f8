import type { DataSource } from 'typeorm'
import { z } from 'zod'
import { broadcastStatusOf } from '../../../core/announcements/broadcast-status'
import type { Api } from '../define'
import { broadcastStatusAnswer, idParam } from '../office/schema'

/** `GET /api/v1/broadcasts/:id/status`: the delivery report of one broadcast, for the office (the chat's 广播状态). */
export function broadcastRoutes(api: Api, deps: { dataSource: DataSource }): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/broadcasts/:id/status',
      tag: 'broadcasts',
      summary: '广播的送达情况：每个群的状态（失败附原因）与个人的已发、待发、失败、无法送达人数',
      access: 'person',
      params: z.object({ id: idParam }),
      response: broadcastStatusAnswer,
    },
    async ({ auth, params }) => broadcastStatusOf(deps.dataSource, auth.actor, Number(params.id)),
  )
}

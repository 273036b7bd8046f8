import type { DataSource } from 'typeorm'
import { announcementsFor } from '../../../core/announcements/announcements-for'
import type { Api } from '../define'
import { pageQuery } from '../logs/schema'
import { announcementsAnswer } from './schema'

/** `GET /api/v1/announcements`: the office's announcements meant for the caller. */
export function announcementRoutes(api: Api, deps: { dataSource: DataSource }): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/announcements',
      tag: 'announcements',
      summary: '发给我的通知（按我的角色、城市、学校、学科与期次），新的在前，分页',
      access: 'person',
      query: pageQuery,
      response: announcementsAnswer,
    },
    async ({ auth, query }) => {
      const { announcements, total } = await announcementsFor(deps.dataSource, auth.actor, query)
      return {
        items: announcements.map((a) => ({
          id: a.id,
          title: a.title,
          body: a.body,
          audience: a.audience.filter(Boolean),
          sentAt: (a.sentAt ?? a.createdAt).toISOString(),
        })),
        ...query,
        total,
      }
    },
  )
}

import type { DataSource } from 'typeorm'
import type { Clock } from '../../../core/clock'
import { recordSubscriptions, subscriptionsOf } from '../../../core/delivery/subscriptions'
import type { Api } from '../define'
import { subscribeBody, subscriptionsAnswer } from './schema'

/** What the subscription routes need: the templates the service sends, when configured. */
export interface SubscriptionRouteDeps {
  dataSource: DataSource
  clock: Clock
  templateIds?: readonly string[]
}

/** Subscribe-message consent of a mini-program user: record acceptances, see what is left. */
export function subscriptionRoutes(api: Api, deps: SubscriptionRouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/api/v1/me/subscriptions',
      tag: 'me',
      summary: '记下用户在 wx.requestSubscribeMessage 中同意的模板（每次同意可发一条），答剩余条数',
      access: 'signed-in',
      body: subscribeBody,
      response: subscriptionsAnswer,
      status: 201,
    },
    async ({ auth, body }) => ({
      items: await recordSubscriptions(deps, auth.account, body.templateIds, deps.templateIds),
    }),
  )

  api.route(
    {
      method: 'get',
      path: '/api/v1/me/subscriptions',
      tag: 'me',
      summary: '各订阅消息模板还可发送的条数',
      access: 'signed-in',
      response: subscriptionsAnswer,
    },
    async ({ auth }) => ({ items: await subscriptionsOf(deps.dataSource, auth.account) }),
  )
}

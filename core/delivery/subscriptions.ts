import type { DataSource } from 'typeorm'
import type { Account } from '../auth/session'
import type { Clock } from '../clock'
import { ForbiddenError, ValidationError } from '../errors'
import { consentsOf, grantConsent } from './consents'

/** How many of each subscribe template a mini-program user may still be sent. */
export type Subscriptions = Array<{ templateId: string; remaining: number }>

function openidOf(account: Account | undefined): string {
  if (account?.channel !== 'miniprogram') throw new ForbiddenError('订阅消息只能在微信小程序中授权和查看')
  return account.externalId
}

/**
 * Counts the templates a mini-program user just accepted in `wx.requestSubscribeMessage`: each
 * acceptance allows exactly one subscribe message of that template (PLATFORM.md), so each adds
 * one. When the service knows its templates (`known`), others are refused: nothing would use them.
 * @throws ForbiddenError for an account that is not a mini-program user's (another channel, a
 * script token); ValidationError for a template the service does not send.
 */
export async function recordSubscriptions(
  deps: { dataSource: DataSource; clock: Clock },
  account: Account | undefined,
  templateIds: readonly string[],
  known: readonly string[] = [],
): Promise<Subscriptions> {
  const openid = openidOf(account)
  const unknown = known.length > 0 ? templateIds.find((t) => !known.includes(t)) : undefined
  if (unknown !== undefined) throw new ValidationError(`templateIds: 本服务不发送模板 ${unknown} 的订阅消息`)
  const now = deps.clock.now()
  for (const templateId of new Set(templateIds)) await grantConsent(deps.dataSource, openid, templateId, now)
  return consentsOf(deps.dataSource, openid)
}

/**
 * The subscribe messages a mini-program user may still be sent, per template.
 * @throws ForbiddenError for an account that is not a mini-program user's.
 */
export function subscriptionsOf(ds: DataSource, account: Account | undefined): Promise<Subscriptions> {
  return consentsOf(ds, openidOf(account))
}

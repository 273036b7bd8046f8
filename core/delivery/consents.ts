import type { DataSource } from 'typeorm'
import { SubscribeConsent } from '../../entities/subscribe-consent.entity'

/**
 * Counts `count` more acceptances of a subscribe template by a mini-program user (after
 * `wx.requestSubscribeMessage` said accept): each allows one subscribe message.
 */
export async function grantConsent(
  ds: DataSource,
  openid: string,
  templateId: string,
  now: Date,
  count = 1,
): Promise<void> {
  const repo = ds.getRepository(SubscribeConsent)
  const added = await repo
    .createQueryBuilder()
    .update(SubscribeConsent)
    .set({ remaining: () => `remaining + ${Math.trunc(count)}`, updatedAt: now })
    .where({ openid, templateId })
    .execute()
  if (added.affected) return
  try {
    await repo.insert({ openid, templateId, remaining: count, updatedAt: now })
  } catch {
    // Inserted by a concurrent grant just now: add to it.
    await grantConsent(ds, openid, templateId, now, count)
  }
}

/** Takes one consent for a send; false when none is left. One atomic statement, so two instances never take the same one. */
export async function takeConsent(ds: DataSource, openid: string, templateId: string, now: Date): Promise<boolean> {
  const taken = await ds
    .getRepository(SubscribeConsent)
    .createQueryBuilder()
    .update(SubscribeConsent)
    .set({ remaining: () => 'remaining - 1', updatedAt: now })
    .where('openid = :openid AND templateId = :templateId AND remaining > 0', { openid, templateId })
    .execute()
  return Boolean(taken.affected)
}

/** Gives back a consent taken for a send that did not reach WeChat (a timeout, a 5xx). */
export async function returnConsent(ds: DataSource, openid: string, templateId: string, now: Date): Promise<void> {
  await grantConsent(ds, openid, templateId, now, 1)
}

/** Forgets a user's consents to a template (WeChat answered 43101: refused or used up). */
export async function clearConsent(ds: DataSource, openid: string, templateId: string, now: Date): Promise<void> {
  await ds.getRepository(SubscribeConsent).update({ openid, templateId }, { remaining: 0, updatedAt: now })
}

/** How many subscribe messages of each template a mini-program user may still receive, by template id. */
export async function consentsOf(
  ds: DataSource,
  openid: string,
): Promise<Array<{ templateId: string; remaining: number }>> {
  const rows = await ds.getRepository(SubscribeConsent).find({ where: { openid }, order: { templateId: 'ASC' } })
  return rows.map((r) => ({ templateId: r.templateId, remaining: r.remaining }))
}

import { type DataSource, In } from 'typeorm'
import { IdentityBinding } from '../../entities/identity-binding.entity'

/**
 * Which of a person's accounts a message goes to first: WeCom, then WeChat, mini-program, 微信客服
 * (late: it may send only 5 messages in the 48 h after the person last wrote), terminal.
 */
export const CHANNEL_PREFERENCE = ['wecom', 'wechat', 'miniprogram', 'wechat-kf', 'terminal']

/** Where a message to a person goes: their preferred bound account; `handle` is their terminal handle, if they have one (the demo people). */
export interface Address {
  channel: string
  recipient: string
  handle?: string
}

/** The address of each person who has one, in batches of 500 ids; people bound nowhere are absent. */
export async function addressesOf(ds: DataSource, people: number[]): Promise<Map<number, Address>> {
  const found = new Map<number, Address>()
  for (let i = 0; i < people.length; i += 500) {
    // Raw rows, not entities: this runs for every message a job plans.
    const bindings = await ds
      .getRepository(IdentityBinding)
      .createQueryBuilder('b')
      .select(['b.personId AS personId', 'b.channel AS channel', 'b.externalId AS externalId'])
      .where({ personId: In(people.slice(i, i + 500)) })
      .getRawMany<{ personId: number; channel: string; externalId: string }>()
    for (const raw of bindings) {
      const b = { ...raw, personId: Number(raw.personId) }
      const current = found.get(b.personId)
      const handle = b.channel === 'terminal' ? b.externalId : current?.handle
      if (!current || CHANNEL_PREFERENCE.indexOf(b.channel) < CHANNEL_PREFERENCE.indexOf(current.channel)) {
        found.set(b.personId, { channel: b.channel, recipient: b.externalId, ...(handle ? { handle } : {}) })
      } else if (handle) {
        current.handle = handle
      }
    }
  }
  return found
}

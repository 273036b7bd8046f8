import { type BroadcastReach, queueBroadcast } from '../../core/announcements/broadcast'
import { type Audience, describeAudience } from '../../core/groups/audience'
import { commandText } from '../command-text'
import type { Dialogue, Flow, Turn } from '../types'

const SAY = {
  preview: (audience: string, reach: BroadcastReach, text: string) =>
    [
      `将向“${audience}”发送这条通知，覆盖 ${reach.groups.length} 个群、${reach.people.length} 人：`,
      '——',
      text,
      '——',
      '回复“确认”发送，回复“取消”放弃。',
    ].join('\n'),
  nobody: (audience: string) =>
    `“${audience}”目前没有可以送达的群或人，请换一个对象，或先在群里发送“本群设置 城市 身份”登记群。`,
  queued: (id: number, groups: number, people: number) =>
    `已加入发送队列（公告 #${id}）：${groups} 个群、${people} 人，将按各渠道的频率限制依次送达。`,
  again: '请回复“确认”发送这条广播，或回复“取消”放弃。',
  cancelled: '已取消，这条广播没有发送。',
}

const CONFIRM = /^(?:确认|确定|确认发送|确认无误|发送|发|发吧|好的?|是的?|可以|ok|yes)$/i

interface BroadcastDraft {
  cohortId: number
  audience: Audience
  text: string
}

/** 广播 <对象> <内容>: a preview naming the groups and people it reaches, then 确认 queues it. */
export const broadcastFlow: Flow & { preview(draft: BroadcastDraft, reach: BroadcastReach): Turn } = {
  name: 'broadcast',
  title: '广播',
  cancelled: SAY.cancelled,
  preview(draft, reach) {
    const who = describeAudience(draft.audience)
    if (reach.groups.length + reach.people.length === 0) return { replies: [{ text: SAY.nobody(who) }] }
    const dialogue: Dialogue = { flow: 'broadcast', step: 'confirm', data: { ...draft } }
    return { replies: [{ text: SAY.preview(who, reach, draft.text), choices: ['确认', '取消'] }], dialogue }
  },
  async continue(ctx, dialogue, text) {
    if (!CONFIRM.test(commandText(text))) return { replies: [{ text: SAY.again, choices: ['确认', '取消'] }], dialogue }
    const draft = dialogue.data as unknown as BroadcastDraft
    const done = await queueBroadcast(ctx.deps, ctx.actor, draft)
    return { replies: [{ text: SAY.queued(done.announcementId, done.groups, done.people) }] }
  },
}

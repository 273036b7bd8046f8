import { MAX_ANNOUNCEMENT_CHARS, reachOf } from '../../core/announcements/broadcast'
import { describeAudience, readAudience } from '../../core/groups/audience'
import { broadcastStatus } from '../../core/announcements/broadcast-status'
import { labelGroup } from '../../core/groups/groups'
import { WECOM_APPCHAT_CHANNEL } from '../../core/delivery/senders/wecom-appchat'
import { broadcastFlow } from '../flows/broadcast.flow'
import { cohortIdOf, groupKindOf } from '../context'
import { say } from '../types'
import { asWritten, type Command } from './command'

const SAY = {
  usage:
    '广播的格式：广播 对象 内容。对象可以是：全部，城市（南宁、柳州、桂林），身份（学生、家长、导师、教师），或学科（数学、物理…），例如：广播 南宁 本周六上午9点在广西大学举行见面会。',
  badAudience: (words: string) =>
    `没看懂广播对象“${words}”。可以用：全部，城市（南宁、柳州、桂林），身份（学生、家长、导师、教师），或学科名，例如：广播 家长 ……`,
  tooLong: `通知太长了，请控制在 ${MAX_ANNOUNCEMENT_CHARS} 字以内。`,
  labelUsage: '请在要登记的群里@我发送“本群设置 城市 身份”，例如：本群设置 南宁 家长。',
  notInGroup: '“本群设置”要在群里@我发送，这样我才知道是哪个群。',
  badLabel: (words: string) =>
    `没看懂“${words}”。请写城市（南宁、柳州、桂林）、身份（学生、家长、导师、教师）或学科，例如：本群设置 南宁 家长。`,
  labelled: (who: string) => `已登记：本群是“${who}”群。之后发给“${who}”的广播会发到这里。`,
  appChatUsage:
    '登记企业微信应用群的格式：登记应用群 群ID 城市 身份，例如：登记应用群 wrNanningParents 南宁 家长。群ID 是应用建群（appchat/create）时定的 chatid，只含字母、数字。',
  appChatLabelled: (chatId: string, who: string) =>
    `已登记：企业微信应用群 ${chatId} 是“${who}”群。之后发给“${who}”的广播会通过应用发到这个群。`,
}

/** A chatid as the WeCom app's appchat/create takes it: letters and digits, at most 32. */
const APP_CHAT_ID = /^[0-9A-Za-z]{1,32}$/

const BROADCAST = /^(?:广播|群发|发通知|发布通知)(?:(?:\s*[:：]\s*|\s+)(\S+)(?:\s+([\s\S]+))?)?$/

/** 广播 <对象> <内容>: office staff's announcement, previewed before it is queued. */
export const broadcastCommand: Command = {
  name: 'broadcast',
  description: 'office staff broadcast to groups and people of a city, role, subject or everyone, after a preview',
  usage: '广播 对象 内容 — 向全部、某城市、某身份或某学科的群和人发通知（先预览，确认后发送）',
  needsBinding: true,
  action: 'broadcast.send',
  match: (text) => BROADCAST.exec(text),
  async run(ctx, formMatch) {
    const match = asWritten(BROADCAST, ctx.msg.text, formMatch)
    const words = match?.[1] ?? ''
    const text = (match?.[2] ?? '').trim()
    if (!words || !text) return say(SAY.usage)
    if ([...text].length > MAX_ANNOUNCEMENT_CHARS) return say(SAY.tooLong)
    const cohortId = await cohortIdOf(ctx)
    const audience = await readAudience(ctx.deps.dataSource, cohortId, words)
    if (!audience) return say(SAY.badAudience(words))
    const reach = await reachOf(ctx.deps.dataSource, cohortId, audience)
    return broadcastFlow.preview({ cohortId, audience, text }, reach)
  },
}

/** 本群设置 <城市> <身份>: says in a group whom it is for, so broadcasts find it. */
export const labelGroupCommand: Command = {
  name: 'label_group',
  description: 'office or city staff label the group they write in with its city, role or subject',
  usage: '本群设置 城市 身份 — 在群里登记这个群是哪个城市、哪类人的群',
  needsBinding: true,
  action: 'group.label',
  match: (text) => /^(?:本群设置|群设置|设置本群)(?:\s*[:：]?\s*([\s\S]+))?$/.exec(text),
  async run(ctx, match) {
    const words = (match?.[1] ?? '').trim()
    if (!ctx.msg.chatId) return say(SAY.notInGroup)
    if (!words) return say(SAY.labelUsage)
    const cohortId = await cohortIdOf(ctx)
    const audience = await readAudience(ctx.deps.dataSource, cohortId, words)
    if (!audience) return say(SAY.badLabel(words))
    await labelGroup(ctx.deps, ctx.actor, {
      group: { kind: groupKindOf(ctx.msg.channel), externalId: ctx.msg.chatId, name: ctx.msg.chatName },
      cohortId,
      words,
    })
    return say(SAY.labelled(describeAudience(audience)))
  },
}

/**
 * 登记应用群 <chatid> <城市> <身份>: labels a group chat the WeCom app created. The app gets no
 * messages from its own chats, so 本群设置 cannot be said there; staff name the chat by its id
 * from a private chat instead.
 */
export const labelAppChatCommand: Command = {
  name: 'label_app_chat',
  description:
    'office or city staff label a group chat the WeCom app created, by its chatid, with its city, role or subject',
  usage: '登记应用群 群ID 城市 身份 — 登记企业微信应用建的群是哪个城市、哪类人的群',
  needsBinding: true,
  action: 'group.label',
  match: (text) => /^(?:登记应用群|应用群设置|设置应用群)(?:\s*[:：]?\s*([\s\S]+))?$/.exec(text),
  async run(ctx, match) {
    const [chatId = '', ...rest] = (match?.[1] ?? '').trim().split(/\s+/)
    const words = rest.join(' ')
    if (!APP_CHAT_ID.test(chatId) || !words) return say(SAY.appChatUsage)
    const cohortId = await cohortIdOf(ctx)
    const audience = await readAudience(ctx.deps.dataSource, cohortId, words)
    if (!audience) return say(SAY.badLabel(words))
    await labelGroup(ctx.deps, ctx.actor, {
      group: { kind: WECOM_APPCHAT_CHANNEL, externalId: chatId },
      cohortId,
      words,
    })
    return say(SAY.appChatLabelled(chatId, describeAudience(audience)))
  },
}

const STATUS_WORDS: Record<string, string> = { sent: '已送达', pending: '待发送', failed: '发送失败' }

/** 广播状态: the office sees how far the latest broadcasts have come, group by group. */
export const broadcastStatusCommand: Command = {
  name: 'broadcast_status',
  description:
    "office staff see the latest broadcasts' deliveries: each group sent, pending or failed, and the people's counts",
  usage: '广播状态 — 最近几条广播在各群和各人的送达情况',
  needsBinding: true,
  action: 'broadcast.send',
  match: (text) => /^(?:广播|通知|群发)(?:状态|进度|情况|送达情况|发送情况)$/.test(text),
  async run(ctx) {
    const list = await broadcastStatus(ctx.deps.dataSource, ctx.actor, await cohortIdOf(ctx))
    if (list.length === 0) return say('还没有发过广播。')
    const blocks = list.map(({ announcement: a, groups, people }) => {
      const lines = [`公告 #${a.id}「${a.title}」`]
      for (const g of groups)
        lines.push(`· ${g.name}：${STATUS_WORDS[g.status] ?? g.status}${g.error ? `（${g.error.slice(0, 40)}）` : ''}`)
      lines.push(
        `· 个人：已送达 ${people.sent}，待发送 ${people.pending}，发送失败 ${people.failed}${people.unreached ? `，未触达 ${people.unreached}` : ''}`,
      )
      return lines.join('\n')
    })
    return say(blocks.join('\n\n'))
  },
}

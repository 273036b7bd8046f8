import { bindIdentity } from '../../core/people/bind-identity'
import { say } from '../types'
import type { Command } from './command'

const ROLE_NAMES: Record<string, string> = {
  student: '学生',
  parent: '家长',
  teacher: '中学指导教师',
  mentor: '高校导师',
  city_staff: '市级科协工作人员',
  office: '管理办公室工作人员',
}

const SAY = {
  usage: '请发送“绑定 邀请码”，例如：绑定 AB12CD34。邀请码由学校或管理办公室发放。',
  bound: (role: string) => `绑定成功，你的身份是：${role}。发送“帮助”看看现在可以做什么。`,
  already: '这个账号已经绑定过身份了。如需更换，请发送“转人工 更换绑定”联系管理办公室。',
  invalid: '这个邀请码不对，请核对后再发一次（字母不区分大小写）。',
  expired: '这个邀请码已经过期了，请向学校或管理办公室重新领取。',
  used: '这个邀请码已经用过了，每个邀请码只能绑定一次。如有疑问请发送“转人工 邀请码已被使用”。',
  limited: (minutes: number) => `尝试次数太多了，请 ${minutes} 分钟后再试。`,
}

/** 绑定 <邀请码>: binds this WeChat / WeCom / terminal account to the person the code was issued for. */
export const bindCommand: Command = {
  name: 'bind',
  description: 'redeems a one-time invite code for this channel account',
  usage: '绑定 邀请码 — 用学校或管理办公室发的邀请码绑定身份',
  listed: (actor) => actor.personId === undefined,
  match: (text) => /^(?:绑定|绑定身份|绑定账号)\s*[:：]?\s*([A-Za-z0-9-]{0,32})\s*$/.exec(text),
  async run(ctx, match) {
    const code = match?.[1] ?? ''
    if (!code) return say(SAY.usage)
    const outcome = await bindIdentity(ctx.deps, { channel: ctx.msg.channel, externalId: ctx.msg.senderId, code })
    switch (outcome.kind) {
      case 'bound':
        return say(SAY.bound(ROLE_NAMES[outcome.role] ?? outcome.role))
      case 'already_bound':
        return say(SAY.already)
      case 'rate_limited':
        return say(SAY.limited(outcome.retryAfterMinutes))
      default:
        return say(SAY[outcome.kind])
    }
  },
}

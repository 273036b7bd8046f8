import type { Actor } from '../../core/actor'
import { say } from '../types'
import { bindCommand } from './bind.command'
import { broadcastCommand, broadcastStatusCommand, labelAppChatCommand, labelGroupCommand } from './broadcast.command'
import { type Command, mayUse } from './command'
import { eligibilityCommand } from './eligibility.command'
import { growthLogCommand } from './growth-log.command'
import { kfHeldCommand } from './kf-held.command'
import { answerTicketCommand, handoffCommand, openTicketsCommand } from './handoff.command'
import {
  childProgressCommand,
  myProgressCommand,
  studentsProgressCommand,
  weeklyDigestCommand,
} from './progress.command'
import { questionCommand } from './question.command'

const HELP_INTRO = [
  '我是八桂英才助手，可以帮你：',
  '· 直接提问培养计划的规则和时间，例如“报名什么时候截止？”“南宁有多少名额？”',
  '· 判断能不能报名，例如“我在南宁读高一，物理年级前10%，能报吗？”',
]
const HELP_OUTRO = '任何一步发送“取消”都可以退出当前操作。'

/** What one person can do, a line each: what their role allows, nothing more. */
export function abilities(actor: Actor): string[] {
  const commands = COMMANDS.filter((c) => c.usage && (c.listed ? c.listed(actor) : mayUse(c, actor)))
  return [...HELP_INTRO.slice(1), ...commands.map((c) => `· ${c.usage}`)]
}

/** 帮助 for one person. */
export function helpText(actor: Actor): string {
  return [HELP_INTRO[0], ...abilities(actor), HELP_OUTRO].join('\n')
}

/** 帮助: what this person can say. */
const helpCommand: Command = {
  name: 'help',
  description: "lists what the person's role can do",
  match: (text) =>
    /^(?:帮助|菜单|功能|help|\?|？|你能做什么|你会什么|怎么用|使用说明|能做什么)[?？!！。]*$/i.exec(text),
  run: async (ctx) => say(helpText(ctx.actor)),
}

/**
 * Every command, in the order a message is tried against them. A message goes to the first
 * whose pattern matches; the patterns are anchored, so the order only matters where two could
 * both apply:
 * 1. help — 帮助 must work for everyone, whatever else the words could mean;
 * 2. bind — a code is never a question;
 * 3–4. growth log, my progress — the student's everyday commands;
 * 5–7. child / students progress, weekly digest — the other roles' views;
 * 8–11. broadcast status, broadcast, group label, app-chat label — staff commands, before hand-off so 广播 is never a ticket;
 * 12–14. hand-off, open tickets, answer — 转人工 from anyone, the office's side after it;
 * 15. 微信客服's held messages — the office's, an exact phrase;
 * 16. eligibility — 能报名吗 about someone not yet described: asked back before any general answer;
 * 17. question — anything else is a question about the program (it matches every text: last).
 */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  bindCommand,
  growthLogCommand,
  myProgressCommand,
  childProgressCommand,
  studentsProgressCommand,
  weeklyDigestCommand,
  broadcastStatusCommand,
  broadcastCommand,
  labelGroupCommand,
  labelAppChatCommand,
  handoffCommand,
  openTicketsCommand,
  answerTicketCommand,
  kfHeldCommand,
  eligibilityCommand,
  questionCommand,
]

/** The command a text goes to, with its match. */
export function routeOf(
  text: string,
  ctx: Parameters<Command['match']>[1],
): { command: Command; match: RegExpExecArray | null } {
  for (const command of COMMANDS) {
    const m = command.match(text, ctx)
    if (m) return { command, match: m === true ? null : m }
  }
  return { command: questionCommand, match: null }
}

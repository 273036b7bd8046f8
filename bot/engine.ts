import { type Actor, resolveActor } from '../core/actor'
import { AppError } from '../core/errors'
import { noteGroupSeen } from '../core/groups/groups'
import { builtInProgram } from '../core/knowledge/program'
import { maskText } from '../core/privacy/mask'
import { datetimeParameter, execute } from '../core/data-source'
import { commandText } from './command-text'
import { abilities, helpText, routeOf } from './commands'
import type { Command } from './commands/command'
import { mayUse } from './commands/command'
import { chooseChild } from './commands/progress.command'
import { groupKindOf } from './context'
import { broadcastFlow } from './flows/broadcast.flow'
import { eligibilityFlow } from './flows/eligibility.flow'
import { growthLogFlow } from './flows/growth-log.flow'
import { type StateStore, type StoredDialogue, databaseStateStore } from './state-store'
import type { BotDeps, Flow, Inbound, Reply, Turn, TurnContext } from './types'

// What the engine itself says, as a script.
const SAY = {
  expired: (title: string) => `上次的“${title}”超过 30 分钟没有继续，已经自动结束，没有保存。`,
  nothingToCancel: '现在没有进行中的操作。发送“帮助”看看我能做什么。',
  helpInFlow: (title: string) => `（你正在“${title}”：继续回答上面的问题，或发送“取消”退出。）`,
  notText: '我暂时只能看懂文字消息（语音会自动转成文字）。请把问题用文字发给我。',
  empty: '请直接输入你的问题，或发送“帮助”看看我能做什么。',
  slowDown: '消息有点多，我处理不过来了，请稍等一分钟再发。',
  unbound: (what: string) =>
    `你还没有绑定身份，暂时不能使用“${what}”。请发送“绑定 邀请码”完成绑定（邀请码由学校或管理办公室发放）。`,
  refused: (what: string, abilities: string[]) => [`抱歉，你没有权限使用“${what}”。你可以：`, ...abilities].join('\n'),
  failed: '抱歉，我这边出了点问题，请稍后再试；着急的话可以发送“转人工 你的问题”。',
  byCode: {
    validation: '内容不符合要求，请检查后再发一次。',
    forbidden: '抱歉，你没有权限做这件事。',
    not_found: '没有找到相关记录。',
    conflict: '这件事已经处理过了。',
  } as Record<string, string>,
}

const CANCEL = /^(?:取消|算了|不写了|不用了|退出|放弃|不要了|不弄了|不填了|先不写了|先不弄了|cancel|quit)$/i
const HELP = /^(?:帮助|菜单|help|\?)$/i

/** How long a dialogue waits for its next message before it expires. */
export const DIALOGUE_IDLE_MS = 30 * 60_000

/** Every flow a stored dialogue can belong to, by name. */
const FLOWS: Record<string, Flow> = Object.fromEntries(
  [growthLogFlow, eligibilityFlow, broadcastFlow, chooseChild].map((f) => [f.name, f]),
)

/** The engine every channel hands its messages to. */
export interface Engine {
  /** The replies to one message, in order (none for a duplicate or a muted sender). Never throws. */
  handle(msg: Inbound): Promise<Reply[]>
}

/** Options of an engine: its state store and, for open channels, a per-person rate limit. */
export interface EngineOptions {
  store?: StateStore
  /** Messages per person and minute before the bot asks them to slow down; unset: unlimited. */
  perMinute?: number
}

/** The dialogue key of a message: the sender in a private chat; the sender within the group in a group. */
export function chatKeyOf(msg: Inbound): string {
  return msg.chatId ? `${msg.chatId}|${msg.senderId}` : msg.senderId
}

/** What a command is called in replies: its usage up to the dash. */
function commandName(command: Command): string {
  return (command.usage ?? command.name).split(' — ')[0]?.split(' ')[0] ?? command.name
}

/** A Chinese reply for an error a command or flow threw. */
function errorReply(error: unknown): string | undefined {
  if (!(error instanceof AppError)) return undefined
  if (/[\u4e00-\u9fff]/.test(error.message) && !/^[a-z]+:/.test(error.message)) return error.message
  return SAY.byCode[error.code]
}

/**
 * The conversation engine: one per service, shared by every channel. A message goes through
 * de-duplication, the sender's identity and role, the stored dialogue of its chat (expired
 * after 30 idle minutes), 取消 and 帮助, then either the running flow or the command table
 * (bot/commands/index.ts); the dialogue is stored again for the next message.
 */
export function createEngine(deps: BotDeps, options: EngineOptions = {}): Engine {
  const store = options.store ?? databaseStateStore(deps.dataSource)
  const recent = new Map<string, number[]>()

  /** Whether the sender is within the limit (ok), just over it (warn: told once to slow down), or still over it (mute). */
  function overLimit(msg: Inbound, now: number): 'ok' | 'warn' | 'mute' {
    if (!options.perMinute) return 'ok'
    const key = `${msg.channel}:${msg.senderId}`
    const times = (recent.get(key) ?? []).filter((t) => now - t < 60_000)
    times.push(now)
    recent.set(key, times)
    if (recent.size > 10_000) recent.delete(recent.keys().next().value as string)
    if (times.length <= options.perMinute) return 'ok'
    return times.length === options.perMinute + 1 ? 'warn' : 'mute'
  }

  const q = (name: string) => deps.dataSource.driver.escape(name)
  const recordSeen = `INSERT INTO ${q('processed_message')} (${['channel', 'messageId', 'processedAt'].map(q).join(', ')}) VALUES (?, ?, ?)`
  const wasSeen = `SELECT 1 AS seen FROM ${q('processed_message')} WHERE ${q('channel')} = ? AND ${q('messageId')} = ?`

  /** Whether the message is new; a redelivered one (its id already recorded) is not. Throws when the database does. */
  async function firstSeen(msg: Inbound, at: Date): Promise<boolean> {
    if (!msg.messageId) return true
    const id = msg.messageId.slice(0, 191)
    try {
      await execute(deps.dataSource, recordSeen, [msg.channel, id, datetimeParameter(deps.dataSource, at)])
      return true
    } catch (error) {
      // Only the unique key refusing it means "seen before"; any other failure is not a duplicate to drop silently.
      if (((await deps.dataSource.query(wasSeen, [msg.channel, id])) as unknown[]).length > 0) return false
      throw error
    }
  }

  async function route(ctx: TurnContext, text: string): Promise<Turn> {
    const { command, match } = routeOf(commandText(text), ctx)
    if (!mayUse(command, ctx.actor)) {
      const what = commandName(command)
      if (command.needsBinding && ctx.actor.personId === undefined) return { replies: [{ text: SAY.unbound(what) }] }
      return { replies: [{ text: SAY.refused(what, abilities(ctx.actor)) }] }
    }
    return command.run(ctx, match)
  }

  async function turn(ctx: TurnContext, text: string, stored: StoredDialogue | undefined): Promise<Turn> {
    const form = commandText(text)
    if (!stored) return CANCEL.test(form) ? { replies: [{ text: SAY.nothingToCancel }] } : route(ctx, text)
    const flow = FLOWS[stored.flow]
    if (!flow) return route(ctx, text)
    if (CANCEL.test(form)) return { replies: [{ text: flow.cancelled }] }
    if (HELP.test(form)) {
      return { replies: [{ text: `${helpText(ctx.actor)}\n${SAY.helpInFlow(flow.title)}` }], dialogue: stored }
    }
    const next = await flow.continue(ctx, stored, text)
    return next.pass ? route(ctx, text) : next
  }

  return {
    async handle(msg) {
      const at = deps.clock.now()
      try {
        const limit = overLimit(msg, at.getTime())
        if (limit !== 'ok') return limit === 'warn' ? [{ text: SAY.slowDown }] : []
        if (!(await firstSeen(msg, at))) return []
        if (msg.chatId) {
          await noteGroupSeen(deps.dataSource, deps.clock, {
            kind: groupKindOf(msg.channel),
            externalId: msg.chatId,
            name: msg.chatName,
          })
        }
        if (msg.kind === 'other') return [{ text: SAY.notText }]
        const text = msg.text.replace(/\u2005/g, ' ').trim()
        if (!text) return [{ text: SAY.empty }]
        if (deps.logger.isLevelEnabled('debug'))
          deps.logger.debug({ channel: msg.channel, text: maskText(text) }, 'bot message')

        const actor: Actor = await resolveActor(deps.dataSource, msg.channel, msg.senderId)
        const program = builtInProgram()
        if (!program) return [{ text: SAY.failed }]
        const ctx: TurnContext = { deps, actor, msg: { ...msg, text }, program, now: at }
        const key = chatKeyOf(msg)
        let stored = await store.load(msg.channel, key)
        const notes: Reply[] = []
        const hadDialogue = Boolean(stored)
        if (stored && at.getTime() - stored.updatedAt.getTime() > DIALOGUE_IDLE_MS) {
          notes.push({ text: SAY.expired(FLOWS[stored.flow]?.title ?? '对话') })
          stored = undefined
        }
        const result = await turn(ctx, text, stored)
        if (result.dialogue || hadDialogue) await store.save(msg.channel, key, result.dialogue, at)
        return [...notes, ...result.replies]
      } catch (error) {
        const known = errorReply(error)
        if (known) return [{ text: known }]
        // The error's name and first line only: a database error carries the statement's parameters, which hold what people wrote.
        const failure =
          error instanceof Error
            ? { kind: error.name, message: maskText(error.message.split('\n')[0] ?? '').slice(0, 200) }
            : { kind: typeof error }
        deps.logger.error({ failure, channel: msg.channel }, 'bot message failed')
        return [{ text: SAY.failed }]
      }
    },
  }
}

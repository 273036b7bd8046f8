import type { Actor } from '../core/actor'
import type { QaDeps } from '../core/knowledge/ask-question'
import type { Program } from '../core/knowledge/program'

/** The channels a person talks to the bot through; each is also an IdentityBinding channel. */
export type BotChannel = 'terminal' | 'wechat' | 'wecom' | 'wechat-kf'

/** One message as every channel hands it to the engine. */
export interface Inbound {
  channel: BotChannel
  /** The sender's stable id on the channel (contact id, WeCom userid, terminal handle). */
  senderId: string
  /** The group's stable id when the message was written in a group; absent in a private chat. */
  chatId?: string
  /** The group's current name, for the office's eyes only (groups are never addressed by name). */
  chatName?: string
  /** The text, mentions of the bot already removed; a voice message's transcript. */
  text: string
  /** The channel's message id, when it has one: a message seen twice is handled once. */
  messageId?: string
  /** What arrived: text (and transcribed voice) is understood, anything else gets a polite note. */
  kind?: 'text' | 'voice' | 'other'
}

/** One reply bubble; `choices` are quick answers a channel may show as buttons (确认 / 取消). */
export interface Reply {
  text: string
  choices?: string[]
}

/** A dialogue in progress for one chat: which flow, which step, what it has collected. */
export interface Dialogue {
  flow: string
  step: string | null
  data: Record<string, unknown>
}

/** What the engine needs from the running service: what answering a question needs (the same answer cache and review queue as the HTTP API). */
export type BotDeps = QaDeps

/** Everything a command or a flow step knows about the message it handles. */
export interface TurnContext {
  deps: BotDeps
  actor: Actor
  msg: Inbound
  /** The program the conversation is about (the current cohort's). */
  program: Program
  now: Date
}

/**
 * What a command or flow step decides: the replies, and the dialogue from now on (`undefined`
 * leaves the chat idle). `pass` means the text was not for the running flow: the flow ends and
 * the text is routed as a new message.
 */
export interface Turn {
  replies: Reply[]
  dialogue?: Dialogue
  pass?: boolean
}

/** A multi-turn conversation the engine can resume from its stored Dialogue. */
export interface Flow {
  name: string
  /** What the flow is about, for the expiry and 取消 notes: 写成长日志. */
  title: string
  /** What is said when the person cancels (取消) it: what was not done. */
  cancelled: string
  /** Handles the next text of a running dialogue (取消, expiry and help are the engine's). */
  continue(ctx: TurnContext, dialogue: Dialogue, text: string): Promise<Turn>
}

/** Turns that are a single text reply. */
export function say(...texts: string[]): Turn {
  return { replies: texts.map((text) => ({ text })) }
}

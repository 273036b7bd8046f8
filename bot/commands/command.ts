import type { Actor } from '../../core/actor'
import { type Action, can } from '../../core/policies'
import type { Turn, TurnContext } from '../types'

/**
 * Something a person can say to the bot: when it applies (a pattern over the message), who may
 * use it (a policy action, or a test of its own), and what it does. The order of the table in
 * commands/index.ts decides which command a message goes to.
 */
export interface Command {
  name: string
  /** What it does, in one line, for whoever maintains the bot. */
  description: string
  /** How it is shown in 帮助, in Chinese; absent: not listed. */
  usage?: string
  /** Whether the person must be bound to someone first (their role decides the rest). */
  needsBinding?: boolean
  /** The policy action that guards it. */
  action?: Action
  /** A guard of its own when one action is not enough (我的进度 serves four roles). */
  allowed?(actor: Actor): boolean
  /** Whether 帮助 lists it for this person (default: whenever they may use it). */
  listed?(actor: Actor): boolean
  match(text: string, ctx: TurnContext): RegExpExecArray | boolean | null
  run(ctx: TurnContext, match: RegExpExecArray | null): Promise<Turn>
}

/** Whether the actor may use the command. */
export function mayUse(command: Command, actor: Actor): boolean {
  if (command.needsBinding && actor.personId === undefined) return false
  if (command.allowed) return command.allowed(actor)
  return command.action ? can(actor, command.action) : true
}

/**
 * The pattern's match on the message as the person wrote it (the text a command carries —
 * an announcement, a question for the office — keeps its punctuation and emoji), falling back
 * to the match on the command form.
 */
export function asWritten(pattern: RegExp, text: string, match: RegExpExecArray | null): RegExpExecArray | null {
  return pattern.exec(text.trim()) ?? match
}

import type { Context } from './context'
import { memoOfText } from './memo'

/** A topic the plan leaves open: `label` names it in the reply, `related` the fact the plan does give on it. */
export interface OpenTopic {
  pattern: RegExp
  label: string
  related?: string
  /** A money question: no fact that merely shares a word with it is said beside the gap. */
  alone?: boolean
}

/** The fact that says whom the plan selects: said next to a condition its rules do not set. */
const TARGET_FACT = 'target'

/**
 * The open topics of the program's vocabulary, then the conditions its rules do not set (户口,
 * 民办, 年龄 …) asked without a profile, each said next to the plan's 遴选对象.
 */
export function openTopicsOf(ctx: Pick<Context, 'vocab'>): OpenTopic[] {
  return [
    ...ctx.vocab.openTopics,
    ...ctx.vocab.offRuleConditions.map((c) => ({
      pattern: c.pattern,
      label: `${c.label}方面的要求`,
      related: TARGET_FACT,
    })),
  ]
}

/** The open topic a question raises, if any: the asking clause's first, else the first of the whole. */
export function openTopicIn(ctx: Context, q: string): OpenTopic | undefined {
  let topicOf = recentTopics.get(ctx)
  if (!topicOf) {
    const topics = ctx.openTopics
    topicOf = memoOfText((text) => {
      // "孩子住校不好出来，可以全部线上参加吗": the topic of the clause that asks comes before one of the remarks.
      const asking = text.split(/[，,。；;！!]/).filter((c) => /[?？]|吗|呢|嘛|么|能不能|可不可以|是否/.test(c))
      const last = asking[asking.length - 1]
      return (
        (last && last !== text ? topics.find((t) => t.pattern.test(last)) : undefined) ??
        topics.find((t) => t.pattern.test(text))
      )
    })
    recentTopics.set(ctx, topicOf)
  }
  return topicOf(q)
}

/** The open topic of recent asks, per context: several intents ask it of the same ask. */
const recentTopics = new WeakMap<Context, (q: string) => OpenTopic | undefined>()

/** Whether a question raises a topic the plan leaves open (some intents then stand aside). */
export function isSilentTopic(ctx: Context, q: string): boolean {
  return openTopicIn(ctx, q) !== undefined
}

/** The conditions outside the rules that a question raises, by label. */
export function offRuleLabels(ctx: Context, q: string): string[] {
  return ctx.vocab.offRuleConditions.filter((c) => c.pattern.test(q)).map((c) => c.label)
}

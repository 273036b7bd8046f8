import { type Context, decline } from '../context'
import { isSilentTopic, openTopicIn } from '../open-topics'
import type { QaAnswer } from '../qa-answer'
import { factsReply } from '../reply'
import { withoutExcepted } from '../wording'
import type { Intent } from './intent'

/** A party that may get the incentives of 十（三）. */
const INCENTIVE_PARTY = /老师|教师|导师|教授|高校|大学|中学|学校|学生|孩子|参加的|参与的|单位|我们|娃/
/** Asks for incentives, benefits or whether the work counts (激励, 好处, 有什么用, 算不算工作量…). */
const INCENTIVE_ASK =
  /激励|(?<![恰正刚])好处(?!于)|图(啥|什么)|奖励|(考核|业绩|绩效)[^，,。？?]{0,4}(如何|怎么|怎样)(认定|算|计)|有什么用|有啥用|有用吗|有没有用|用处|益处|工作量|评职称|职称评聘|职称.{0,4}(优先|有用|加分|有帮助)|绩效|综合素质评价|综评|回报|优待|甜头|(升学|学籍|个人|成长|学生)档案[^。？?]{0,8}(体现|记录|写|有没有|会不会|算)|(记入|计入|记进|记到|写进|写入|写到|放进|放到|纳入)[^。？?]{0,6}档案|收益|收获/

/** Whether something the student did counts when students are picked: the selection's articles. */
const SELECTION_USE =
  /(经历|经验|参加过|待过|搞过|做过)[^。？?]{0,16}(有用|有没有用|有啥用|有什么用)|(选人|选拔|遴选|推荐|入选|评选|挑人)(的时候|时)?[^。？?]{0,4}(有用|有没有用|有啥用|有什么用)/

/** 十（三）: what students, schools and teachers get from taking part. */
function incentivesAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!INCENTIVE_ASK.test(q) || !INCENTIVE_PARTY.test(q)) return undefined
  const ids = ['incentives']
  // What a student gets ("对孩子有啥好处", "图啥"): also what article 一 says taking part brings.
  if (
    /孩子|学生|娃|我(?!们)|图(啥|什么)/.test(q) &&
    /好处|图(啥|什么)|有(啥|什么)用|用处|益处|甜头|收益|收获/.test(q) &&
    !/老师|教师|导师|学校|中学|高校|大学|工作量|职称|绩效/.test(q)
  )
    ids.push('purpose')
  if (/奖励|表彰|评优/.test(q)) ids.push('commendation')
  return factsReply(ctx, ids)
}

/** An answer with the point the plan leaves open said after it, and whom to ask. */
function withOpenNote(ctx: Context, q: string, reply: QaAnswer | undefined): QaAnswer | undefined {
  const topic = openTopicIn(ctx, q)
  if (!reply || !topic) return reply
  const { person, phone } = ctx.office
  return {
    ...reply,
    answer: `${reply.answer}关于${topic.label}，方案没有规定，如需了解请咨询管理办公室${person}（电话${phone}）。`,
  }
}

/** The words around the incentive named (six before, eight after): where its own open point would be. */
function aroundIncentive(q: string): string {
  const m = INCENTIVE_NAMED.exec(q)
  return m ? q.slice(Math.max(0, m.index - 6), m.index + m[0].length + 8) : q
}

/** The incentives of 十（三） named outright. */
const INCENTIVE_NAMED = /工作量|职称评聘|绩效考核|业绩考核|综合素质评价/

/** What taking part brings to students, schools and teachers. */
export const incentives: Intent = {
  name: 'incentives',
  description: 'what taking part brings students, schools and teachers (十（三）)',
  triggers: [INCENTIVE_ASK],
  answer: (ask, ctx) =>
    // "对综评有冇用啊，娃以后想走强基": the incentive named is answered, the open point said after it.
    // "工作量怎么算，能折合几节课" asks the open point of the incentive itself: that point is open.
    INCENTIVE_NAMED.test(ask.q) && isSilentTopic(ctx, ask.q) && !isSilentTopic(ctx, aroundIncentive(ask.q))
      ? (withOpenNote(ctx, ask.q, incentivesAnswer(ctx, ask.q)) ?? decline(ask, 'asks no benefit of taking part'))
      : isSilentTopic(ctx, ask.q)
        ? decline(ask, 'raises a topic the plan leaves open')
        : // "成长日志有啥用": the use of a point the vocabulary names is that point's article, not 十（三）.
          // "承担指导任务能否计入科研工作量": the incentive named outright outweighs the point's words.
          !INCENTIVE_NAMED.test(ask.q) && ctx.vocab.aspects.some((a) => a.pattern.test(withoutExcepted(ask.q)))
          ? decline(ask, 'asks the use of a named point of an article')
          : // "科技社团待了两年，这种经历学校选人的时候有用吗": what counts in the selection, not what taking part brings.
            SELECTION_USE.test(ask.q)
            ? decline(ask, 'asks what counts when students are selected')
            : (incentivesAnswer(ctx, ask.q) ?? decline(ask, 'asks no benefit of taking part')),
}

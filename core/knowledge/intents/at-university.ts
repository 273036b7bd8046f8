import { type Context, decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factsAnswer } from '../reply'
import { PURPOSE_ASK } from '../wording'
import type { Intent } from './intent'

/** What a student does at the university (五（三） and 五（三）1), not only how often they go. */
const AT_UNIVERSITY =
  /(去|到|在|进)了?(大学|高校)(里|里面|那边|那里)?[^，,。？?]{0,8}(干|做|学|参加|搞|培养|活动|内容)|(大学|高校)(里|那边)?(都|主要|具体)?((带|教)(我们|学生|孩子|娃|他们)?)?(干|做|学)(些|点)?(什么|啥|哪些)|(大学|高校).{0,4}(怎么|如何).{0,3}培养/
const NOT_AT_UNIVERSITY =
  /次|多久|几|时长|地点|哪里|哪儿|在哪|多少|要求|条件|职责|负责|组织|统一|谁(来|带|安排)|由谁|配合|中学这边|中学要|学校这边|见面会|召开|举行|举办|开(还是|吗|呢|[?？])/

function atUniversityAnswer(ctx: Context, q: string): QaAnswer | undefined {
  // "让高中生去大学搞科研…到底图个啥": what the program is for, said in article 一.
  if (!AT_UNIVERSITY.test(q) || NOT_AT_UNIVERSITY.test(q) || PURPOSE_ASK.test(q)) return undefined
  return factsAnswer(ctx, ['training_mode', 'university_training', 'visits'])
}

/** What a student does at the university. */
export const atUniversity: Intent = {
  name: 'at_university',
  description: 'what a student does at the university (五（三）, 五（三）1)',
  answer: (ask, ctx) => atUniversityAnswer(ctx, ask.q) ?? decline(ask, 'asks not what is done at the university'),
}

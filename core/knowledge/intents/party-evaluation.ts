import { type Context, decline } from '../context'
import { isSilentTopic } from '../open-topics'
import type { QaAnswer } from '../qa-answer'
import { factsReply } from '../reply'
import type { Intent } from './intent'

/** A party other than the students that may itself be evaluated (九（五）). */
const EVALUATED_PARTY = /导师|老师|教师|学校|中学|高校|大学|单位/
const PARTY_EVALUATED = new RegExp(
  `(${EVALUATED_PARTY.source})[^，,。？?学生孩子]{0,6}(被|也要|也会|会不会|要不要|需不需要|需要|有没有|是否|会)[^，,。？?学生孩子]{0,3}(综合)?(评价|考核|考评|评估|评比|评)|对[^，,。？?]{0,4}(${EVALUATED_PARTY.source})[^，,。？?学生孩子]{0,8}(评价|考核|考评|评估|评比)`,
)

/** 九（五）: units, mentors and teachers are evaluated too, with the students, and commended. */
function partyEvaluationAnswer(ctx: Context, q: string): QaAnswer | undefined {
  // "参加这个学校会咋考核娃": the child is the one assessed, whatever party the sentence names.
  if (!PARTY_EVALUATED.test(q) || /(评价|考核|考评|评估)(学生|孩子|娃|小孩|我们?|他|她)|学生的?(评价|考核)/.test(q))
    return undefined
  return factsReply(ctx, ['commendation'])
}

/** Whether mentors, teachers or units are evaluated too. */
export const partyEvaluation: Intent = {
  name: 'party_evaluation',
  description: 'whether mentors, teachers, schools or units are themselves evaluated (九（五）)',
  triggers: [PARTY_EVALUATED],
  answer: (ask, ctx) =>
    isSilentTopic(ctx, ask.q)
      ? decline(ask, 'raises a topic the plan leaves open')
      : // "方案对参与中学在中期评估、年度评价…方面有何要求": the party's work in the evaluations, not its own appraisal.
        /方面(还)?有(何|哪些|什么)要求|有(何|哪些|什么)职责|负责(什么|哪些)/.test(ask.q)
        ? decline(ask, 'asks a party’s duties in the evaluations')
        : (partyEvaluationAnswer(ctx, ask.q) ?? decline(ask, 'asks no evaluation of a party other than students')),
}

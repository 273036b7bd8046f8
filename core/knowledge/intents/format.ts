import { type Context, decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factsReply, notInDocumentAnswer } from '../reply'
import { askedType } from '../scope'
import type { Intent } from './intent'

/** A document or hand-in named with a question of form (纸质/电子版, 原件, 几份, 照片…). */
const DOCUMENT = /申请表|报名表|材料|证书|证明|奖状|获奖|专利|成长日志|日志|日记|报告|论文|附件|表格|交|提交|报名|申请/

/**
 * The medium or form of what is handed in: the plan gives none, so the answer says so, whom to
 * ask, and the fact it does give on that document (the 《申请表》 of 九（二）1 unless another is named).
 */
function formatAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (askedType(q) !== 'format' || !DOCUMENT.test(q)) return undefined
  const log = /成长日志|日志|日记/.test(q)
  // "每次活动完要写那个日记，是交纸质的还是网上交": the plan says where the growth log goes (the platform).
  const visits = ctx.factsById.get('visits')
  if (log && visits && /网上|线上|电子|平台|纸质|手写/.test(q))
    return factsReply(
      ctx,
      [visits.id],
      `《成长日志》是每次活动后登录平台提交的，也就是网上提交，方案没有提到纸质版（${visits.section}）。`,
    )
  const id = log
    ? 'visits'
    : /课题报告|培养报告|读书报告|文献综述|实验记录|小论文/.test(q)
      ? 'annual'
      : 'school_recommendation'
  const fact = ctx.factsById.get(id)
  return notInDocumentAnswer(
    ctx,
    '材料的具体形式（纸质或电子、原件或复印件、份数、格式、照片、签字等）',
    fact ? { fact, score: 99 } : undefined,
    0.8,
  )
}

/** The form of a document handed in: the plan gives none. */
export const format: Intent = {
  name: 'format',
  description: 'the form of a document handed in (纸质, 原件, 几份…): the plan gives none',
  answer: (ask, ctx) => formatAnswer(ctx, ask.q) ?? decline(ask, 'asks no form of a document'),
}

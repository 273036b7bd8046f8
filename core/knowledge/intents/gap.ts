import { notInDocumentAnswer } from '../reply'
import { askedType, DOCUMENT_NUMBER_ASK, factGives, misleading } from '../scope'
import { ASK_WHEN, PURPOSE_ASK } from '../wording'
import type { Intent } from './intent'

/** Labels for the kinds of detail the plan may not give, named in the reply. */
const GAP_LABELS: Partial<Record<string, string>> = {
  date: '具体日期',
  place: '具体地点',
  duration: '具体时长',
  money: '具体金额或费用',
  words: '字数或篇幅要求',
  limit: '具体的上限或下限',
  criteria: '评分标准',
  proportion: '所占的比例或权重',
  url: '网址、下载渠道或公众号',
  when: '这项活动的具体时间',
}

/**
 * Nothing found; or the best fact is on the topic but does not hold what is asked (a date, a
 * place, an amount…); or an activity the plan names without a date: the gap, said with the fact.
 */
export const gap: Intent = {
  name: 'gap',
  description: 'nothing found, or the best fact lacks the kind of detail asked (date, place, amount…)',
  answer: (ask, ctx) => {
    const { q, scored, confidence } = ask
    // "这个计划到底图啥": the purpose of the program, which retrieval answers with article 一.
    if (scored.length > 0 && PURPOSE_ASK.test(q) && ctx.factsById.has('purpose')) return undefined
    if (scored.length === 0 || confidence < 0.2) return notInDocumentAnswer(ctx, undefined, undefined, 0.3)
    const top = scored[0]
    if (!top) return undefined
    const asked = askedType(q)
    if (asked && !factGives(asked, top.fact.answer)) {
      const related = top.score >= 6 && !misleading(asked, top.fact.answer) ? top : undefined
      const notice = ctx.factsById.get('public_notice')
      const extra =
        asked === 'url' && notice && related?.fact !== notice
          ? `方案只写明入选名单在${ctx.vocab.noticePlatform}公示（${notice.section}）。`
          : undefined
      return notInDocumentAnswer(ctx, GAP_LABELS[asked], related, 0.5, extra)
    }
    if (asked || !ASK_WHEN.test(q) || DOCUMENT_NUMBER_ASK.test(q) || factGives('date', top.fact.answer))
      return undefined
    // Two facts close in score may each be the activity meant (培训 of students or of teachers): both are said.
    const second = scored[1]
    const related = top.score < 6 ? [] : second && second.score >= 0.8 * top.score ? [top, second] : [top]
    return notInDocumentAnswer(ctx, GAP_LABELS.when, related, 0.5)
  },
}

import { decline } from '../context'
import { notInDocumentAnswer } from '../reply'
import type { Intent } from './intent'

/** The kinds of count asked of a thing (a word count is the gap intent's), each with the words that ask it and what a fact holds when it gives it. */
const KINDS: readonly { label: string; asks: RegExp; gives: RegExp }[] = [
  {
    label: '具体时长',
    asks: /多长时间|多久(?![^，,。？?]{0,2}(能|才|会|可以|就|见|到|开始|出))|(多少|几)(个)?(小时|钟头|分钟)|时长|半天还是|一整天/,
    gives: /(\d+|[一二两三四五六七八九十半])(个)?(小时|分钟|钟头)/,
  },
  {
    label: '人数或人数上限',
    asks: /(多少|几)(个|名|位)?(人|成员|导师|老师|专家|教授)|人数|(人员|成员)[^，,。？?]{0,4}(上限|限制|规模)|上限|规模|最多[^，,。？?]{0,6}(多少|几)/,
    gives: /(\d+|[一二两三四五六七八九十])(个|名|位)(人|成员|导师|老师|专家|教授)?(?!次|月|年|天)/,
  },
]

/** The counted people are students (the quota's to answer), or places of a rank or grade. */
const STUDENTS = /学生|学员|孩子|娃|同学|名额|排名|年级|名次/

/**
 * "导师团队最多几个人", "见面会开多长时间": a size or length of a thing the plan
 * names but never counts. When no sentence of the facts naming that thing holds a number of
 * the asked kind, the plan is silent on it: said so with the office, never a neighbouring number
 * (the city quotas, the dates of the step).
 */
export const uncounted: Intent = {
  name: 'uncounted',
  description: 'a size or length of a thing the plan names but never counts: the open answer',
  answer: (ask, ctx) => {
    const { q } = ask
    const kind = KINDS.find((k) => k.asks.test(q))
    if (!kind) return decline(ask, 'asks no size or length')
    // "见面会与确定研究方向相隔约多长时间": the time between two steps, which the interval counts.
    if (/相隔|相差|间隔|之间|距离/.test(q)) return decline(ask, 'asks the time between two things')
    if (kind.label.startsWith('人数') && STUDENTS.test(q)) return decline(ask, 'counts students: the quota')
    const subject = ctx.vocab.countSubjects?.exec(q)?.[0]
    if (!subject) return decline(ask, 'names nothing of the program it could count')
    const sentences = ctx.program.facts.flatMap((f) => f.answer.split(/[。；]/)).filter((s) => s.includes(subject))
    if (sentences.some((s) => kind.gives.test(s))) return decline(ask, `the facts count ${subject}`)
    const related = ask.scored.find((s) => s.fact.answer.includes(subject) && s.score >= 6)
    return notInDocumentAnswer(ctx, kind.label, related, 0.8)
  },
}

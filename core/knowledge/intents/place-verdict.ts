import { checkEligibility } from '../../rules/eligibility'
import { extractProfile } from '../../rules/extract-profile'
import { type Context, decline } from '../context'
import { GRADE_SIZE, lineText, MEETS_ASK, PLACE_ASK, placeVerdictSentence, rankLines } from '../grade-places'
import type { QaAnswer } from '../qa-answer'
import { APPLY_ASK } from '../wording'
import type { Intent } from './intent'

/** The place verdict in full, and in short for a message with other asks. */
export interface PlaceVerdictReply {
  answer: QaAnswer
  brief: string
}

/**
 * "我校高一学生，全年级350人，该生综合排名第53名，是否可推荐？": a grade size and the student's place
 * with an ask whether they qualify, and no place named: both lines as places, which of them the place
 * meets, and the other conditions in one line; numbered when the message also asks for the lines.
 * Undefined when anything is missing, or a city or county is named (the eligibility answer then
 * converts the place to a percent and checks every condition). `asker` is the message's asker header.
 */
export function placeVerdictReply(
  ctx: Context,
  question: string,
  q: string,
  asker?: string,
): PlaceVerdictReply | undefined {
  if (!(APPLY_ASK.test(q) || MEETS_ASK.test(q))) return undefined
  const text = `${question}，${q}`
  const size = GRADE_SIZE.exec(q) ?? GRADE_SIZE.exec(question)
  if (!size) return undefined
  const n = Number(size[3])
  const verdict = placeVerdictSentence(ctx.program, n, text)
  if (!verdict) return undefined
  const { profile } = extractProfile(asker ? `${asker}，${question}` : question)
  if (profile.city !== undefined) return undefined
  const { program } = ctx
  const { section } = program.eligibility.rank
  const { subject, overall } = rankLines(program, n)
  const rule = `按全年级${n}人计算（${section}）：${subject.name}前${subject.percent}%为${lineText(n, subject)}；${overall.name}前${overall.percent}%为${lineText(n, overall)}；两条满足其一即可。`
  const e = program.eligibility
  const cities = program.cities.map((c) => c.name).join('、')
  const grade = profile.grade
  const gradeNote =
    grade === undefined
      ? ''
      : e.grades.allowed.includes(grade)
        ? `，${grade}符合`
        : `；${grade}不在遴选范围内，不能报名`
  const rest = `另须是${cities}辖区内学校的${e.grades.allowed.join('、')}学生（${e.grades.section}）${gradeNote}；最终以学校推荐和各级审核为准。`
  // "前15%是多少名？该生第53名够吗": the lines and the verdict asked apart, answered as numbered parts.
  const body = PLACE_ASK.test(question) ? `1. ${rule}\n2. ${verdict}${rest}` : [rule, verdict, rest].join('\n')
  const result = checkEligibility(program, profile)
  const answer: QaAnswer = {
    answer: body,
    intent: 'eligibility',
    sources: [
      { section, title: '成绩排名条件' },
      { section: e.grades.section, title: '遴选对象' },
    ],
    eligibility: { verdict: result.verdict, priority: result.priority },
    confidence: 0.9,
    facts: [{ section, title: '成绩排名条件', text: `学科前${subject.percent}%或综合前${overall.percent}%` }],
  }
  // With other asks, the lines are said by the ask for them when there is one.
  return { answer, brief: PLACE_ASK.test(question) ? `${verdict}${rest}` : `${rule}${verdict}${rest}` }
}

/** A place in a grade of a given size, asked whether it qualifies, with no place named. */
export const placeVerdict: Intent = {
  name: 'place_verdict',
  description: 'a place in a grade of a given size asked whether it qualifies (350人第53名): both lines as places',
  triggers: [GRADE_SIZE],
  answer: (ask, ctx) => {
    if (!ask.eligibility) return decline(ask, 'the message asks something else and only mentions applying')
    return (
      placeVerdictReply(ctx, ask.context ?? ask.question, ask.q, ask.asker)?.answer ??
      decline(ask, 'no grade size with a place and an ask whether it qualifies, or a place is named')
    )
  },
}

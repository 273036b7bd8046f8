import { openTopicIn } from '../open-topics'
import { type Context, decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Subjects people ask about that the plan's list does not name. */
const OTHER_SUBJECTS =
  /地理|历史|政治|天文|地质|医学|工程|经济|艺术|体育|音乐|美术|哲学|心理|环境|农业|语文|英语|外语|文科/g

/** Other words for a subject of the list ("信息学竞赛" is 计算机). */
const LISTED_ALIASES: Record<string, RegExp> = { 计算机: /信息学|信息技术|编程|程序设计/, 生物: /生命科学/ }

/** Asks whether a subject is in the range, or may be chosen. */
const MEMBERSHIP_ASK =
  /学科|科目|方向|专业|领域|(能|可以|可|能不能)(选|学|做|搞|研究|报)|选不|报不|也行|行吗|行不行|(有没有|有冇|有无)得?(选|学|报)|得选|得不得|在不在|包不包括|包括|算不算|(这|两|几)个?科|(有没有?|有冇|有无)[^，,。？?]{1,4}(嘅|的|吗|呢|啊|[?？])/

/** "地理可以作为研究学科吗", "计算机在不在学科范围": the list, whether it names the subject, and that it ends with 等. */
function subjectMembershipAnswer(ctx: Context, program: Program, q: string): QaAnswer | undefined {
  // "天文能选不": a subject chosen or studied is asked as a field, like 学科/方向 said outright.
  if (!MEMBERSHIP_ASK.test(q)) return undefined
  // "生物学科分到多少名额": a number asked of a subject is the quota's to answer.
  if (/多少|几(个|名|人)|名额|分配/.test(q)) return undefined
  // "能不能同时报数学和物理两个学科": a point the plan leaves open about the subjects is that topic's.
  if (q.split(/[，,。！!；;?？]/).some((c) => /学科|科目|方向|专业/.test(c) && openTopicIn(ctx, c))) return undefined
  const asked = [...new Set(q.match(OTHER_SUBJECTS) ?? [])]
  const listed = program.subjects.names.filter((n) => q.includes(n) || LISTED_ALIASES[n]?.test(q))
  if (asked.length === 0 && (listed.length === 0 || !/学科|科目|范围|方向|领域/.test(q))) return undefined
  const names = program.subjects.names.join('、')
  const section = program.subjects.section
  const open = program.subjects.open ? '（方案写的是“等”，并不限于这几门）' : ''
  const inList = listed.length > 0 ? `${listed.join('、')}在方案列出的学科范围之内（${section}）。` : ''
  const others =
    asked.length > 0
      ? `，没有明确列出${asked.join('、')}；${asked.join('、')}方向能否参加，方案未作规定。如需确认，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`
      : '。'
  return {
    answer: `${inList}方案列出的学科是${names}${program.subjects.open ? '等' : ''}${open}${others}`,
    intent: 'fact',
    sources: [{ section, title: '学科范围' }],
    confidence: 0.8,
    facts: [{ section, title: '学科范围', text: names }],
  }
}

/** A subject the plan's list does not name. */
export const subject: Intent = {
  name: 'subject',
  description: 'whether a subject is in the plan’s list (计算机 is; 地理, 天文… are not named)',
  answer: (ask, ctx) =>
    subjectMembershipAnswer(ctx, ctx.program, ask.q) ??
    // "学科范围是否仅限所列学科？我院为地理科学学院…": the field is asked in the message, the subject in the ask.
    (ask.context &&
    /学科|科目/.test(ask.context) &&
    /仅限|只限|能否|可否|能不能|可以|参与|参加/.test(ask.q) &&
    (ask.context.match(OTHER_SUBJECTS) ?? []).length > 0
      ? subjectMembershipAnswer(ctx, ctx.program, `${ask.context}（学科）`)
      : undefined) ??
    decline(ask, 'names no subject outside the list'),
}

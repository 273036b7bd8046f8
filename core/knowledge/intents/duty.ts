import type { Context } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factsAnswer } from '../reply'
import { MONTH_REF, NAMED_STEP, OTHER_ROLE } from '../wording'
import type { Intent } from './intent'

/** Asks what a party must do ("主办单位负责哪些事", "管理办公室的职责"). */
const DUTY_ASK =
  /负责(什么|哪些|啥|干啥|干嘛|做什么|哪块|哪方面)|职责|责任|要做(什么|哪些|啥)|做(哪些|什么|啥)(事|工作)|做些什么|干(啥|嘛|什么|些什么)|承担(什么|哪些)|任务|分工|工作(内容|是什么|有哪些)|管(什么|哪些|啥)|起(什么|啥)作用|跟进(哪些|什么)|跟踪工作|还要(跟踪|追踪|负责|做)|协助(谁|什么|哪些)|配合谁|帮谁/
/** The parties of 八（一）–（四), each with the facts that give its duties (十（二） adds to 高校 and 中学). */
const PARTIES: { ids: string[]; pattern: RegExp }[] = [
  { ids: ['duty_organisers'], pattern: /主办|自治区科协|广西科协|区科协和|教育厅/ },
  { ids: ['duty_office'], pattern: /管理办公室|管理办/ },
  // 承办 runs the office's daily work (二); the city 科协 has no duty article, only its steps (九).
  { ids: ['organisers', 'office'], pattern: /承办/ },
  {
    ids: ['city_review', 'mentor_selection', 'meet_and_greet'],
    pattern: /市科协|市级科协|各市科协|(南宁|柳州|桂林)市?科协/,
  },
  // A place gone to (去大学, 在学校) is not the party asked about.
  { ids: ['duty_universities', 'responsibilities'], pattern: /(?<![去到在进])(高校|大学)/ },
  { ids: ['duty_schools', 'responsibilities'], pattern: /(?<![去到在进回])(中学|学校|高中)/ },
]
/** A school's follow-up work (十（二）: 中期评估、年度评价、毕业升学和就业跟踪; 七: tracking every student). */
const FOLLOW_UP = /跟踪|追踪|后续|后面|升学|就业|评估|毕业|跟进/

function dutyAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!DUTY_ASK.test(q) || OTHER_ROLE.test(q) || NAMED_STEP.test(q) || /^(我|学生|孩子|娃|家长)/.test(q))
    return undefined
  const ids: string[] = []
  for (const party of PARTIES) {
    if (!party.pattern.test(q)) continue
    const own =
      party.ids.includes('duty_schools') && FOLLOW_UP.test(q)
        ? ['responsibilities', 'tracking']
        : // Whom a party assists (协助管理办公室) is said in 十（二）, so it leads.
          /协助|配合谁|帮谁/.test(q) && party.ids.includes('responsibilities')
          ? ['responsibilities', ...party.ids.filter((id) => id !== 'responsibilities')]
          : party.ids
    for (const id of own) if (!ids.includes(id)) ids.push(id)
  }
  return factsAnswer(ctx, ids)
}

/** What a party must do. */
export const duty: Intent = {
  name: 'duty',
  description: 'what a party (organisers, office, universities, schools, city 科协) must do',
  answer: (ask, ctx) => (MONTH_REF.test(ask.q) ? undefined : dutyAnswer(ctx, ask.q)),
}

import { type Context, decline } from '../context'
import { isSilentTopic } from '../open-topics'
import type { Program, ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { clamp, factOf } from '../reply'
import type { Intent } from './intent'

/** Asks for the conditions a student must meet to apply (四（二）1–2), not how to hand in the form. */
const CONDITION_WORD = /要求|条件|门槛|资格|标准|硬性|限制/
const CONDITION_WHO = /报名|报考|申请|参加|参与|入选|选拔|遴选|学生|孩子|报这个|能报/
const NOT_CONDITION =
  /交|提交|怎么报|如何报|在哪报|材料|申请表|报名表|导师|老师|教师|团队|培养期间|培养过程|到校|次数|日志|评价|考核|中期|年度|名额|截止|几月|时间|优先|其他|还有|除了|此外|除此|成绩|排名|年级|高[一二三]|初[一二三]|专利|竞赛|获奖|审核|公示|学校要|中学要|高校要|格式|年龄|身体|户籍|户口|学籍|家长|参与中学|参与高校|实施高校|单位|科协|管理办公室|跟踪|追踪|沟通|往届|原则|能力|基金|申请书|撰写/

/** The selection conditions in brief: who (四（二）1), the two conditions and the priority items (四（二）2). */
function conditionsAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!CONDITION_WORD.test(q) || !CONDITION_WHO.test(q) || NOT_CONDITION.test(q)) return undefined
  const e = program.eligibility
  const cities = program.cities.map((c) => c.name).join('、')
  // Who may apply and the two conditions from the rules; the qualities and the priority items in the facts' own words.
  const qualities = ctx.factsById.get('qualities')?.answer.replace(/^除了成绩，还要求学生/, '') ?? ''
  const answer =
    `报名对象是${cities}辖区内的${e.grades.allowed.join('、')}学生（${e.grades.section}）。` +
    `成绩上，相应学科在本校年级前${e.rank.subjectTopPercent}%，或综合成绩排名前${e.rank.overallTopPercent}%，满足其一即可（${e.rank.section}）` +
    `${qualities ? `；还要${qualities.replace(/。$/, '')}（${e.qualities.section}）` : ''}。` +
    `获奖或专利不是必需条件，而是可以优先推荐的条件（${e.priority.section}）：自治区级及以上的科技竞赛、活动或五项学科竞赛奖项，或已授权的发明、实用新型专利。`
  const ids = ['target', 'qualities', 'rank', 'priority']
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  return {
    answer: clamp(answer),
    intent: 'fact',
    sources: facts.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: facts.map(factOf),
  }
}

/** The conditions to apply, asked without a student. */
export const conditions: Intent = {
  name: 'conditions',
  description: 'the conditions a student must meet, asked in general (四（二）1–2)',
  answer: (ask, ctx) =>
    isSilentTopic(ctx, ask.q)
      ? decline(ask, 'raises a topic the plan leaves open')
      : (conditionsAnswer(ctx.program, ctx, ask.q) ?? decline(ask, 'asks no general condition of applying')),
}

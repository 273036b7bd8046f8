import { type Context, decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { citiesIn, factOf, joinWithin, shortCity } from '../reply'
import type { Intent } from './intent'

/** Asks whom to hand an application to: answered with the process (through one's school), not a phone list. */
const APPLY_WHO =
  /(报名|申请|报|交|提交|申请表|报名表|推荐表|材料)[^，,。？?]{0,6}(找谁|找哪|哪个部门|哪个单位|交给谁|给谁|谁(来)?收|交到哪)|找(谁|哪个?(部门|单位))(报|交|提交|申请)|向谁(报|交|提交|申请)|谁(来)?(收|交)(申请表|报名表|材料)|还是[^，,。？?]{0,4}(自己|个人)[^，,。？?]{0,4}(交|报|提交|申请)|(自己|个人|家长)[^，,。？?]{0,4}(直接|单独)?(给|向|找|去|到)[^，,。？?]{0,10}(报|交|提交|申请)|(直接)?(找|向|给|去|到|通过)(管理办公室|市科协|区科协|科协|高校|大学|导师)[^，,。？?]{0,4}(报名|申报|报|申请|提交|交)|(申请表|报名表|申请材料|报名材料|材料)[^，,。？?]{0,6}(是否|能否|可否|可以)?(直接)?(寄|邮寄|送交?|递交)|(可以|能)?(报|报名|申请)[^。？?]{0,12}(要|需要|得)(交|准备|提交|带)(什么|啥|哪些)|(自己|个人)[^，,。？?]{0,4}(交|报|提交|申请)[^，,。？?]{0,6}还是/

/** Asks where to begin ("第一步该找谁", "想报名先找哪里"): the first step of taking part is applying. */
const FIRST_STEP =
  /(第一步|首先|最先|一开始|头一步)[^，,。？?]{0,4}(找|联系|问|去|做|干|办)(谁|哪|什么|啥)|(?<![首最])先(去|要|得|该|应该)?(找|联系|问|去)(谁|哪)|找(谁|哪里?|哪儿|哪个?(部门|单位|地方))[^，,。？?]{0,2}(报|申请)/
/** "这个怎么报", "咋报名啊": how to apply, asked with nothing else. */
const BARE_HOW =
  /^(请问|那|那么)?(这个|这|它|英才计划|这个计划)?(要|该|应该)?(怎么|咋|如何|怎样)(样)?(报|报名|申请|参加)(呢|啊|呀|哦|嘞|捏)?[?？。!！]*$/

/** The step of handing in the application, the one this intent answers for. */
const SUBMISSION = 'school_submission'

/** Words that place a "先找谁" in applying. */
const APPLY_CONTEXT = /报|申请|参加|参与|加入|入选/

/** What is handed in during the training (成长日志, 课题报告 …), not the application. */
const TRAINING_PAPERS = /日志|报告|论文|(年度|中期|评价|培养)[^，,。？?]{0,6}材料/

/** Whether a question asks whom to apply through or where to begin (not for a phone number). */
function isApplyWho(ctx: Context, q: string): boolean {
  if (/咨询|电话|联系方式|号码/.test(q)) return false
  // "学校推荐材料报送截止日期": the date of the step, not whom to hand the papers to.
  if (/截止(日期|时间|日)|(报送|提交|上报)(的)?(日期|时间|期限)|几号|何时/.test(q) && !/找谁|给谁|交给|向谁/.test(q))
    return false
  // "中期汇报报给谁", "成长日志交给谁": another step's or the training's papers, not the application.
  if (TRAINING_PAPERS.test(q) || ctx.vocab.steps.some((s) => s.key !== SUBMISSION && s.pattern.test(q))) return false
  if (APPLY_WHO.test(q) || BARE_HOW.test(q)) return true
  return FIRST_STEP.test(q) && (APPLY_CONTEXT.test(q) || /第一步|首先|最先|头一步/.test(q))
}

/** "找谁报名", "申请表交给谁": the way to apply (through one's school, 九（二）1) and the city contacts. */
function applyProcessAnswer(program: Program, ctx: Context, q: string, context?: string): QaAnswer {
  // "交给班主任还是自己直接交给科协": whether one may apply alone is the way to apply (through the school).
  const alone = /自己|个人/.test(q)
  const id = !alone && /申请表|报名表|材料|交/.test(q) ? 'school_recommendation' : 'how_to_apply'
  const fact = ctx.factsById.get(id) ?? ctx.factsById.get('how_to_apply')
  const { inProgram: named, outside } = citiesIn(program, q)
  // "贵港的老师找谁报名": only a city outside the program named; no school there recommends anyone.
  if (named.length === 0 && outside.length > 0) return outsideAnswer(program, ctx, outside)
  const cities = named.length > 0 ? named : context ? citiesIn(program, context).inProgram : []
  const contacts = program.contacts.filter((c) => c.city && (cities.length === 0 || cities.includes(c.city)))
  const line = `有疑问可联系当地市科协（${contacts.map((c) => `${shortCity(c.city as string)}${c.person} ${c.phone}`).join('；')}），或管理办公室${ctx.office.person}（${ctx.office.phone}）。`
  const parts = [fact?.answer ?? '', line]
  return {
    answer: joinWithin(parts),
    intent: 'process',
    sources: fact ? [{ section: fact.section, title: fact.title }] : [],
    confidence: 0.88,
    facts: [
      ...(fact ? [factOf(fact)] : []),
      ...contacts.map((c) => ({
        section: c.section,
        title: '联系人及联系电话',
        text: `${c.organisation}：${c.person}，${c.phone}`,
      })),
    ],
  }
}

/** Applying from cities outside the program: they are not in it (三（一）); the office answers the rest. */
function outsideAnswer(program: Program, ctx: Context, outside: string[]): QaAnswer {
  const cities = program.cities.map((c) => c.name).join('、')
  const { person, phone, section } = ctx.office
  return {
    answer: `${outside.join('、')}不在本计划的实施城市之内（只有${cities}），那里的学校不在本次遴选范围内（${program.citiesSection}）。如有疑问，请咨询管理办公室${person}，电话${phone}。`,
    intent: 'process',
    sources: [
      { section: program.citiesSection, title: '实施城市' },
      { section, title: '联系人及联系电话' },
    ],
    confidence: 0.85,
    facts: [
      { section: program.citiesSection, title: '实施城市', text: `实施城市：${cities}` },
      { section, title: '联系人及联系电话', text: `管理办公室：${person}，${phone}` },
    ],
  }
}

/** Whom to apply through, where to begin. */
export const applyProcess: Intent = {
  name: 'apply_process',
  description: "whom to apply through or where to begin: through one's school, with the city contacts",
  answer: (ask, ctx) =>
    isApplyWho(ctx, ask.q)
      ? applyProcessAnswer(ctx.program, ctx, ask.q, ask.context)
      : decline(ask, 'asks neither whom to apply through nor where to begin'),
}

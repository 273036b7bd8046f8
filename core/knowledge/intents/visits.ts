import { chineseNumberToInt } from '../../chinese-numbers'
import { chineseMonth, monthsBetween } from '../../time'
import { type Context, decline } from '../context'
import type { ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { clamp, factOf } from '../reply'
import { CONFIRM_ASK, STATEMENT_CHECK } from '../wording'
import type { Intent } from './intent'

/** Words that make the number after them a minimum, not a count of visits done. */
const MINIMUM_BEFORE = /(不少于|不能少于|不得少于|至少|最少|不低于|起码)[^，,。？?了]{0,5}$/

/** The number of visits a question gives (digits or Chinese numerals up to 99), read before 次. */
function visitCount(q: string): number | undefined {
  const all = [...q.matchAll(/(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*次/g)]
  // "一年不能少于10次，我们已经去了3次": the minimum said first is the rule, the count done is the other.
  const done = all.filter((m) => !MINIMUM_BEFORE.test(q.slice(Math.max(0, (m.index ?? 0) - 6), m.index)))
  const m = all.length > 1 && done.length > 0 ? done[0] : all[0]
  if (!m) return undefined
  const raw = m[1] as string
  if (/^\d+$/.test(raw)) return Number(raw)
  // Two neighbouring digits without 十 (六七次) are a range: its upper end is the most done; more are no number.
  if (!raw.includes('十') && raw.length > 1) {
    const [a, b] = [...raw].map((c) => chineseNumberToInt(c))
    return raw.length === 2 && a !== undefined && b === a + 1 ? b : undefined
  }
  return chineseNumberToInt(raw)
}

/** An answer resting on 五（三）1's visits fact, in words of its own. */
function visitsReply(fact: ProgramFact, text: string, confidence: number): QaAnswer {
  return {
    answer: clamp(text),
    intent: fact.intent ?? 'process',
    sources: [{ section: fact.section, title: fact.title }],
    confidence,
    facts: [factOf(fact)],
  }
}

/** "每月到校一次": visits a month, and the cycle's months. */
function perMonth(ctx: Context, q: string): { each: number; months: number } | undefined {
  const m = /(每|一|1)个?月[^，,。？?]{0,6}?(\d+|[一两二三四五])次/.exec(q)
  if (!m) return undefined
  const each = /^\d+$/.test(m[2] as string) ? Number(m[2]) : m[2] === '两' ? 2 : chineseNumberToInt(m[2] as string)
  const { start, end } = ctx.program.training
  return each ? { each, months: monthsBetween(start, end) + 1 } : undefined
}

/** Going somewhere so often a month ("我打算1个月去1次"): visits, though no place is named. */
const MONTHLY_GOING = /(每|一|1)个?月[^，,。？?]{0,3}(去|到|跑|来)[^，,。？?]{0,3}(\d+|[一两二三四五])次/

/** Asks the least visits a month on average ("平均每月至少约几次"). */
const AVERAGE_ASK =
  /平均[^，,。？?]{0,4}(每个?月|[一1]个月|每周)[^，,。？?]{0,6}(几|多少)次?|(每个?月|[一1]个月)[^，,。？?]{0,2}平均[^，,。？?]{0,6}(几|多少)次?/

/** The cycle's least visits spread over its months: the plan sets no monthly count. */
function averageAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  if (!fact || !AVERAGE_ASK.test(q)) return undefined
  const required = ctx.program.training.requiredVisits
  const { start, end } = ctx.program.training
  const months = monthsBetween(start, end) + 1
  const rate = Math.round((required / months) * 100) / 100
  return visitsReply(
    fact,
    `一个培养周期${months}个月内到校不少于${required}次（${fact.section}），平均每月约${rate}次（${required}÷${months}），即不到1次；方案没有规定每月或每周的次数。每次活动后还要登录平台提交《成长日志》。`,
    0.85,
  )
}

/** A monthly rate over the whole cycle against the minimum. */
function rateAnswer(ctx: Context, { each, months }: { each: number; months: number }): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  if (!fact) return undefined
  const required = ctx.program.training.requiredVisits
  const total = each * months
  const verdict = total >= required ? `满足不少于${required}次的要求` : `少于${required}次，不满足要求`
  return visitsReply(
    fact,
    `培养周期共${months}个月，每月${each}次，共计${total}次，${verdict}（${fact.section}）。每次活动后还要登录平台提交《成长日志》。`,
    0.85,
  )
}

/** Whether a question is about going to the university a number of times. */
const VISIT_TOPIC =
  /次数|(?<![交送递报])(去|到|跑|来|进)(了)?[^，,。？?]{0,4}(大学|高校|学校|实验室|西大|师大|科大)|到校|培养|活动|见面(?!会)|参加|去了|跑了|少去|缺席|请假|(上|听)了?(\d{1,2}|[一二两三四五六七八九十]{1,2})次课/
/** Asks whether a count meets the rule, whether fewer will do, or whether missed visits can be made up. */
const VISIT_JUDGE =
  /够|算|达标|完成|合格|行不行|得不得行|得行|要得|行吗|就行|行了|可以了|可以吗|可不可以|满足|达到|符合|及格|过关|要求|少去|少几次|缺几次|缺了|(?<!后|材料)补(?!贴|助|习|课|偿|交|充|齐|材料|报|录)|(还|尚|仍)(要|得|差|需要?|须|剩)/
/** Asks how many visits are still needed ("已经去了3次，还要去几次"). */
const STILL_NEEDED =
  /(还|尚|仍|再)(要|得|差|需要?|须|剩|应)?[^，,。？?]{0,8}(几|多少)次|(还|仍|尚)?差(几|多少)次?|(离|距离?)[^，,。？?]{0,6}(还|仍)?(差|有)(几|多少)/

/** Asks by when something is due ("需在何时前完成", "最晚什么时候之前"). */
const VISITS_BY_WHEN = /何时|什么时候|啥时候|哪天|哪一天|几号|几月|截止(到|日期|时间)|期限|最晚|最迟|多久之?内/

/** A minimum stated as the plan's ("方案要求…不少于20次", "规定至少去15次"). */
export const RULE_STATED =
  /(要求|规定|须|需要?|必须|应当?)[^，,。？?]{0,16}(不少于|至少|最少|不低于)[^，,。？?\d]{0,4}\d+\s*次/

/** A minimum stated per term, year or month, where the plan counts the whole cycle. */
const PER_TERM = /每(个)?(学期|学年|年|月|周)/

/** 五（三）1 against a count: at least 10 visits in the cycle, the count said to meet it or not. */
function visitsAnswer(ctx: Context, q: string, context?: string): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  if (!fact) return undefined
  // "已累计到校6次。…至少还须到校几次？": the count done may stand in a sentence of its own before the ask.
  const n = visitCount(q) ?? (STILL_NEEDED.test(q) && context ? visitCount(context) : undefined)
  const fewer = /少去|少几次|少(来|到|跑)|缺(了|席)?几次|不去几次|没去够|次数不够|不够次数/.test(q)
  const rate = VISIT_TOPIC.test(q) || MONTHLY_GOING.test(q) ? perMonth(ctx, q) : undefined
  if (rate) {
    // "一年最少去10次，那是不是等于每个月都要去一次": the plan sets no monthly count.
    const monthly = /是不是|是否|等于|意味着|就是说/.test(q) && /每个?月/.test(q)
    const reply = rateAnswer(ctx, rate)
    if (reply && monthly)
      reply.answer = `不等于：方案只要求一个培养周期内不少于${ctx.program.training.requiredVisits}次，没有规定每个月要去几次。${reply.answer}`
    return reply
  }
  // "去了西大6次了。…还要去几次？": the visits may be named only in the sentence before the ask.
  const topic = VISIT_TOPIC.test(q) || (STILL_NEEDED.test(q) && VISIT_TOPIC.test(context ?? ''))
  // "一年最少去大学10次是吧": the minimum said as the only count is the rule to confirm.
  const counts = [...q.matchAll(/(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*次/g)]
  const onlyMinimum =
    counts.length > 0 && counts.every((m) => MINIMUM_BEFORE.test(q.slice(Math.max(0, (m.index ?? 0) - 8), m.index)))
  const confirming = (RULE_STATED.test(q) || onlyMinimum) && (CONFIRM_ASK.test(q) || STATEMENT_CHECK.test(q))
  if (!topic || !(VISIT_JUDGE.test(q) || STILL_NEEDED.test(q) || confirming)) return undefined
  const required = ctx.program.training.requiredVisits
  const rule = `方案要求学生在一个培养周期内到高校参加培养不少于${required}次（${fact.section}）。`
  const { start, end } = ctx.program.training
  const by = `这些次数要在培养周期内完成，即${chineseMonth(end)}底前（培养周期${chineseMonth(start)}至${chineseMonth(end)}，${ctx.program.training.section}）。`
  // "…已到校6次。需在何时前完成？": by when the visits are due, the end of the training period.
  if (VISITS_BY_WHEN.test(q) && !STILL_NEEDED.test(q)) return visitsReply(fact, `${rule}${by}`, 0.85)
  const makeUp = /(?<!后|材料)补(?!贴|助|习|课|偿|交|充|齐|材料|报|录)/.test(q)
  if (n === undefined && !fewer && !makeUp) return undefined
  if (n !== undefined && !/次/.test(`${context ?? ''}${q}`)) return undefined
  const parts = [rule]
  // "方案要求到校不少于20次，是否属实": a minimum stated to be confirmed, not a count done.
  if (n !== undefined && confirming)
    parts.push(
      n !== required
        ? `不对：是不少于${required}次，不是${n}次。`
        : PER_TERM.test(q)
          ? `不准确：是一个培养周期内不少于${required}次，不是${PER_TERM.exec(q)?.[0]}。`
          : `对，没错：是不少于${required}次。`,
    )
  // "还差几次": the difference, not only the comparison.
  else if (n !== undefined && STILL_NEEDED.test(q))
    parts.push(
      n < required
        ? `已经${n}次，至少还要${required - n}次（${required}−${n}=${required - n}）。`
        : `已经${n}次，达到了不少于${required}次的要求，不用再补次数。`,
    )
  else if (n !== undefined)
    parts.push(
      n >= required
        ? `${n}次不少于${required}次，达到了这项次数要求。`
        : `${n}次少于${required}次，不够，没有达到这项要求。`,
    )
  else if (fewer) parts.push(`少于${required}次就达不到这项要求。`)
  if (makeUp) parts.push('次数不够能否补上，方案没有规定。')
  if (VISITS_BY_WHEN.test(q)) parts.push(by)
  parts.push('每次活动后还要登录平台提交《成长日志》。')
  return visitsReply(fact, parts.join(''), 0.85)
}

/** Asks for the visits of a group of students together ("全市学生到校总计至少多少人次"). */
const GROUP_TOTAL =
  /人次|(总计|一共|合计|总共|加起来)[^，,。？?]{0,6}(多少|几)次|全(市|部|体)[^，,。？?]{0,8}(到校|去|参加培养)/

/** Students the message counts ("入选3名学生", "我们学校有5个学生入选"). */
const GROUP_SAID =
  /(?:入选|选上|录取|有|共|派)了?\s*(\d+)\s*(?:名|个|位)(?:学生|同学|孩子|学员)|(\d+)\s*(?:名|个|位)(?:学生|同学|孩子|学员)[^，,。？?]{0,4}(?:入选|选上|被录取|参加)/

/** The least visits of a city's (or every city's) full quota: places × the minimum per student. */
function groupVisitsAnswer(ctx: Context, q: string, context = q): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  if (!fact || !GROUP_TOTAL.test(q) || !VISIT_TOPIC.test(q)) return undefined
  const required = ctx.program.training.requiredVisits
  // "我校今年入选3名学生，…合计最少到校多少人次": the students the message counts.
  const counted = GROUP_SAID.exec(context)
  if (counted) {
    const n = Number(counted[1] ?? counted[2])
    return visitsReply(
      fact,
      `每名学生一个培养周期内到高校参加培养不少于${required}次（${fact.section}）；${n}名学生合计至少${n * required}人次（${n}×${required}）。`,
      0.8,
    )
  }
  const cities = ctx.program.cities.filter((c) => q.includes(c.name.replace(/市$/, '')))
  const group = cities.length > 0 ? cities : ctx.program.cities
  const places = group.reduce((sum, c) => sum + c.quota, 0)
  const who = cities.length > 0 ? group.map((c) => `${c.name}${c.quota}名`).join('、') : `三市合计${places}名`
  return visitsReply(
    fact,
    `每名学生一个培养周期内到高校参加培养不少于${required}次（${fact.section}）；${who}学生全部录满时，至少共${places * required}人次（${places}×${required}）。`,
    0.8,
  )
}

/** Asks how many growth logs are due ("成长日志最少要交几篇"). */
const LOG_COUNT =
  /成长日志(?!每)[^，,。？?]{0,16}(几|多少)(篇|份|次|条|则|个(?![字词]))(?![字词])|(几|多少)(篇|份|条|则)[^，,。？?]{0,4}成长日志/

/** The logs follow the visits: one after each activity, at least as many as the visits required. */
function logCountAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  // "成长日记（好像叫日志？）最少要交几篇": an aside in brackets stands between the log and its count.
  if (!fact || !LOG_COUNT.test(q.replace(/[（(][^（()）]*[)）]/g, ''))) return undefined
  const required = ctx.program.training.requiredVisits
  return visitsReply(
    fact,
    `方案没有单独规定《成长日志》的篇数：它要求每次活动后登录平台提交《成长日志》，一个培养周期内到高校参加培养不少于${required}次（${fact.section}），按每次一篇算，至少${required}篇。`,
    0.8,
  )
}

/** A number of visits to the university judged against the plan's minimum, or counted for a group. */
export const visits: Intent = {
  name: 'visits',
  description: 'a number of campus visits judged against the required minimum, or a group’s least total',
  triggers: [VISIT_TOPIC, STILL_NEEDED, AVERAGE_ASK, MONTHLY_GOING, /成长日志/],
  answer: (ask, ctx) =>
    logCountAnswer(ctx, ask.q) ??
    averageAnswer(ctx, ask.q) ??
    // "全年到校培养总人次不少于多少": a group's total, even when the minimum is stated in the ask.
    (/人次/.test(ask.q) ? groupVisitsAnswer(ctx, ask.q, ask.context) : undefined) ??
    visitsAnswer(ctx, ask.q, ask.context) ??
    groupVisitsAnswer(ctx, ask.q, ask.context) ??
    decline(ask, 'judges no number of visits'),
}

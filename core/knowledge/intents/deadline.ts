import { type Context, decline } from '../context'
import { beijingDate, chineseDate, chineseMonth, daysBetween, monthsBetween } from '../../time'
import { officeContact, type Program, type ProgramMilestone } from '../program'
import type { AnswerFact, QaAnswer } from '../qa-answer'
import { bestFactInSection, factOf, joinWithin, laterPlanNote, milestoneWhen, PLAN_NAME } from '../reply'
import { withGap, withOtherParts } from '../reply-extras'
import type { ScoredFact } from '../retrieval'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

const WHEN =
  /现在.{0,4}(还|能)|还来得及|来不来得及|错过|截止了|过了吗|结束了吗|开始了吗|什么时候|啥时候|啥时|几号|哪天|哪1天|哪一天|何时|几月|日期|截止|最晚|最迟|之前|以前|期限|时限|时间节点|时间要求|deadline|多久|多长时间|几个月|多少个月|时间|几时|晚了|迟了|超过了?|逾期|(开始|结束)(了|吗|呢|时间|日期|$)|哪个月/

function deadlineAnswer(
  program: Program,
  key: string,
  q: string,
  scored: ScoredFact[],
  now: Date,
  context = '',
): QaAnswer | undefined {
  const parts: string[] = []
  let section: string
  let title: string
  const milestone = program.milestones.find((m) => m.key === key)
  const undated = program.undatedSteps.find((s) => s.key === key)
  if (key === 'training') {
    const t = program.training
    section = t.section
    title = '培养周期'
    const over = t.end < beijingDate(now).slice(0, 7)
    const months = monthsBetween(t.start, t.end) + 1
    // "…自何时起至何时止？共计几个月？": the count asked in the message's next ask is said here once.
    const count =
      /几个月|多少个?月|多少天|几天|多少周|几周|多久|多长/.test(q) ||
      /(共计|一共|总共|合计)(几|多少)个?月/.test(context)
        ? `（共${months}个月）`
        : ''
    parts.push(
      `培养周期为一年${count}，从${chineseMonth(t.start)}到${chineseMonth(t.end)}${over ? '（这一期已经结束）' : ''}。`,
    )
  } else if (milestone) {
    section = milestone.section
    title = milestone.title
    parts.push(`${milestoneWhen(milestone, now)}。`)
    const ordinal = monthOfTraining(program, milestone, q)
    if (ordinal) parts.push(ordinal)
    const given = givenDayAgainst(milestone, q)
    if (given) parts.splice(0, 0, given)
    if (key === 'school_submission' && /开始|启动|开放/.test(q)) {
      parts.push('方案没有写学生开始报名的日期，报名由各中学组织，请留意本校通知。')
    }
    const past = milestone.due < beijingDate(now)
    if (/明年|下一年|下一期|下一届|下次|以后的|往后/.test(q)) {
      parts.push(
        `以上是${program.cohort}年这一期的安排；下一年度的日期方案没有规定，请留意通知或咨询管理办公室（电话${officeContact(program).phone}）。`,
      )
    } else if (
      /(?<!选上|入选|选中|录取|通过|上了|中了)(以后|之后)|过了|晚了|逾期|补交|延期|错过|来得及|还能/.test(q) &&
      (past || /补交|逾期|延期|晚了/.test(q))
    ) {
      parts.push(
        `方案没有规定逾期能否补交，请尽快联系本校或当地市科协，也可咨询管理办公室（电话${officeContact(program).phone}）。`,
      )
    }
  } else if (undated) {
    section = undated.section
    title = undated.title
    parts.push(
      `${PLAN_NAME}的方案没有给这一步规定具体日期，如需了解请咨询管理办公室${officeContact(program).person}（电话${officeContact(program).phone}）。`,
    )
  } else {
    return undefined
  }
  // Once the period is over, which year's plan this is comes right after the date asked.
  const later = parts.some((p) => p.includes('下一年度')) ? '' : laterPlanNote(program, now)
  if (later) parts.splice(1, 0, later)
  const fact = bestFactInSection(scored, program, section)
  if (fact && key !== 'training') parts.push(fact.answer)
  if (key === 'training') {
    const reapply = program.facts.find((f) => f.id === 'reapply')
    if (reapply && /结束|以后|之后|再/.test(q)) parts.push(reapply.answer)
  }
  const facts: AnswerFact[] = [{ section, title, text: parts[0] as string }]
  if (fact) facts.push(factOf(fact))
  return {
    answer: joinWithin(parts),
    intent: 'deadline',
    sources: [{ section, title: fact?.title ?? title }],
    confidence: 0.9,
    facts,
  }
}

/** "中期评价落在培养周期的第几个月": the month of the step counted from the training's first month. */
function monthOfTraining(program: Program, m: ProgramMilestone, q: string): string | undefined {
  if (!/第(几|多少)个?月/.test(q)) return undefined
  const n = monthsBetween(program.training.start, m.due) + 1
  return `从培养周期的第一个月（${chineseMonth(program.training.start)}）算起，${Number(m.due.slice(5, 7))}月是第${n}个月。`
}

/** A day the asker names against the step's deadline ("我校10月25日才完成…是否已超过"): before, on or after it. */
function givenDayAgainst(m: ProgramMilestone, q: string): string | undefined {
  const d = /(\d{1,2})月(\d{1,2})(日|号)/.exec(q)
  if (!d || m.month || !/超过|过了|晚了|来得及|赶得上|逾期|错过|算不算|还能|迟了|延误|是否已/.test(q)) return undefined
  const day = `${m.due.slice(0, 5)}${String(d[1]).padStart(2, '0')}-${String(d[2]).padStart(2, '0')}`
  if (day === m.due) return `${d[1]}月${d[2]}日正是截止当天，没有超过。`
  return day < m.due
    ? `${d[1]}月${d[2]}日在截止日期（${chineseDate(m.due)}）之前，没有超过。`
    : `${d[1]}月${d[2]}日已经超过了截止日期（${chineseDate(m.due)}），晚了${daysBetween(m.due, day)}天。`
}

/** The milestone whose day the question names (10月24号 → the school submission), if any. */
function milestoneByDate(program: Program, q: string): ProgramMilestone | undefined {
  const m = /(\d{1,2})月(\d{1,2})(日|号)?/.exec(q)
  if (!m) return undefined
  const md = `${String(m[1]).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`
  return program.milestones.find((x) => !x.month && x.due.slice(5) === md)
}

/**
 * The step named after a day that is only context ("学校10月24号截止，市里27号，那区里审核什么时候
 * 完成" asks about the regional review, not the 24th): the last named before the ask word, else
 * the first named after it.
 */
function stepAfterDate(ctx: Parameters<Intent['answer']>[1], q: string, dateAt: number): string | undefined {
  // "…27号前交上去，交到哪里": where a step hands things on is asked of the step just named, like its time.
  const askAt = (WHEN.exec(q) ?? /(交|报|送)(到|给|去)?(哪|谁)/.exec(q))?.index
  if (askAt === undefined || askAt < dateAt) return undefined
  let before: { key: string; at: number } | undefined
  let after: { key: string; at: number } | undefined
  for (const s of ctx.vocab.steps) {
    for (const m of q.matchAll(new RegExp(s.pattern.source, 'g'))) {
      if (m.index <= dateAt) continue
      if (m.index < askAt && (!before || m.index > before.at)) before = { key: s.key, at: m.index }
      if (m.index >= askAt && (!after || m.index < after.at)) after = { key: s.key, at: m.index }
    }
  }
  return (before ?? after)?.key
}

/** Words that join two questions in one ("分别", "各是", "以及"). */
const MULTI = /分别|各是|各自|各(在|为|要)|以及|还有|和|跟|与|、/

/** "见面会以后啥时候定研究方向": a step that only sets the time after which another is asked; the other is asked. */
function stepAfterStep(ctx: Context, text: string): string | undefined {
  const after = /(以后|之后|过后|后|完了?|结束了?)[^，,。？?]{0,3}(啥时候|什么时候|何时|几时|哪天|几月|哪个月)/.exec(
    text,
  )
  if (!after) return undefined
  const rest = text.slice(after.index)
  return ctx.vocab.steps
    .map((s) => ({ key: s.key, at: rest.search(s.pattern) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.key
}

/** Asks who carries something out ("由谁组织", "哪个部门负责"). */
const WHO_ASKED = /谁|哪个(部门|单位|机构)|哪些(部门|单位|机构)|何(部门|单位|机构)/

/** The first clause of an article that names a party: who carries its step out. */
function actingClause(ctx: Context, section: string): string | undefined {
  const fact = ctx.program.facts.find((f) => f.section === section)
  return fact?.answer.split(/[，,：:；;。]/).find((c) => ctx.vocab.parties.some((p) => p.pattern.test(c)))
}

/** "中期评价和年度评价的截止时间分别是": each named step's date. */
function multiDeadlineAnswer(ctx: Context, keys: string[], now: Date, who: boolean): QaAnswer | undefined {
  const { program } = ctx
  const lines: string[] = []
  const sources: { section: string; title: string }[] = []
  const facts: AnswerFact[] = []
  const steps = keys
    .map((key) => program.milestones.find((m) => m.key === key))
    .filter((m): m is ProgramMilestone => m !== undefined)
    .sort((a, b) => a.due.localeCompare(b.due))
  for (const m of steps) {
    // "分别由谁组织、何时完成": who carries each step out, in its article's first clause naming a party.
    const by = who ? actingClause(ctx, m.section) : undefined
    lines.push(`${milestoneWhen(m, now)}${by ? `；${by}` : ''}。`)
    sources.push({ section: m.section, title: m.title })
    facts.push({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })
  }
  const undated = keys.filter((k) => program.undatedSteps.some((s) => s.key === k))
  for (const key of undated) {
    const step = program.undatedSteps.find((s) => s.key === key)
    if (!step) continue
    lines.push(`${step.title.split(/[：（(]/)[0]}：方案没有规定具体日期。`)
    sources.push({ section: step.section, title: step.title })
  }
  if (lines.length < 2) return undefined
  return { answer: joinWithin(lines), intent: 'deadline', sources, confidence: 0.88, facts }
}

/** A receiving office named as the destination ("交到柳州市科协"): not the one acting. */
const DESTINATION = /(到|给|至|向|往)(当地的?)?([\u4e00-\u9fff]{0,3}?市)?(级)?(科协|管理办公室|自治区)/g
/** The city association (or "市里") named as the one handing something on. */
const CITY_ACTOR =
  /(市科协|市级科协|市里|市级|各市|市一级|[\u4e00-\u9fff]{2,3}?市?科协)[^，,。？?]{0,14}(报|交|提交|送|上报|审核|审完)/
/** The school named as the one handing the application on. */
const SCHOOL_ACTOR = /(学校|中学|校方|本校|我校|该校|各校|班主任)[^，,。？?]{0,14}(报|交|提交|送|上报|推荐)/

/**
 * The selection step whose actor the question names as the one acting ("柳州市科协几号之前要把
 * 申请表报上去" is the city's step even though 申请表 is mentioned): the city first, then the school.
 */
function actorStep(q: string): string | undefined {
  const acting = q.replace(DESTINATION, '')
  if (CITY_ACTOR.test(acting)) return 'city_review'
  if (SCHOOL_ACTOR.test(acting)) return 'school_submission'
  return undefined
}

/** The date of a named step. */
export const deadline: Intent = {
  name: 'deadline',
  description: 'when a named step is due, relative to today (several steps: each one)',
  answer: (ask, ctx) => {
    const { q, now } = ask
    const program = ctx.program
    const byDate = milestoneByDate(program, q)
    // "结业以后还会跟我们保持联系吗": whether the program keeps in touch, not when a step ends.
    const keepsInTouch = /保持联系|还.{0,4}(联系|跟踪|追踪)/.test(q) && !ASK_WHEN.test(q)
    if (!(WHEN.test(q) || byDate)) return decline(ask, 'asks no time and names no day of a step')
    if (keepsInTouch) return decline(ask, 'asks whether the program keeps in touch, not when')
    const keys = [...new Set(ctx.vocab.steps.filter((s) => s.pattern.test(q)).map((s) => s.key))]
    // For a two-part question, 截止 names no step of its own ("…的截止时间分别是").
    const bare = q.replace(/截止(时间|日期)?/g, '')
    const partKeys = [...new Set(ctx.vocab.steps.filter((s) => s.pattern.test(bare)).map((s) => s.key))]
    if (!byDate && partKeys.length >= 2 && MULTI.test(q)) {
      const multi = multiDeadlineAnswer(ctx, partKeys, now, WHO_ASKED.test(q))
      if (multi) return multi
    }
    const dateAt = byDate ? /\d{1,2}月\d{1,2}/.exec(q)?.index : undefined
    const named = dateAt === undefined ? undefined : stepAfterDate(ctx, bare.replace(/截止/g, ''), dateAt)
    const key =
      (named !== byDate?.key ? named : undefined) ??
      byDate?.key ??
      actorStep(bare) ??
      stepAfterStep(ctx, bare) ??
      keys[0]
    // "公示多久": how long an undated step lasts is its own fact (公示期5个工作日), not a missing date.
    if (
      key &&
      /多久|多长时间|几天|多少天/.test(bare) &&
      program.undatedSteps.some((s) => s.key === key && s.workingDays)
    )
      return decline(ask, 'asks how long an undated step lasts: its fact says')
    const answer = key && deadlineAnswer(program, key, q, ask.scored, now, ask.context)
    return answer ? withGap(ctx, q, withOtherParts(ctx, q, answer)) : undefined
  },
}

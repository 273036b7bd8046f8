import { chineseDate, chineseMonth, daysBetween, monthsBetween } from '../../time'
import { type Context, decline } from '../context'
import { cohortYearOf, type ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'
import { type Point, saidDaysAnswer, saidMonthsAnswer, saidPoints } from '../said-days'
import { GIVEN_DAY, isoDay, workingDaysSpan } from './working-days-span'

/** Asks how far apart two things are ("相差几天", "中间隔了几个月", "之间有多久", "相比…留给…几天"). */
const APART =
  /截止[^，,。？?]{0,12}(至|到)|相差|相隔|间隔|隔了?|差了?|中间|之间|距离|距|离|相比|比起来|比较|对比|留给|留出|预留|留了|留有|给了|有(?=(几|多少)(天|日))|还(有|剩|差)(?=[^，,。？?]{0,2}(几|多少))|(晚|早)(几|多少)|(从|自)[^。？?]{0,24}(到|至)|\d[日号](到|至)\d|已(经)?(进行|培养|开展|过去)|可用|^(至|到|距)|[，,](至|到)(?=[^，,。？?]{2})/
const HOW_MUCH =
  /(?<![这那])(几|多少)(个)?(天|日|周|星期|个月|月|工作日|自然日)|工作日[^，,。？?]{0,3}(几|多少)个?|多久|多长时间/

/** The training's start named as one end of a span. */
const TRAINING_START =
  /培养(周期)?的?(开始|起始|启动|起点)|培养[^，,。？?]{1,14}(开始|起算)|(自|从)周期(开始|起)|开始培养|起始月|培养周期(起|开始)|已(经)?(进行|培养|开展|过去|过)了?[^，,。？?]{0,2}(几|多少)|进行了?(几|多少)个?月/

/** The months from the training's first month to a step's month, both counted ("约5个月"). */
function fromTrainingStart(start: string, step: ProgramMilestone): QaAnswer {
  const months = monthsBetween(start, step.due) + 1
  const name = step.title.split(/[：（(]/)[0]
  return {
    answer: `培养周期从${chineseMonth(start)}开始，${name}在${when(step)}，从${chineseMonth(start)}初到${chineseMonth(step.due.slice(0, 7))}底约${months}个月。`,
    intent: 'deadline',
    sources: [{ section: step.section, title: step.title }],
    confidence: 0.8,
    facts: [{ section: step.section, title: step.title, text: `${step.title}，${step.due}` }],
  }
}

/** How a step's date is said: a day, or a month when the plan gives only the month. */
function when(m: ProgramMilestone): string {
  if (!m.month) return `${chineseDate(m.due)}前`
  return /底前/.test(`${m.title}${m.note ?? ''}`) ? `${chineseMonth(m.month)}底前` : chineseMonth(m.month)
}

/** Asks the days left before something ("还有多少天", "离…几天"). */
const LEFT = /还(有|剩|差)|^(离|距)/
/** Whether a text gives exactly one day. */
const onlyDay = (text: string) => (text.match(new RegExp(GIVEN_DAY.source, 'g')) ?? []).length === 1

/** Today's day said in the message ("今天都10月20号了"). */
const TODAY_SAID = /(今天|今日|现在|眼下)[^，,。？?]{0,3}\d{1,2}月\d{1,2}[日号]/

/** Two or more spans asked at once ("自A至B，以及自B至C，分别相隔几个月"): each 从/自…到/至… of the message. */
const EACH = /分别|各(相隔|相差|隔|差|有|是)/
const SPAN = /(?:从|自)[^，,。？?；;]*?(?:到|至)[^，,。？?；;]*?(?=[，,。？?；;]|以及|和|$)/g

/**
 * The time between two dated steps named in a text, or from the training's start to one step;
 * undefined when the text names fewer.
 */
function spanAnswer(ctx: Context, q: string, context?: string): QaAnswer | undefined {
  if (/工作日/.test(q)) return workingDaysSpan(ctx, q, context)
  // "从2023年10月到2024年9月，这个培养算下来是几个月": two months said, both counted.
  const months = /(20\d\d)年(\d{1,2})月[^，,。？?\d]{0,3}(到|至)[^，,。？?\d]{0,2}(20\d\d)年(\d{1,2})月/.exec(q)
  if (months && /几个?月|多少个?月/.test(q)) {
    const from = `${months[1]}-${(months[2] as string).padStart(2, '0')}`
    const to = `${months[4]}-${(months[5] as string).padStart(2, '0')}`
    const n = monthsBetween(from, to) + 1
    const t = ctx.program.training
    const training = from === t.start && to === t.end ? `，正是培养周期（${t.section}，一年）` : ''
    return {
      answer: `从${chineseMonth(from)}到${chineseMonth(to)}，两头都算共${n}个月${training}。`,
      intent: 'deadline',
      sources: training ? [{ section: t.section, title: '培养周期' }] : [],
      confidence: 0.85,
      facts: training ? [{ section: t.section, title: '培养周期', text: `${t.start}至${t.end}` }] : [],
    }
  }
  // "24号到27号差几天": two days of one month said with no month, counted apart.
  const bare = /(?<![月\d])(\d{1,2})[号日](到|至|和|与|跟)(\d{1,2})[号日]/.exec(q)
  if (bare && /(几|多少)(天|日)/.test(q) && !/工作日/.test(q)) {
    const [a, b] = [Number(bare[1]), Number(bare[3])].sort((x, y) => x - y) as [number, number]
    if (b > a && b <= 31)
      return {
        answer: `${a}号到${b}号相差${b - a}天（同一个月内）。`,
        intent: 'deadline',
        sources: [],
        confidence: 0.8,
        facts: [],
      }
  }
  // "培养是从今年10月到明年9月对吧？一共几个月": two months with no year, the later one the next year when earlier.
  const bareMonths = /(?<!\d)(\d{1,2})月[^，,。？?\d]{0,3}(到|至)[^，,。？?\d]{0,4}?(\d{1,2})月(?!\d{1,2}[日号])/.exec(
    q,
  )
  if (bareMonths && !months && /几个?月|多少个?月/.test(q)) {
    const [a, b] = [Number(bareMonths[1]), Number(bareMonths[3])]
    const n = ((b - a + 12) % 12) + 1
    const t = ctx.program.training
    const training =
      a === Number(t.start.slice(5, 7)) && b === Number(t.end.slice(5, 7)) ? `，正是培养周期（${t.section}，一年）` : ''
    if (a >= 1 && a <= 12 && b >= 1 && b <= 12)
      return {
        answer: `从${a}月到${b}月，两头都算共${n}个月${training}。`,
        intent: 'deadline',
        sources: [],
        confidence: 0.8,
        facts: [],
      }
  }
  // "从10月24号交表截止到明年2月底中期评价截止，中间一共多少天": two days said outright (a 月底 as its last day).
  // "中期是2月底前，年度是9月底前，这中间差几个月": the two said before an ask pointing at them.
  const said =
    saidPoints(ctx, q).length === 0 && BOTH.test(q) && context ? saidPoints(ctx, context) : saidPoints(ctx, q)
  if (said.length === 2 && /(几|多少)(天|日)/.test(q))
    return saidDaysAnswer(
      ctx,
      said as [Point, Point],
      /还(有|剩|差)/.test(q) && !/两头|首尾|含/.test(q),
      /两头|首尾|含|包括|一共|总共/.test(q),
    )
  if (said.length === 2 && /(几|多少)个?月/.test(q)) return saidMonthsAnswer(said as [Point, Point])
  const stepsIn = (text: string) => ctx.vocab.steps.filter((s) => s.pattern.test(text.replace(/截止(时间|日期)?/g, '')))
  let named = stepsIn(q)
  // "该时限比学校提交截止晚几天": 该 points at the step the message named before.
  if (named.length === 1 && /该|此|这个|这一/.test(q) && context) named = [...named, ...stepsIn(context)]
  // "两个截止日期中间差几天": the two are the steps the message named before the ask.
  if (named.length < 2 && BOTH.test(q) && context) named = [...named, ...stepsIn(context)]
  // "…截止是几号？那天星期几？还剩几天了": a count of days left naming no step is of the step the message names.
  if (named.length === 0 && context && /还(有|剩|差)/.test(q)) named = stepsIn(context).slice(-1)
  // "年度评价最迟完成日为星期几？自中期评价截止日（2024年2月29日）起算，相隔多少天": a step given with its own
  // day is one end; the step the message named before is the other.
  const ownDay = GIVEN_DAY.exec(q)
  const dueOf = (key?: string) => ctx.program.milestones.find((m) => m.key === key)?.due
  if (named.length === 1 && context && ownDay && isoDay(ctx, ownDay) === dueOf(named[0]?.key)) {
    const others = stepsIn(context).filter((s) => s.key !== named[0]?.key)
    if (others.length === 1) named = [...named, ...others]
  }
  const keys = [...new Set(named.map((s) => s.key))]
  const steps = keys
    .map((key) => ctx.program.milestones.find((m) => m.key === key))
    .filter((m): m is ProgramMilestone => m !== undefined)
    .sort((a, b) => a.due.localeCompare(b.due))
  const [first, last] = [steps[0], steps[steps.length - 1]]
  // "从培养开始到中期评价截止有几个月": from the training's first month to the step's month, both counted.
  const fromStart =
    TRAINING_START.test(q) || (/^(至|到|距)/.test(q) && context !== undefined && TRAINING_START.test(context))
  if (steps.length === 1 && first && fromStart) return fromTrainingStart(ctx.program.training.start, first)
  // "如于2023年10月20日提交，距学校推荐截止还有几天": from the day given to a step's day.
  // "今天10月21号，…还剩几天": today's day may be said in the message before the ask.
  const given =
    GIVEN_DAY.exec(q) ??
    // "娃10月15号才知道这个事，离学校交表截止还有多少天": the one day the message gives, when days left are asked.
    (context && (TODAY_SAID.test(context) || (LEFT.test(q) && onlyDay(context))) ? GIVEN_DAY.exec(context) : null) ??
    // "今天10号了，学校24号截止交表，还剩几天": a day with no month is in the step's month.
    (first ? todayInStepMonth(`${context ?? ''}${q}`, first.due) : null)
  // A 月底 step counts to that month's last day ("离中期评价截止还有多少天").
  if (steps.length === 1 && first && (!first.month || monthEnd(first)) && given) {
    // "今天12月1号": a day with no year is in the cohort's year of its month (12月 → the training's first year).
    const year = given[1] ?? String(cohortYearOf(ctx.program, Number(given[2])))
    const day = `${year}-${(given[2] as string).padStart(2, '0')}-${(given[3] as string).padStart(2, '0')}`
    const gap = daysBetween(day, first.due)
    if (gap === 0) return undefined
    const name = first.title.split(/[：（(]/)[0]
    const lastDay = first.month ? `（按当月最后一天${chineseDate(first.due)}算）` : ''
    return {
      answer: `${name}在${when(first)}${lastDay}，从${chineseDate(day)}算起${gap >= 0 ? `还有${gap}天` : `已过${-gap}天`}。`,
      intent: 'deadline',
      sources: [{ section: first.section, title: first.title }],
      confidence: 0.85,
      facts: [{ section: first.section, title: first.title, text: `${first.title}，${first.due}` }],
    }
  }
  // "市科协留了几天审核时间": the days from the step before to this step's day.
  if (steps.length === 1 && first && !first.month && ALLOWED.test(q)) return allowedDays(ctx, first)
  if (steps.length < 2 || !first || !last) return givenDays(ctx, q, context ?? q)
  if (steps.length < 2 || !first || !last) return undefined
  // "自学校推荐截止日起至中期评价截止日止相隔多少天": a 月底 step counts to that month's last day.
  const daysAsked = /(几|多少)(天|日)/.test(q)
  const dayOf = (m: ProgramMilestone) => m.month === undefined || (daysAsked && monthEnd(m))
  const byMonth = !dayOf(first) || !dayOf(last)
  const gap = byMonth ? monthsBetween(first.due, last.due) : daysBetween(first.due, last.due)
  const name = (m: ProgramMilestone) => m.title.split(/[：（(]/)[0]
  const note = byMonth ? '（方案只写到月份）' : [first, last].some((m) => m.month) ? '（月底按当月最后一天算）' : ''
  return {
    answer: `${name(first)}在${when(first)}，${name(last)}在${when(last)}，相差${gap}${byMonth ? '个月' : '天'}${note}。`,
    intent: 'deadline',
    sources: [first, last].map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: [first, last].map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

/** A step the plan dates "…月底前": it counts to that month's last day. */
const monthEnd = (m: ProgramMilestone) => m.month !== undefined && /月底/.test(m.title)

/** "今天10号": today's day with no month, read in the month of the step asked about, as a GIVEN_DAY match. */
function todayInStepMonth(text: string, due: string): RegExpExecArray | null {
  const m = /(今天|今日|现在)(是|已经)?(\d{1,2})[号日]/.exec(text)
  return m ? GIVEN_DAY.exec(`${Number(due.slice(5, 7))}月${m[3]}日`) : null
}

/** A number of days a step is said to have, asked to be checked ("只有3天审核？", "就给3天吗"). */
const DAYS_SAID = /(只有|只剩|就|才|仅|仅有|只给|就给)(\d+)天[^，,。]{0,6}([?？]|吗|么|吧|啊|不)/

/** Asks how long a step is given ("留了几天审核时间", "审核有几天时间", "给了几天"). */
const ALLOWED =
  /(留|给|有)(了|出|有)?[^，,。？?]{0,2}(几|多少)(天|日)|(几|多少)天的?[^，,。？?]{0,4}时间|时间(为|是|有|共)(几|多少)天/

/** The days a step with a day of its own is given: from the day-dated step before it to its day. */
function allowedDays(ctx: Context, step: ProgramMilestone): QaAnswer | undefined {
  const before = ctx.program.milestones
    .filter((m) => !m.month && m.due < step.due)
    .sort((a, b) => a.due.localeCompare(b.due))
    .pop()
  if (!before) return undefined
  const gap = daysBetween(before.due, step.due)
  const name = (m: ProgramMilestone) => m.title.split(/[：（(]/)[0]
  return {
    answer: `${name(before)}在${when(before)}，${name(step)}在${when(step)}，两个截止日期相差${gap}天，即${name(step)}这一步留有${gap}天。`,
    intent: 'deadline',
    sources: [before, step].map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: [before, step].map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

/** The two days asked about, said before ("这两个日子", "两个截止日中间"). */
const BOTH = /(两|2)(个|者)|二者|这俩|俩|中间|之间/
/** A day said in the message, its month carried from the day before ("10月24号前…27号前"). */
const SAID_DAY = /(?:(\d{1,2})月)?(\d{1,2})[日号]/g

/**
 * "10月24号前交到市科协，…27号前交上去，两个截止日中间差几天": the days between two days the message
 * says, when the ask names no step of its own; undefined unless exactly two days are said.
 */
function givenDays(ctx: Context, q: string, context: string): QaAnswer | undefined {
  if (!BOTH.test(q)) return undefined
  let month = ''
  const days = [...context.matchAll(SAID_DAY)].flatMap((m) => {
    // "学校24号交，市里27号前交上去": a day with no month is the month of the step due that day.
    const day = (m[2] as string).padStart(2, '0')
    month =
      m[1] ?? (month || (ctx.program.milestones.find((x) => !x.month && x.due.slice(8) === day)?.due.slice(5, 7) ?? ''))
    return month ? [`${ctx.program.cohort}-${month.padStart(2, '0')}-${day}`] : []
  })
  const distinct = [...new Set(days)].sort()
  const [a, b] = distinct
  if (distinct.length !== 2 || !a || !b) return undefined
  const dated = ctx.program.milestones.filter((m) => !m.month && (m.due === a || m.due === b))
  return {
    answer: `${chineseDate(a)}与${chineseDate(b)}相差${daysBetween(a, b)}天。`,
    intent: 'deadline',
    sources: dated.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.8,
    facts: dated.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

/** Each span of a message asked at once, answered in turn; undefined unless two or more are answered. */
function eachSpan(ctx: Context, text: string): QaAnswer | undefined {
  const answers = [...text.matchAll(SPAN)]
    .map((m) => spanAnswer(ctx, m[0]))
    .filter((a): a is QaAnswer => a !== undefined)
  if (answers.length < 2) return undefined
  return {
    answer: `${answers.map((a, i) => `${i === 0 ? '' : '；'}${'①②③④'[i]}${a.answer.replace(/。$/, '')}`).join('')}。`,
    intent: 'deadline',
    sources: [...new Map(answers.flatMap((a) => a.sources).map((s) => [s.section, s])).values()],
    confidence: 0.85,
    facts: answers.flatMap((a) => a.facts ?? []),
  }
}

/**
 * The time between two dated steps of the plan ("学校推荐截止到市级审核截止相差几天", "中期评价到年度
 * 评价隔了几个月"): in days when both have a day, in months when either has only its month.
 */
export const interval: Intent = {
  name: 'interval',
  description: 'how far apart two dated steps are: days between two days, months between two months',
  answer: (ask, ctx) => {
    const { q } = ask
    // "市里27号前又要交到区里，那市科协只有3天审核？": the days a step is given, said to be checked.
    const saidDays = DAYS_SAID.exec(q)
    if (saidDays) {
      const step = ctx.vocab.steps
        .filter((s) => s.pattern.test(q))
        .map((s) => ctx.program.milestones.find((m) => m.key === s.key && !m.month))
        .find((m): m is ProgramMilestone => m !== undefined)
      const given = step && allowedDays(ctx, step)
      if (given) return given
    }
    if (!APART.test(q) || !HOW_MUCH.test(q)) return decline(ask, 'asks for no time between two things')
    const whole = ask.context ?? q
    const each = EACH.test(q) ? eachSpan(ctx, whole.includes(q) ? whole : q) : undefined
    return each ?? spanAnswer(ctx, q, ask.context) ?? decline(ask, 'names fewer than two dated steps')
  },
}

import { chineseDate, chineseMonth } from '../../time'
import { type Context, decline } from '../context'
import type { Program, ProgramFact, ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'
import { CONFIRM_ASK } from '../wording'
import { STATEMENT_CHECK } from '../wording'
import { STUDENT_SAID } from './statement-check'
import type { Intent } from './intent'
import { quotaClaim } from './quota'

/** A day or a month's end stated ("10月31日前", "2023年10月31号", "3月底"). */
const STATED = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})(?:日|号)|(底|末))/g

/** A step's short title: "学校推荐", "中期评价". */
const shortTitle = (m: ProgramMilestone) => m.title.split(/[：:（(，,]/)[0] as string

/** The plan's own date of a step, as the plan says it (a 月底 step by its month). */
export function planDate(m: ProgramMilestone): string {
  return m.month && /月底/.test(m.title)
    ? `${chineseMonth(m.month)}底前`
    : m.month
      ? `${chineseMonth(m.month)}内`
      : `${chineseDate(m.due)}前`
}

/** A body's name as people shorten it: 自治区科协 → 科协 is too loose, but 广西科协, 区科协 and 科技馆 are it. */
function variants(name: string): string[] {
  const bare = name.replace(/^(自治区|广西)/, '')
  return [...new Set([name, `广西${bare}`, `自治区${bare}`, `区${bare}`, bare.length >= 3 ? bare : name])]
}

/**
 * "据了解，本计划由广西科技馆主办、自治区科协承办，请确认": each body said to organise (主办) or
 * undertake (承办) checked against the plan's lists.
 */
export function bodiesClaim(program: Program, q: string): QaAnswer | undefined {
  const { organisers, undertakers } = program.bodies
  let wrong = false
  let said = false
  for (const [names, role, other] of [
    [organisers.names, '主办', undertakers.names],
    [undertakers.names, '承办', organisers.names],
  ] as const) {
    // "承办单位为广西大学和广西师范大学": whatever is named in the role is checked, listed body or not.
    const stated = new RegExp(`${role}(单位|方)(为|是|系)([^，,。？?；;]{2,24})`).exec(q)?.[3]
    if (stated && !/哪|什么|谁|啥|几|多少/.test(stated)) {
      said = true
      // Each body listed in the role must be one of the plan's ("自治区科协、自治区科技厅": 科技厅 is not).
      const listed = stated.split(/[、，,和及与]/).filter((b) => b.length >= 2)
      if (!listed.every((b) => names.some((n) => variants(n).some((v) => b.includes(v) || v.includes(b))))) wrong = true
    }
    for (const name of [...names, ...other]) {
      const claimed = variants(name).some((v) =>
        new RegExp(`${v}[^，,。？?；;、]{0,3}${role}|${role}(单位|方)?(是|为|系)?[^，,。？?；;]{0,12}${v}`).test(q),
      )
      if (!claimed) continue
      said = true
      if (!names.includes(name)) wrong = true
    }
  }
  if (!said) return undefined
  const { section } = organisers
  return {
    answer: `${wrong ? '不对' : '对'}：主办单位是${organisers.names.join('和')}，承办单位是${undertakers.names.join('和')}（${section}）。`,
    intent: 'fact',
    sources: [{ section, title: '主办和承办单位' }],
    confidence: 0.85,
    facts: [
      {
        section,
        title: '主办和承办单位',
        text: `主办${organisers.names.join('、')}；承办${undertakers.names.join('、')}`,
      },
    ],
  }
}

/** Asks whether a planned day meets a deadline ("是否在规定时限内", "是否符合方案要求", "来得及吗"). */
const DEADLINE_FIT =
  /是否在[^，,。？?]{0,6}(时限|期限|规定时间)内|(是否|能否)(符合|满足)[^，,。？?]{0,6}(要求|规定|时限)|来得及|赶得上|是否逾期|会不会(超时|逾期|晚)/

/**
 * "市级科协应于10月31日前报送管理办公室，对吗？", "中期评价是3月底前完成吧？": a date stated for a
 * step of the plan, asked to be confirmed — each stated date checked against the step named
 * nearest before it (else after it), said right or corrected.
 */
export const claim: Intent = {
  name: 'claim',
  description: 'a date of a step or a body’s role stated to be confirmed: right, or corrected from the plan',
  triggers: [CONFIRM_ASK, DEADLINE_FIT],
  answer: (ask, ctx) => {
    const { q } = ask
    const fit = DEADLINE_FIT.test(q)
    if (!CONFIRM_ASK.test(q) && !fit) return decline(ask, 'asks nothing to be confirmed')
    // "请确认：中期评价须于2月底前完成，该截止日具体为几月几日": the day of a month's end is asked, not the claim.
    if (/星期几|周几|礼拜几/.test(q)) return decline(ask, 'asks the weekday of a day')
    if (/(底|末)前?/.test(q) && /几号|几日|哪[一1个]?天|哪[一1]?日|何日|具体(日期|是)/.test(q))
      return decline(ask, 'asks the day of a month’s end')
    // "评价只有9月底前的年度评价一次": a restriction stated is the statement check's, whatever its date.
    if (/只有|仅有?|只(是|限|能|在|要)[^，,。？?]{0,12}(一次|一个|一项|一轮)/.test(q) && STATEMENT_CHECK.test(q))
      return decline(ask, 'states a restriction, not only a date')
    // "隆安县一名高一学生，物理年级前13%…请确认其资格": a described student's case is the eligibility verdict.
    if (STUDENT_SAID.test(q)) return decline(ask, 'describes a student: the eligibility verdict')
    const bodies = bodiesClaim(ctx.program, q) ?? (QUOTA_WORDS.test(q) ? quotaClaim(ctx.program, q) : undefined)
    if (bodies) return bodies
    const named: { m: ProgramMilestone; at: number; bare?: boolean }[] = []
    for (const m of ctx.program.milestones) {
      const pattern = ctx.vocab.steps.find((s) => s.key === m.key)?.pattern
      if (!pattern) continue
      for (const hit of q.matchAll(new RegExp(pattern.source, 'g')))
        named.push({ m, at: hit.index, bare: /^(截止|报名|申请|方向)$/.test(hit[0]) })
    }
    // "市级科协向管办报送材料的截止日期为…": a bare 截止 names no step once another is named.
    if (named.some((n) => !n.bare)) named.splice(0, named.length, ...named.filter((n) => !n.bare))
    const stated = [...q.matchAll(STATED)]
    // "班主任说10月底前交就行？…学校把材料交给市科协的截止是几号": the step is named in the message's other ask.
    if (named.length === 0 && stated.length > 0 && ask.context) {
      const steps = ctx.program.milestones.filter((m) =>
        ctx.vocab.steps.find((s) => s.key === m.key)?.pattern.test(ask.context?.replace(q, '') ?? ''),
      )
      if (steps.length === 1 && steps[0]) named.push({ m: steps[0], at: 0 })
    }
    if (named.length === 0 || stated.length === 0) return decline(ask, 'states no date of a named step')
    const lines: string[] = []
    const sources: QaAnswer['sources'] = []
    for (const d of stated) {
      const before = named.filter((n) => n.at < d.index).sort((a, b) => b.at - a.at)[0]
      const step = (before ?? named.sort((a, b) => a.at - b.at)[0])?.m
      if (!step || sources.some((s) => s.title === step.title)) continue
      const [year, month, day] = [Number(step.due.slice(0, 4)), Number(step.due.slice(5, 7)), Number(step.due.slice(8))]
      const sameMonth = (!d[1] || Number(d[1]) === year) && Number(d[2]) === month
      const monthEnd = Boolean(step.month) && /月底/.test(step.title)
      // A day stated for a step the plan dates only by its month: the plan names no day to check it against.
      const undated = sameMonth && Boolean(d[3]) && Boolean(step.month) && !monthEnd
      const right = sameMonth && (d[4] ? Boolean(step.month) : Number(d[3]) === day && (!step.month || monthEnd))
      const said = d[0].replace(/号$/, '日')
      // "拟于10月26日报送，是否在规定时限内": a day on or before the deadline is in time.
      const on = `${step.due.slice(0, 4)}-${String(Number(d[2])).padStart(2, '0')}-${String(Number(d[3] ?? 0)).padStart(2, '0')}`
      if (fit && d[3] && !step.month) {
        lines.push(
          on <= step.due
            ? `在规定时限内：${shortTitle(step)}的截止是${planDate(step)}（${step.section}），${said}不晚于截止日。`
            : `不符合：${shortTitle(step)}的截止是${planDate(step)}（${step.section}），${said}已晚于截止日（逾期）。`,
        )
        sources.push({ section: step.section, title: step.title })
        continue
      }
      lines.push(
        undated
          ? `方案只规定${shortTitle(step)}在${planDate(step)}（${step.section}），没有写具体日期，${said}是否安排请以通知为准。`
          : right
            ? `对，没错：${shortTitle(step)}在${planDate(step)}（${step.section}）。`
            : `不对：方案规定${shortTitle(step)}在${planDate(step)}（${step.section}），不是${said}。${dueThen(ctx, step, d)}`,
      )
      sources.push({ section: step.section, title: step.title })
    }
    if (lines.length === 0) return decline(ask, 'no stated date pairs with a step')
    // "中期评价由各参与中学自行组织，于3月底前完成": who carries the step out is said too, in its article's words.
    if (/由[^，,。？?]{1,12}(组织|负责|完成|开展|实施|承担)/.test(q))
      for (const s of sources) {
        const fact = ctx.program.facts.find((f) => f.section === s.section)
        if (fact) lines.push(cited(fact))
      }
    return {
      answer: lines.join(''),
      intent: 'deadline',
      sources,
      confidence: 0.85,
      facts: sources.map((s) => ({ ...s, text: s.title })),
    }
  },
}

/** A fact's words with its article, as a statement is answered ("…（四（二）1）。"). */
export const cited = (f: ProgramFact) => `${f.answer.replace(/。?$/, '')}（${f.section}）。`

/**
 * "…市级科协须于10月24日前将材料报送管办": the step the stated day belongs to, said with who does what
 * then ("10月24日是学校推荐的截止日：学校把…交到当地市级科协"); empty when no other step is due that day.
 */
function dueThen(ctx: Context, step: ProgramMilestone, d: RegExpMatchArray): string {
  const [month, day] = [Number(d[2]), Number(d[3])]
  const other = ctx.program.milestones.find(
    (m) => m !== step && !m.month && Number(m.due.slice(5, 7)) === month && Number(m.due.slice(8)) === day,
  )
  if (!other || !d[3]) return ''
  const [name, what] = other.title.split(/[：:]/)
  return `${month}月${day}日是${name}的截止日${what ? `：${what}` : ''}（${other.section}）。`
}

/** A statement about the numbers of students: checked against the quotas. */
export const QUOTA_WORDS =
  /名额|遴选学生|选拔学生|(遴选|选拔|招收|录取|入选)[^，,。？?]{0,6}\d+名|\d+名学生|\d+个名额|(?<![第\d])\d+\s*名(?!师|单|次)/

import { chineseDate, chineseMonth } from '../../time'
import { decline } from '../context'
import type { Program, ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Asks whether what the message states is right ("对吗", "是否属实", "请予以确认", "没错吧"). */
export const CONFIRM_ASK =
  /对吗|对不对|对吧|对么|是吗|是嘛|是否属实|属实吗|是否正确|正确吗|对不|(请|烦请|望)?予以确认|请确认|请核实|是这样吗|是不是这样|没错吧|没错吗|是吧|是真的吗|是不是真的|准确吗|有误吗|是否有误/
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
      if (!names.some((n) => variants(n).some((v) => stated.includes(v)))) wrong = true
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

/**
 * "市级科协应于10月31日前报送管理办公室，对吗？", "中期评价是3月底前完成吧？": a date stated for a
 * step of the plan, asked to be confirmed — each stated date checked against the step named
 * nearest before it (else after it), said right or corrected.
 */
export const claim: Intent = {
  name: 'claim',
  description: 'a date of a step or a body’s role stated to be confirmed: right, or corrected from the plan',
  triggers: [CONFIRM_ASK],
  answer: (ask, ctx) => {
    const { q } = ask
    if (!CONFIRM_ASK.test(q)) return decline(ask, 'asks nothing to be confirmed')
    const bodies = bodiesClaim(ctx.program, q)
    if (bodies) return bodies
    const named: { m: ProgramMilestone; at: number }[] = []
    for (const m of ctx.program.milestones) {
      const pattern = ctx.vocab.steps.find((s) => s.key === m.key)?.pattern
      if (!pattern) continue
      for (const hit of q.matchAll(new RegExp(pattern.source, 'g'))) named.push({ m, at: hit.index })
    }
    const stated = [...q.matchAll(STATED)]
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
      lines.push(
        undated
          ? `方案只规定${shortTitle(step)}在${planDate(step)}（${step.section}），没有写具体日期，${said}是否安排请以通知为准。`
          : right
            ? `对，${shortTitle(step)}在${planDate(step)}（${step.section}）。`
            : `不对：方案规定${shortTitle(step)}在${planDate(step)}（${step.section}），不是${said}。`,
      )
      sources.push({ section: step.section, title: step.title })
    }
    if (lines.length === 0) return decline(ask, 'no stated date pairs with a step')
    return {
      answer: lines.join(''),
      intent: 'deadline',
      sources,
      confidence: 0.85,
      facts: sources.map((s) => ({ ...s, text: s.title })),
    }
  },
}

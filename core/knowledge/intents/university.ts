import { type Context, decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Asks whether a university is among the program's ("是不是合作的大学之一", "属于参与高校吗"). */
const MEMBER_ASK =
  /之一|(是不是|是否|算不算|属不属于|属于|在不在|包不包括|包括|包含|有没有)[^，,。？?]{0,10}(实施|参与|合作|承办|培养)[^，,。？?]{0,3}(高校|大学|学校|院校|单位)|(实施|参与|合作)(的)?(高校|大学|院校)(里|中|之中)?(有没有|包不包括|包括|包含|有)|(是|算)(本计划的)?(实施|参与|合作)(的)?(高校|大学|院校)(吗|么|不|嘛|[?？]|$)/

/** A name in a question; a short form (师大, 科大) only as a word of its own, not the end of another name (中国科大). */
function namedIn(q: string, name: string): boolean {
  if ([...name].length > 2) return q.includes(name)
  return [...q.matchAll(new RegExp(name, 'g'))].some((m) => {
    const before = q[(m.index ?? 0) - 1] ?? ''
    return !/[\u4e00-\u9fff]/.test(before) || /[去在到和跟与、是的想读那这]/.test(before)
  })
}

/** Membership of a university in the plan's list ("有没有桂林电子科技大学", "师大是不是合作的大学之一"). */
function universityMembershipAnswer(program: Program, q: string): QaAnswer | undefined {
  if (!/实施|参与|合作|高校|之一|在不在|有没有|是不是|是否|包括|包含|算不算|属于|里面?有/.test(q)) return undefined
  const listed = program.universities.flatMap((u) => [u.name, ...u.aliases])
  const others: string[] = []
  for (const m of q.matchAll(/(大学|学院|医科大|医大|工大|民大|财大|艺大|农大)(?!学)/g)) {
    const before = q.slice(Math.max(0, (m.index ?? 0) - 10), m.index)
    const name = `${before.split(/有没有|是不是|是否|在不在|算不算|包括|包含|属于|本人系|我们|咱们|我校|本校|鉴于|作为|里|和|跟|与|、|，|,|[（()）]|吗|呢|的|有|是|去|在|系|扩展至|扩大至|纳入|至/).pop() ?? ''}${m[1]}`
    if ([...name].length < 4 || listed.includes(name) || others.includes(name)) continue
    // "广西师范大学物理科学与技术学院": a school of a listed university is that university.
    const lead =
      q
        .slice(Math.max(0, (m.index ?? 0) - 14), m.index)
        .split(/[，,。？?：:；;]/)
        .pop() ?? ''
    // "广大物理学院": a short form just before the school's name is that university too.
    const ofListed = (l: string) =>
      l.length >= 4 ? lead.includes(l) : new RegExp(`${l}[\u4e00-\u9fff]{1,8}$`).test(lead.split(/[（(]/).pop() ?? '')
    if (m[1] === '学院' && listed.some(ofListed)) continue
    // "随便哪个大学", "任何一所大学", "普通大学": any university, not one by name.
    if (/随便|任何|任意|随意|哪|什么|啥|别的|其他|其它|普通|一般|所有|每|一所|外地|外省|好的/.test(name)) continue
    // "参与高校的承办学院", "所属学院": a school of the university the message speaks of, not a name.
    if (/^(承办|所属|下属|二级|相关|有关|对口)学院$/.test(name)) continue
    // "我院为计算机学院": a school named by its field is a department, not a university.
    if (
      m[1] === '学院' &&
      /(计算机|物理|化学|数学|生命|生物|地理|信息|电子|机械|材料|环境|医学|药学|文学|外国语|经济|管理|教育|体育|艺术|音乐|美术|农学|林学|电气|土木|建筑|历史|哲学|法学)(科学)?(与[\u4e00-\u9fff]{1,6})?学院$/.test(
        name,
      )
    )
      continue
    if (listed.some((l) => l.length >= 4 && (name.includes(l) || l.includes(name)))) continue
    others.push(name)
  }
  const list = program.universities.map((u) => u.name).join('、')
  const section = program.universitiesSection
  if (others.length === 0) {
    // "师大是不是合作的大学之一": a listed one, asked whether it is listed.
    const named = program.universities.filter((u) => [u.name, ...u.aliases].some((n) => namedIn(q, n)))
    if (named.length === 0 || !MEMBER_ASK.test(q)) return undefined
    return {
      answer: `是的，${named.map((u) => u.name).join('、')}${named.length > 1 ? '都' : ''}是本计划的实施高校${named.length === 1 ? '之一' : ''}：${program.cohort}年的实施高校共${program.universities.length}所，即${list}。`,
      intent: 'fact',
      sources: [{ section, title: '实施高校' }],
      confidence: 0.85,
      facts: [{ section, title: '实施高校', text: list }],
    }
  }
  return {
    answer: `${others.join('、')}不在本计划的实施高校之内：${program.cohort}年的实施高校只有${list}${program.universities.length}所。`,
    intent: 'fact',
    sources: [{ section, title: '实施高校' }],
    confidence: 0.85,
    facts: [{ section, title: '实施高校', text: list }],
  }
}

/** Whether a named university is one the plan lists. */
export const university: Intent = {
  name: 'university',
  description: 'whether a named university is among those the plan lists',
  answer: (ask, ctx) =>
    // "广大作为实施高校之一，主要承担哪些职责": a listed university's duties are asked, not whether it is listed.
    dutyOfListed(ctx, ask.q)
      ? decline(ask, 'asks the duties of a listed university')
      : (universityMembershipAnswer(ctx.program, ask.q) ??
        decline(ask, 'asks not whether a named university is listed')),
}

/** "广大作为实施高校之一，承担哪些职责": the duties of a listed university, not whether it is listed. */
function dutyOfListed(ctx: Context, q: string): boolean {
  return ctx.vocab.dutyWords.test(q) && !/不在|不是/.test(universityMembershipAnswer(ctx.program, q)?.answer ?? '')
}

/** A university said to be one of the program's ("鉴于我校属于本计划实施高校", "我们作为参与高校"). */
const CLAIMED =
  /(属于|是|作为|身为|系)(本计划|该计划|这个计划)?的?(实施|参与|合作|承办)(的)?(高校|大学|院校|单位)(之一)?(?!吗|么|不|嘛|[?？])/

/**
 * A message that takes an unlisted university for one of the program's: the premise is corrected
 * first, whatever it goes on to ask (how its professors become mentors, when it hands in lists).
 */
export const universityPremise: Intent = {
  name: 'university_premise',
  description: 'an unlisted university assumed to be one of the program’s: the list, before what is asked',
  answer: (ask, ctx) => {
    if (!CLAIMED.test(ask.q)) return decline(ask, 'assumes no university to be one of the program’s')
    // "广大作为实施高校之一，承担哪些职责": a listed university's duties are for the duty intent.
    if (dutyOfListed(ctx, ask.q)) return decline(ask, 'asks the duties of a listed university')
    return universityMembershipAnswer(ctx.program, ask.q) ?? decline(ask, 'the university assumed is listed')
  },
}

import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Membership of a university the plan does not list ("有没有桂林电子科技大学"). */
function universityMembershipAnswer(program: Program, q: string): QaAnswer | undefined {
  if (!/实施|参与|合作|高校|之一|在不在|有没有|是不是|是否|包括|包含|算不算|属于|里面?有/.test(q)) return undefined
  const listed = program.universities.flatMap((u) => [u.name, ...u.aliases])
  const others: string[] = []
  for (const m of q.matchAll(/(大学|学院)/g)) {
    const before = q.slice(Math.max(0, (m.index ?? 0) - 10), m.index)
    const name = `${before.split(/有没有|是不是|是否|在不在|算不算|包括|包含|属于|里|和|跟|与|、|，|,|吗|呢|的|有|是|去|在/).pop() ?? ''}${m[1]}`
    if ([...name].length < 4 || listed.includes(name) || others.includes(name)) continue
    // "随便哪个大学", "任何一所大学", "普通大学": any university, not one by name.
    if (/随便|任何|任意|随意|哪|什么|啥|别的|其他|其它|普通|一般|所有|每|一所|外地|外省|好的/.test(name)) continue
    if (listed.some((l) => l.length >= 4 && (name.includes(l) || l.includes(name)))) continue
    others.push(name)
  }
  if (others.length === 0) return undefined
  const list = program.universities.map((u) => u.name).join('、')
  const section = program.universitiesSection
  return {
    answer: `${others.join('、')}不在本计划的实施高校之内：${program.cohort}年的实施高校只有${list}${program.universities.length}所。`,
    intent: 'fact',
    sources: [{ section, title: '实施高校' }],
    confidence: 0.85,
    facts: [{ section, title: '实施高校', text: list }],
  }
}

/** A university the plan does not list. */
export const university: Intent = {
  name: 'university',
  description: 'whether a named university is among those the plan lists',
  answer: (ask, ctx) =>
    universityMembershipAnswer(ctx.program, ask.q) ?? decline(ask, 'names no university outside the list'),
}

import { describeDue, describeMonth } from '../rules/deadlines'
import { locatePlaces } from '../rules/regions'
import { beijingDate, chineseMonth } from '../time'
import type { Context } from './context'
import { officeContact, type Program, type ProgramFact, type ProgramMilestone } from './program'
import { type AnswerFact, MAX_ANSWER_CHARS, type QaAnswer } from './qa-answer'
import type { ScoredFact } from './retrieval'

/** Cuts an answer to the contract's length at a sentence end. */
export function clamp(text: string, max = MAX_ANSWER_CHARS): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = chars.slice(0, max - 1).join('')
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('！'), head.lastIndexOf('？'))
  return cut > max / 2 ? head.slice(0, cut + 1) : `${head}…`
}

/** Joins sentences while they fit in the answer. */
export function joinWithin(parts: string[], max = MAX_ANSWER_CHARS): string {
  let out = ''
  for (const p of parts) {
    if (!p) continue
    if ([...out].length + [...p].length > max) {
      if (!out) out = clamp(p, max)
      break
    }
    out += p
  }
  return out
}

export function officeLine(ctx: Context): string {
  return `如需了解，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`
}

/** The program's name as people know it, for answers that must say which plan they speak for. */
export const PLAN_NAME = '八桂青少年英才培养计划'

export function factOf(f: ProgramFact): AnswerFact {
  return { section: f.section, title: f.title, text: f.answer }
}

export function shortCity(name: string): string {
  return name.replace(/市$/, '')
}

/** The program cities a question names (by city, county or district), in order, once each; and Guangxi cities outside the program. */
export function citiesIn(program: Program, q: string): { inProgram: string[]; outside: string[] } {
  const inProgram: string[] = []
  const outside: string[] = []
  const programCities = new Set(program.cities.map((c) => c.name))
  for (const { place, start } of locatePlaces(q)) {
    // A place travelled to ("去北京参加科学营") is not where the student is from.
    if (/[去到赴往]$/.test(q.slice(Math.max(0, start - 1), start))) continue
    const target = programCities.has(place.city) ? inProgram : outside
    if (!target.includes(place.city)) target.push(place.city)
  }
  // '邕' alone is how people write 南宁 in short (邕城, 来邕); the region data needs two characters.
  if (/邕/.test(q) && programCities.has('南宁市') && !inProgram.includes('南宁市')) inProgram.push('南宁市')
  return { inProgram, outside }
}

/** Says when a milestone is, the year written out, and where it stands relative to now (core/rules/deadlines). */
export function milestoneWhen(m: ProgramMilestone, now: Date): string {
  const name = m.title.split(/[：（(]/)[0]
  if (!m.month) return `${name}的截止时间：${describeDue(m.due, now)}`
  const month = chineseMonth(m.month)
  if (/底前/.test(`${m.title}${m.note ?? ''}`)) return `${name}要在${month}底前完成，${describeDue(m.due, now)}`
  const rel = describeMonth(m.month, now)
  return `${name}安排在${month}（方案没有写具体日期${rel.endsWith('内') && rel.startsWith(month) ? '' : `；${rel}`}）`
}

export function outOfScopeAnswer(confidence = 0.9): QaAnswer {
  return {
    answer: `抱歉，这个问题超出了我的范围。我是八桂青少年英才培养计划的咨询助手，只回答和这个培养计划相关的问题，比如：谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求、联系电话等。`,
    intent: 'out_of_scope',
    sources: [],
    confidence,
    facts: [],
  }
}

export function notInDocumentAnswer(
  ctx: Context,
  label: string | undefined,
  related: ScoredFact | ScoredFact[] | undefined,
  confidence: number,
  extra?: string,
): QaAnswer {
  const head = label
    ? `关于${label}，${PLAN_NAME}${ctx.program.cohort}年的实施方案没有规定，我这里没有相关信息，不能替您猜测。`
    : `这个问题${PLAN_NAME}${ctx.program.cohort}年的实施方案没有提及，我这里没有相关信息，不能替您猜测。`
  const list = related === undefined ? [] : Array.isArray(related) ? related : [related]
  const relatedLine = list.length > 0 ? `方案里相关的内容是：${list[0]?.fact.answer}` : ''
  const office = officeLine(ctx)
  const answer = joinWithin([head, office, extra ?? '', relatedLine, ...list.slice(1).map((r) => r.fact.answer)])
  const facts = [
    {
      section: ctx.office.section,
      title: '联系人及联系电话',
      text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
    },
  ]
  const sources = [{ section: ctx.office.section, title: '联系人及联系电话' }]
  for (const r of [...list].reverse()) {
    if (!answer.includes(r.fact.answer)) continue
    facts.unshift(factOf(r.fact))
    sources.unshift({ section: r.fact.section, title: r.fact.title })
  }
  return { answer, intent: 'not_in_document', sources, confidence, facts }
}

export function bestFactInSection(scored: ScoredFact[], program: Program, section: string): ProgramFact | undefined {
  return scored.find((s) => s.fact.section === section)?.fact ?? program.facts.find((f) => f.section === section)
}

/**
 * Unsure whether the question is outside the program or a point the plan leaves open: one reply
 * that covers both (the plan does not say, what the assistant can help with, the office).
 */
export function unsureAnswer(ctx: Context, confidence: number): QaAnswer {
  return {
    answer: `这个问题${PLAN_NAME}的实施方案没有规定，也可能不属于本计划的范围，我无法替您回答。我可以回答和${PLAN_NAME}有关的问题，比如谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求和联系方式。如需进一步了解，可咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`,
    intent: 'out_of_scope',
    sources: [{ section: ctx.office.section, title: '联系人及联系电话' }],
    confidence,
    facts: [
      {
        section: ctx.office.section,
        title: '联系人及联系电话',
        text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
      },
    ],
  }
}

/**
 * The facts of these ids said one after another within 400 characters, as a 'fact' answer citing
 * those that fit whole; undefined when none of the ids is a fact of the program.
 */
export function factsAnswer(ctx: Context, ids: string[]): QaAnswer | undefined {
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  if (facts.length === 0) return undefined
  const answer = joinWithin(facts.map((f) => f.answer))
  const used = facts.filter((f) => answer.includes(f.answer))
  return {
    answer,
    intent: 'fact',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/** The answer made of some facts (by id), with an optional lead sentence before them. */
export function factsReply(
  ctx: Context,
  ids: string[],
  lead = '',
  confidence = 0.85,
  intent = 'fact',
): QaAnswer | undefined {
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  if (facts.length === 0) return undefined
  const answer = joinWithin([lead, ...facts.map((f) => f.answer)].filter(Boolean))
  const used = facts.filter((f) => answer.includes(f.answer))
  const cited = used.length > 0 ? used : facts.slice(0, 1)
  return {
    answer,
    intent: (facts[0] as ProgramFact).intent ?? intent,
    sources: cited.map((f) => ({ section: f.section, title: f.title })),
    confidence,
    facts: cited.map(factOf),
  }
}

/**
 * After the cohort's training period: that these were that year's steps, that no later plan is in
 * the assistant yet, and whom to ask; empty while the period runs.
 */
export function laterPlanNote(program: Program, now: Date): string {
  if (beijingDate(now).slice(0, 7) <= program.training.end) return ''
  const office = officeContact(program)
  return `以上是${program.cohort}年这一期的安排（已于${chineseMonth(program.training.end)}结束），之后年度的实施方案还没有载入助手，请咨询管理办公室${office.person}（电话${office.phone}）。`
}

/** The note of `laterPlanNote`, wherever a part of an answer put it. */
export const LATER_NOTE = /以上是\d{4}年这一期的安排（已于[^）]*结束）[^。]*。/g

/**
 * The year note once, at the very end: the asked points come first, whichever part of the answer
 * (a dated step among several asks) carried the note. Keeps the answer within 400 characters.
 */
export function withNoteLast(text: string, max = MAX_ANSWER_CHARS): string {
  const note = text.match(LATER_NOTE)?.[0]
  if (!note) return text
  const rest = text.replace(LATER_NOTE, '')
  return `${clamp(rest, max - [...note].length)}${note}`
}

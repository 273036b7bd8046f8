import { extractProfile } from '../rules/extract-profile'
import { findPlaces } from '../rules/regions'
import { bodiesClaim } from './intents/claim'
import type { Context } from './context'
import { joinWithin, PLAN_NAME } from './reply'
import { MAX_ANSWER_CHARS, type QaAnswer } from './qa-answer'
import { retrievalConfidence } from './context'
import { searchFacts } from './retrieval'
import { askedType, factGives } from './scope'
import { clamp, factOf } from './reply'

/** The parts of a question with more than one ask, split where people join them. */
export function questionParts(q: string): string[] {
  return q
    .split(/[，,、；;？?。！!]|以及|还有|另外|同时/)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 4)
}

const CONDITIONAL = /若|如果|假如|倘若|要是|假设/

/**
 * Adds, for every other part of a two-part question, that part's own best fact when retrieval
 * is sure of it and the answer does not already say it.
 */
export function withOtherParts(ctx: Context, q: string, answer: QaAnswer): QaAnswer {
  const parts = questionParts(q)
  // "若…，导师是否会考虑": a sentence with a condition is one ask, however many commas it has.
  if (parts.length < 2 || CONDITIONAL.test(q)) return answer
  let text = answer.answer
  const sources = [...answer.sources]
  const facts = [...answer.facts]
  for (const part of parts) {
    // "…，共计多少个月？": a part of question and count words alone adds no topic of its own.
    if (part.replace(/共计|合计|一共|总共|总计|多少|[几个月天年周次名吗呢是有的约大概？?，,。！!]/g, '').length < 2)
      continue
    // "…能进去吗，还是只有导师安排的时候": the other answer of the same ask, not an ask of its own.
    if (/^还是/.test(part)) continue
    const scored = searchFacts(ctx.index, part)
    const top = scored[0]
    if (!top || top.score < 8 || retrievalConfidence(scored) < 0.45) continue
    if (text.includes(top.fact.answer) || sources.some((s) => s.section === top.fact.section)) continue
    if ([...text].length + [...top.fact.answer].length > MAX_ANSWER_CHARS) continue
    text += top.fact.answer
    sources.push({ section: top.fact.section, title: top.fact.title })
    facts.push(factOf(top.fact))
  }
  return text === answer.answer ? answer : { ...answer, answer: text, sources, facts }
}

/**
 * A dated answer to a question that also asks for a day or a place the plan does not give
 * ("见面会具体几号开", "中期汇报什么时候在哪开"): says so, with the office's number.
 */
export function withGap(ctx: Context, q: string, answer: QaAnswer): QaAnswer {
  const asked = askedType(q)
  // Both the day and the place may be asked at once ("见面会是哪天在哪开"): each one missing is said.
  const gaps = [
    asked === 'date' && !/\d{1,2}月\d{1,2}日/.test(answer.answer) ? '具体日期' : '',
    ASK_PLACE_TOO.test(q) && !factGives('place', answer.answer) ? '具体地点' : '',
  ].filter(Boolean)
  const missing = gaps.join('和')
  if (!missing || answer.answer.includes(ctx.office.phone)) return answer
  const text = joinWithin([
    answer.answer,
    `${missing}${PLAN_NAME}的方案没有规定，请留意通知或咨询管理办公室${ctx.office.person}（电话${ctx.office.phone}）。`,
  ])
  return { ...answer, answer: text }
}

/** A question that asks where, besides anything else. */
const ASK_PLACE_TOO =
  /在哪(?!几|些|[一1]?[项类]|[一1]?个?(方面|环节|阶段|步|级|部分|材料)|部分)|哪里|哪儿|什么地方|地点|哪个学校/

/** Says the plan leaves something open: such an answer must also say whom to ask. */
const SILENT =
  /没有规定|未规定|未作规定|没有写|未写|没有明确|未明确|没有提及|未提及|没有给|没有说明|未说明|没有具体|没有找到/

/**
 * Adds the office's contact to an answer that says the plan does not settle a point (class of
 * rule, not of question): the reader must know whom to ask. Keeps the answer within 400 characters.
 */
export function withOfficeWhenSilent(ctx: Context, answer: QaAnswer): QaAnswer {
  if (!SILENT.test(answer.answer) || answer.answer.includes(ctx.office.phone)) return answer
  const tail = `如需确认，请咨询管理办公室${ctx.office.person}（电话${ctx.office.phone}）。`
  const head = clamp(answer.answer, MAX_ANSWER_CHARS - [...tail].length)
  const facts = answer.facts.some((f) => f.text.includes(ctx.office.phone))
    ? answer.facts
    : [
        ...answer.facts,
        {
          section: ctx.office.section,
          title: '联系人及联系电话',
          text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
        },
      ]
  return { ...answer, answer: `${head}${tail}`, facts }
}

/** Recommending, applying or taking part, said of the students the message describes. */
const TAKING_PART = /推荐|报名|申报|申请|参加|参与|报送|入选/

/**
 * "我校拟推荐两名高三学生参加，需要准备哪些材料？": students of a grade the plan does not admit,
 * taken as applicants in a question about something else. The answer says first that the grade is
 * not admitted, then answers what was asked. An eligibility verdict says so already.
 */
export function withGradePremise(ctx: Context, question: string, answer: QaAnswer): QaAnswer {
  if (answer.eligibility || !TAKING_PART.test(question)) return answer
  const { grade } = extractProfile(question).profile
  const { allowed, section } = ctx.program.eligibility.grades
  if (!grade || allowed.includes(grade) || answer.answer.includes(grade)) return answer
  const note = `请注意：本计划只面向${allowed.join('、')}学生，${grade}学生不在遴选范围内（${section}）。`
  return {
    ...answer,
    answer: `${note}${clamp(answer.answer, MAX_ANSWER_CHARS - [...note].length)}`,
    sources: [{ section, title: '遴选对象' }, ...answer.sources],
  }
}

/**
 * "贵计划承办单位为广西大学和广西师范大学，材料是否直接寄送两校？": a body given a role it does not
 * have, stated in passing, is corrected before the answer.
 */
export function withBodiesPremise(ctx: Context, question: string, answer: QaAnswer): QaAnswer {
  const claimed = bodiesClaim(ctx.program, question)
  if (!claimed?.answer.startsWith('不对') || answer.answer.startsWith('不对')) return answer
  const note = `需要更正${claimed.answer.slice(2)}`
  return {
    ...answer,
    answer: `${note}${clamp(answer.answer, MAX_ANSWER_CHARS - [...note].length)}`,
    sources: [...claimed.sources, ...answer.sources],
  }
}

/**
 * "我校为桂林市荔浦市一所高中，推荐材料应报送哪一级科协": "当地市级科协" is named for the one city
 * of the program the message places the school in.
 */
export function withLocalBody(ctx: Context, q: string, answer: QaAnswer): QaAnswer {
  if (!answer.answer.includes('当地市级科协')) return answer
  const cities = new Set(
    findPlaces(q)
      .filter((p) => p.inGuangxi)
      .map((p) => p.city),
  )
  const city = cities.size === 1 ? ctx.program.cities.find((c) => cities.has(c.name)) : undefined
  if (!city) return answer
  return { ...answer, answer: answer.answer.replace('当地市级科协', `当地市级科协（即${city.name}科协）`) }
}

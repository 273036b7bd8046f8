import { type Context, decline } from '../context'
import type { Program } from '../program'
import { type AnswerFact, type QaAnswer } from '../qa-answer'
import { citiesIn, joinWithin, shortCity } from '../reply'
import { ALSO_FOR, NOT_CONTACT, OTHER_ROLE } from '../wording'
import type { Intent } from './intent'

const CONTACT =
  /电话|联系方式|号码|联系人|找谁|打给谁|问谁|咨询|怎么联系|联系谁|联系哪|热线|手机号|座机|负责人是谁|负责.{0,6}(老师|人)(是谁|叫|姓|名字)|负责的老师|找哪|问哪|哪位老师|哪个老师|给个电话|要个电话|(哪个|哪位)(老师|人)负责|老师.{0,3}(叫啥|叫什么|名字|姓什么)/

/** "桂林这边对接的老师是谁": a person to reach, when no other role (导师, 指导教师) is named. */
const CONTACT_PERSON = /对接的?(老师|人|单位)|(老师|负责人|对接人)是(谁|哪位)|找哪位|对接人/

/** Whether a question asks for a person, phone or way to reach someone. */
function isContactAsk(q: string): boolean {
  if (/跟踪|往届|对接机制|沟通机制/.test(q)) return false
  // "广科大咨询：参与高校还要做哪些工作": who writes, before the ask, asks for no contact.
  const rest = q.replace(/^[^，,。？?:：]{0,30}咨询[:：]/, '').replace(NOT_CONTACT, '')
  // "柳州这边是谁负责的": whom to ask in a city, not a party's duties.
  if (/(南宁|柳州|桂林)[^，,。？?]{0,4}(这边|那边|那里|这里)[^，,。？?]{0,3}(是)?谁(负责|管)/.test(rest)) return true
  return CONTACT.test(rest) || (CONTACT_PERSON.test(rest) && !OTHER_ROLE.test(rest))
}

function contactAnswer(program: Program, ctx: Context, q: string): QaAnswer {
  // "南宁市科协关于对接事宜：请提供管理办公室联系人…": the city that writes is not the contact asked for.
  const body = q.replace(/^[^：:，,。？?]{2,24}[：:]/, '')
  const { inProgram, outside } = citiesIn(program, /管理办公室/.test(body) ? body : q)
  const officeOnly = /管理办公室|办公室|自治区|全区|省里|总负责/.test(q) && inProgram.length === 0
  const parts: string[] = []
  const facts: AnswerFact[] = []
  const sources = [{ section: ctx.office.section, title: '联系人及联系电话' }]
  for (const city of inProgram) {
    const c = program.contacts.find((x) => x.city === city)
    if (!c) continue
    parts.push(`${c.organisation}的联系人是${c.person}，电话${c.phone}。`)
    facts.push({ section: c.section, title: '联系人及联系电话', text: `${c.organisation}：${c.person}，${c.phone}` })
  }
  for (const city of outside) {
    parts.push(`${city}不在本计划的实施城市之内（只有${program.cities.map((c) => c.name).join('、')}）。`)
  }
  const office = `管理办公室：${ctx.office.person}，电话${ctx.office.phone}。`
  facts.push({
    section: ctx.office.section,
    title: '联系人及联系电话',
    text: `管理办公室：${ctx.office.person}，${ctx.office.phone}`,
  })
  if (inProgram.length > 0) {
    parts.push(`全区性的问题也可以找${office}`)
  } else if (officeOnly) {
    parts.unshift(`八桂青少年英才培养计划工作管理办公室的联系人是${ctx.office.person}，电话${ctx.office.phone}。`)
    // People asking for the office often ask what or where it is: the plan says who runs it (二).
    const office = program.bodies.office
    parts.push(
      `管理办公室由${office.formedBy.join('、')}共同成立，日常工作由${office.runBy}负责（${office.section}）。`,
    )
  } else {
    parts.push(`总的咨询请找${office}各市联系人：`)
    const cityLines = program.contacts
      .filter((c) => c.city)
      .map((c) => `${shortCity(c.city as string)}${c.person} ${c.phone}`)
    parts.push(`${cityLines.join('；')}。`)
    for (const c of program.contacts.filter((x) => x.city)) {
      facts.push({ section: c.section, title: '联系人及联系电话', text: `${c.organisation}：${c.person}，${c.phone}` })
    }
  }
  return { answer: joinWithin(parts), intent: 'contact', sources, confidence: 0.92, facts }
}

/** contactAnswer for a clause that names no city, reading the cities from the rest of the message. */
function contactIn(program: Program, ctx: Context, q: string, context?: string): QaAnswer {
  // Cities asked the same of in a remark after the ask ("桂林的电话多少？顺便把柳州的也发我").
  const also = (context ?? '')
    .split(/[，,。？?！!；;]/)
    .filter((clause) => !q.includes(clause) && ALSO_FOR.test(clause))
    .flatMap((clause) => citiesIn(program, clause).inProgram.map(shortCity))
  if (also.length > 0) q = `${q}${also.join('')}`
  const own = citiesIn(program, q)
  if (own.inProgram.length + own.outside.length > 0 || !context || /办公室|自治区|全区/.test(q))
    return contactAnswer(program, ctx, q)
  const cities = citiesIn(program, context).inProgram.map(shortCity).join('')
  return contactAnswer(program, ctx, `${cities}${q}`)
}

/** A person, phone or way to reach someone. */
export const contact: Intent = {
  name: 'contact',
  description: 'a person, phone or way to reach someone: the city contacts and the office',
  answer: (ask, ctx) =>
    areaCodeCount(ctx.program, ask.q) ??
    sameAreaCode(ctx.program, ask.q) ??
    (isContactAsk(ask.q)
      ? contactIn(ctx.program, ctx, ask.q, ask.context)
      : decline(ask, 'asks for no person, phone or way to reach someone')),
}

/** "四个联系电话中，区号为0771的共有几个": the plan's numbers with that area code, counted and named. */
function areaCodeCount(program: Program, q: string): QaAnswer | undefined {
  const m = /区号[^，,。？?\d]{0,4}(0\d{2,3})[^。？?]{0,10}(几|多少)|(0\d{2,3})\s*区号[^。？?]{0,8}(几|多少)/.exec(q)
  const code = m?.[1] ?? m?.[3]
  if (!code) return undefined
  const all = program.contacts
  const hits = all.filter((c) => c.phone.startsWith(code))
  const section = all[0]?.section ?? ''
  return {
    answer: `方案列出${all.length}位联系人、${all.length}个联系电话，其中区号为${code}的有${hits.length}个${hits.length ? `：${hits.map((c) => `${c.person} ${c.phone}`).join('；')}` : ''}（${section}）。`,
    intent: 'contact',
    sources: [{ section, title: '联系人及联系电话' }],
    confidence: 0.85,
    facts: all.map((c) => ({
      section: c.section,
      title: '联系人及联系电话',
      text: `${c.organisation}：${c.person}，${c.phone}`,
    })),
  }
}

/** "南宁那边的电话跟管理办公室的区号是一样的吗": the area codes of the contacts named, compared. */
function sameAreaCode(program: Program, q: string): QaAnswer | undefined {
  if (!/区号/.test(q) || !/一样|相同|同一个|不同|区别/.test(q)) return undefined
  const named = program.contacts.filter((c) =>
    c.city ? q.includes(c.city.replace(/市$/, '')) : /管理办公室|管办|管理办/.test(q),
  )
  if (named.length !== 2) return undefined
  const code = (phone: string) => phone.split('-')[0] ?? phone
  const [a, b] = named as [(typeof named)[number], (typeof named)[number]]
  const same = code(a.phone) === code(b.phone)
  const who = (c: typeof a) => c.city ?? '管理办公室'
  return {
    answer: `${same ? `一样，都是${code(a.phone)}` : `不一样：${who(a)}是${code(a.phone)}，${who(b)}是${code(b.phone)}`}（${who(a)} ${a.person} ${a.phone}；${who(b)} ${b.person} ${b.phone}，${a.section}）。`,
    intent: 'contact',
    sources: [{ section: a.section, title: '联系人及联系电话' }],
    confidence: 0.85,
    facts: named.map((c) => ({ section: c.section, title: '联系人及联系电话', text: `${c.person} ${c.phone}` })),
  }
}

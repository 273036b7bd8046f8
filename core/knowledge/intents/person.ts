import { decline } from '../context'
import type { Program } from '../program'
import { citiesIn } from '../reply'
import type { QaAnswer } from '../qa-answer'
import { joinWithin } from '../reply'
import type { Intent } from './intent'

type Contact = Program['contacts'][number]

/** "覃毅峰是哪个单位的" / "张逢芳负责哪里" / "南宁负责的是不是戴老师": a contact named by person. */
function personAnswer(program: Program, q: string): QaAnswer | undefined {
  const cities = citiesIn(program, q).inProgram
  // "戴老师", "覃女士": a contact by surname and title — the one of the city named when two share it.
  const titled = (c: Contact) => new RegExp(`${c.person.slice(0, 1)}(老师|女士|先生|主任|同志|科长|工)`).test(q)
  // Only when a contact is sought: "班主任张老师说可以报" names a teacher of the school, no contact.
  const seeking =
    /电话|联系|号码|负责|是不是|是否|找|全名|名字|叫(啥|什么)|管这个|管这块/.test(q) &&
    !/(老师|女士|先生|主任)(说|讲|让|叫|告诉|通知)/.test(q)
  const byTitle = seeking ? program.contacts.filter(titled) : []
  const narrowed = byTitle.filter((c) => c.city && cities.includes(c.city))
  const named = program.contacts.filter((c) => q.includes(c.person.replace(/\s+/g, '')))
  const people = named.length > 0 ? named : narrowed.length > 0 ? narrowed : byTitle
  if (people.length === 0) return undefined
  const describe = (c: Contact) =>
    c.city
      ? `${c.person}是${c.organisation}的联系人，负责${c.city}的咨询，电话${c.phone}。`
      : `${c.person}是${c.organisation}（管理办公室）的联系人，负责全区的咨询，电话${c.phone}。`
  // "柳州的联系人是张逢芳，是否属实": a person said to be another city's contact is corrected.
  const asked = program.contacts.filter((c) => c.city && cities.includes(c.city))
  const wrong = people.filter((c) => c.city && cities.length > 0 && !cities.includes(c.city))
  // "南宁市联系人戴溦，电话0771-2809218": a phone said with a person that is not theirs is corrected.
  const phoneOf = (c: Contact) => {
    const at = q.indexOf(c.person)
    return at < 0 ? undefined : /^[^；;。？?]{0,10}?(\d{3,4}-?\d{7,8})/.exec(q.slice(at + c.person.length))?.[1]
  }
  const digits = (p: string) => p.replace(/\D/g, '')
  const misdialled = people.filter((c) => {
    const said = phoneOf(c)
    return said !== undefined && digits(said) !== digits(c.phone)
  })
  // "管办联系人为覃佩娟": a city's contact said to be the office's.
  const office = program.contacts.find((c) => !c.city)
  const notOffice = /管理办公室|管办|全区/.test(q) ? people.filter((c) => c.city) : []
  if (misdialled.length > 0 || (notOffice.length > 0 && office)) {
    const fixes = [
      ...misdialled.map((c) => `${c.person}的电话是${c.phone}，不是${phoneOf(c)}。`),
      ...notOffice.map((c) => `${c.person}是${c.city}的联系人，不是管理办公室的。`),
      ...(notOffice.length > 0 && office ? [`管理办公室的联系人是${office.person}，电话${office.phone}。`] : []),
    ]
    return {
      answer: joinWithin([`不对：${fixes.join('')}`, ...people.filter((c) => !misdialled.includes(c)).map(describe)]),
      intent: 'contact',
      sources: [{ section: people[0]?.section ?? '十一', title: '联系人及联系电话' }],
      confidence: 0.92,
      facts: people.map((c) => ({ section: c.section, title: '联系人及联系电话', text: `${c.person} ${c.phone}` })),
    }
  }
  const parts =
    wrong.length > 0 && asked.length > 0
      ? [
          `不是：${wrong.map((c) => `${c.person}是${c.city}的联系人`).join('，')}。`,
          ...asked.map((c) => `${c.city}的联系人是${c.person}（${c.organisation}），电话${c.phone}。`),
        ]
      : people.map((c) => `${c.city && cities.includes(c.city) ? '是的，' : ''}${describe(c)}`)
  return {
    answer: joinWithin(parts),
    intent: 'contact',
    sources: [{ section: people[0]?.section ?? '十一', title: '联系人及联系电话' }],
    confidence: 0.92,
    facts: [...new Set([...people, ...asked])].map((c) => ({
      section: c.section,
      title: '联系人及联系电话',
      text: `${c.organisation}：${c.person}，${c.phone}`,
    })),
  }
}

/** A contact named by person. */
export const person: Intent = {
  name: 'person',
  description: 'a contact person named in the question: whom they are and their number',
  answer: (ask, ctx) => personAnswer(ctx.program, ask.q) ?? decline(ask, 'names no contact person'),
}

import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { joinWithin } from '../reply'
import type { Intent } from './intent'

/** "覃毅峰是哪个单位的" / "张逢芳负责哪里": a contact named by person. */
function personAnswer(program: Program, q: string): QaAnswer | undefined {
  const people = program.contacts.filter((c) => q.includes(c.person.replace(/\s+/g, '')))
  if (people.length === 0) return undefined
  const parts = people.map((c) =>
    c.city
      ? `${c.person}是${c.organisation}的联系人，负责${c.city}的咨询，电话${c.phone}。`
      : `${c.person}是${c.organisation}（管理办公室）的联系人，负责全区的咨询，电话${c.phone}。`,
  )
  return {
    answer: joinWithin(parts),
    intent: 'contact',
    sources: [{ section: people[0]?.section ?? '十一', title: '联系人及联系电话' }],
    confidence: 0.92,
    facts: people.map((c) => ({
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

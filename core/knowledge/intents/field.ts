import { type Context, decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factsReply, joinWithin } from '../reply'
import type { Intent } from './intent'

/** Asks in what field the experts who guide the students work (一, 三（三）), not who may be a mentor. */
const FIELD_ASK =
  /(哪方面|哪些方面|什么方面|啥方面|什么领域|啥领域|哪个领域|哪些领域|哪个方向|什么方向|哪类|哪一类|什么类型|哪个学科|什么学科|哪些学科|哪方向)[^，,。？?]{0,6}(专家|导师|教授|老师)|(专家|导师|教授)[^，,。？?]{0,4}(是|属于|来自)?(哪方面|什么领域|哪个领域|哪些领域|哪个方向|什么方向|哪个学科|什么学科)/

/** The field of the experts: article 一 says who guides the students, 三（三） which subjects. */
function fieldAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!FIELD_ASK.test(q)) return undefined
  const purpose = ctx.factsById.get('purpose')
  const subjects = program.subjects
  const lead =
    `带学生做研究的，是自然科学基础学科领域的专家（${purpose?.section ?? '一'}）；` +
    `学科范围是${subjects.names.join('、')}${subjects.open ? '等' : ''}（${subjects.section}）。`
  const reply = factsReply(ctx, ['subjects', 'mentor_qualification'], lead)
  if (!reply) return undefined
  const answer = joinWithin([lead, ctx.factsById.get('mentor_qualification')?.answer ?? ''].filter(Boolean))
  return {
    ...reply,
    answer,
    sources: [{ section: purpose?.section ?? '一', title: purpose?.title ?? '目的意义' }, ...reply.sources],
  }
}

/** In what field the experts who guide the students work. */
export const field: Intent = {
  name: 'field',
  description: 'in what field the guiding experts work: article 一 and the subject list',
  answer: (ask, ctx) => fieldAnswer(ctx.program, ctx, ask.q) ?? decline(ask, 'asks no field of the experts'),
}

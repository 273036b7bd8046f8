import { decline } from '../context'
import { normaliseText } from '../normalise'
import type { Program, ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { retrievalText } from '../retrieval'
import type { Intent } from './intent'

const INTRO_FILLER =
  /请问|你好|您好|我想|想要|想|了解|咨询|一下|问问|问|下|这个|那个|你们|的|呀|啊|吗|呢|吧|嘛|[，,。.!！?？~～\s]/g
const INTRO_ASK =
  /^(是什么|是啥|什么|啥|是干什么|干什么|是干嘛|干嘛|做什么|介绍|简介|怎么样|好不好|靠谱不?|有什么用|有啥用|到底搞哪样|搞哪样|搞什么|搞啥|是搞什么|)$/

/** "英才计划是什么？" — the program itself, with nothing more specific asked. */
function isIntroQuestion(question: string): boolean {
  const q = normaliseText(question)
  if (!/英才|八桂|这个计划|这个项目|培养计划/.test(q)) return false
  return INTRO_ASK.test(retrievalText(q).replace(INTRO_FILLER, ''))
}

function introAnswer(program: Program): QaAnswer {
  const purpose = program.facts.find((f) => f.section === '一')
  const organisers = program.facts.find((f) => f.id === 'organisers')
  const used = [purpose, organisers].filter((f): f is ProgramFact => f !== undefined)
  const answer = joinWithin([...used.map((f) => f.answer), '想了解报名条件、名额、截止日期或联系方式，直接问我就行。'])
  return {
    answer,
    intent: 'fact',
    sources: used.filter((f) => answer.includes(f.answer)).map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/** "英才计划是什么": the program itself. */
export const intro: Intent = {
  name: 'intro',
  description: 'what the program is, asked with nothing more specific: purpose and organisers',
  answer: (ask, ctx) =>
    isIntroQuestion(ask.question)
      ? introAnswer(ctx.program)
      : decline(ask, 'asks something more specific than what the program is'),
}

import { decline } from '../context'
import { normaliseText } from '../normalise'
import type { Program, ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { retrievalText } from '../retrieval'
import type { Intent } from './intent'

const INTRO_FILLER =
  /请问|请|你好|您好|我想|想要|想|了解|咨询|一下|问问|问|下|这个|那个|你们|计划|项目|简要|简单|的|呀|啊|吗|呢|吧|嘛|哦|噢|喔|哈|嘞|咧|撒|[，,。.!！?？~～\s]/g
/**
 * What something is for, in Mandarin and in the Guangxi and southwest speech of parents: 搞哪样 (Guiliu,
 * Guizhou), 搞啥子/干啥子 (Sichuan), 搞么子 (Hunan, northern Guangxi), 搞乜嘢 (Cantonese).
 */
const WHAT_FOR = /(是|到底|究竟)?(是)?(干|做|搞|弄|整)(什么|啥子?|哪样|么子|么个|乜嘢?|嘛|咩)(东西|名堂|玩意)?/
const INTRO_ASK = new RegExp(
  `^(是什么|是啥|什么|啥|(介绍|简介)(${WHAT_FOR.source})?|怎么样|好不好|靠谱不?|有什么用|有啥用|${WHAT_FOR.source}|)$`,
)

/** "英才计划是什么？" — the program itself, with nothing more specific asked. */
function isIntroQuestion(question: string): boolean {
  const q = normaliseText(question)
  const rest = retrievalText(q).replace(INTRO_FILLER, '')
  // "是搞哪样的": with no subject at all, what the assistant's program is for.
  if (!/英才|八桂|这个计划|这个项目|培养计划/.test(q)) return new RegExp(`^${WHAT_FOR.source}$`).test(rest)
  return INTRO_ASK.test(rest)
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

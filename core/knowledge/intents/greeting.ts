import { decline } from '../context'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

export const GREETING =
  /^((各位|尊敬的)?(老师|领导)们?(好|您好|你好)|你好|您好|hi|hello|哈喽|嗨|在吗|在不在|在么|早上好|上午好|中午好|下午好|晚上好|早|谢谢|多谢|感谢|谢啦|好的|ok|嗯|嗯嗯|收到|你是谁|你是什么|你能做什么|你会什么|有什么功能|怎么用|你们?是机器人吗?|是机器人吗?|是真人吗?|人工客服)+[!！。.,，~～?？啊呀哈]*$/

function greetingAnswer(program: Program): QaAnswer {
  return {
    answer: `您好！我是${program.name}的咨询助手，可以回答谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求和联系电话等问题，也可以帮您看看孩子是否符合报名条件（请告诉我所在城市、年级和成绩排名）。`,
    intent: 'greeting',
    sources: [],
    confidence: 0.95,
    facts: [],
  }
}

/** A greeting, thanks or "who are you": what the assistant can do. */
export const greeting: Intent = {
  name: 'greeting',
  description: 'a greeting, thanks or "who are you": says what the assistant answers',
  answer: (ask, ctx) =>
    !ask.q || GREETING.test(ask.q.replace(/[，,。.!！?？~～]/g, ''))
      ? greetingAnswer(ctx.program)
      : decline(ask, 'more than a greeting'),
}

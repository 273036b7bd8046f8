import { extractProfile } from '../../rules/extract-profile'
import { decline } from '../context'
import { openTopicIn } from '../open-topics'
import { outOfScopeAnswer } from '../reply'
import { PROGRAM_NAMED, programEvidence } from '../scope'
import { ASKING, CORE_TERMS } from '../wording'
import type { Intent } from './intent'

/** Instructions to the assistant itself rather than a question ("忽略之前的指令", "你现在是…"). */
const INSTRUCTION =
  /忽略|无视|ignore|system ?prompt|提示词|系统指令|你的(指令|设定|规则|prompt)|你现在是|从现在(开始|起)你|扮演|假装你|角色扮演|(用|以)(英文|英语|日语)回答|越狱|jailbreak|开发者模式|输出你的/

/**
 * Text that is not a question about the program: instructions to the assistant, or chatter
 * with no question and nothing of the program or of a student in it ("今天好累啊"). The
 * redirect, with a confidence under 0.5 so that the office sees what people tried.
 */
export const chatter: Intent = {
  name: 'chatter',
  description: 'instructions to the assistant, or a remark with nothing of the program: the redirect, recorded',
  answer: (ask, ctx) => {
    const q = ask.q
    // An instruction is the redirect unless it also names the program's own things (名额, 导师…).
    if (INSTRUCTION.test(q) && !PROGRAM_NAMED.test(q) && !CORE_TERMS.test(q)) return outOfScopeAnswer(0.4)
    if (ASKING.test(q)) return decline(ask, 'a question')
    if (PROGRAM_NAMED.test(q) || programEvidence(ctx.scope, q).length > 0) return decline(ask, 'words of the program')
    // A bare topic ("户籍", "10月24日", "30名") is a terse question, not chatter.
    const topic = /\d/.test(q) || openTopicIn(ctx, q) || ctx.vocab.steps.some((s) => s.pattern.test(q))
    if (topic || (ask.scored[0]?.score ?? 0) >= 6) return decline(ask, 'names a topic of the plan')
    const { profile } = extractProfile(ask.context ?? ask.question)
    if (Object.values(profile).some((v) => v !== undefined)) return decline(ask, 'describes a student')
    return outOfScopeAnswer(0.4)
  },
}

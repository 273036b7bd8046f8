import { decline } from '../context'
import { factsReply } from '../reply'
import type { Intent } from './intent'

/** Asks who carries out something ("哪个部门负责", "由谁组织", "谁来评", "哪些单位参与"). */
const WHO =
  /统一[^，,。？?]{0,4}还是|各(个)?市(自己|分别)|谁|哪(个|些|家|一)?(部门|单位|机构|方面|方|家)|什么(部门|单位|机构)/

/**
 * Who carries out a named step of the plan ("年度评价是哪个部门负责搞的", "中期评价由谁组织"): the
 * step's own article, which names each party (管理办公室联合高校, 导师团队 …), not the chapter's
 * general line naming only one of them.
 */
export const stepParty: Intent = {
  name: 'step_party',
  description: 'who carries out a named step: the step’s own article naming each party',
  triggers: [WHO],
  answer: (ask, ctx) => {
    const { q } = ask
    if (!WHO.test(q) || /找谁|联系谁|问谁|打给谁|电话/.test(q)) return decline(ask, 'asks for no party of a step')
    // "市里审完材料以后还有谁审": who comes after the step is the next step's to say.
    if (/(以后|之后|完了?|过了?)[^。？?]{0,6}(还(有|要|得|需要?)|是)(哪个|哪些|谁)/.test(q))
      return decline(ask, 'asks who comes after a step')
    // "导师团队谁来组建": who forms a mentor's team is the team's own article, not the step that names the mentors.
    if (/团队/.test(q) && /组建|组成|搭建|成立/.test(q)) return decline(ask, 'asks who forms a team')
    // "遴选候选人确定后，导师遴选环节由谁组织": a step said done ("…后") only dates the one asked.
    const asked = (s: { pattern: RegExp }) => {
      const m = s.pattern.exec(q)
      return m !== null && !/^[^，,。？?]{0,4}(之后|以后|后)/.test(q.slice(m.index + m[0].length))
    }
    const named = ctx.vocab.steps.filter((s) => s.pattern.test(q))
    const keys = [...new Set((named.filter(asked).length > 0 ? named.filter(asked) : named).map((s) => s.key))]
    if (keys.length !== 1) return decline(ask, 'names not exactly one step')
    const step = [...ctx.program.milestones, ...ctx.program.undatedSteps].find((s) => s.key === keys[0])
    const fact = step && ctx.program.facts.find((f) => f.section === step.section)
    if (!fact) return decline(ask, 'the step has no article of its own')
    return factsReply(ctx, [fact.id], '', 0.8, 'fact')
  },
}

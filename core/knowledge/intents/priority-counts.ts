import { decline } from '../context'
import { factsReply } from '../reply'
import type { Intent } from './intent'

/** Asks whether something counts for priority ("能算优先吗", "能当优先条件用吗", "可以优先推荐吗"). */
const COUNTS_ASK = /(算|当|作为|当作|用作|能|可以|可否)[^，,。？?]{0,4}优先|优先[^，,。？?]{0,4}(算|认|吗|不)/
/** A deed that is neither an award nor a patent: a paper, a title, a camp, a club, a project. */
const OTHER_DEED =
  /论文|期刊|杂志|发表|证书|三好学生|优秀(学生|干部|团员)|学生干部|班干部|科学营|夏令营|冬令营|研学|社团|志愿|课题|作品|创客|科普活动/
/** An award or patent, which the eligibility rules judge (level, grant). */
const AWARD_OR_PATENT = /奖|专利|竞赛|比赛|奥赛|联赛|奥林匹克/

/**
 * "娃去年在杂志上发了篇小论文，报名时能算优先吗": a deed the priority list does not name is not a
 * priority condition; the list is given (awards and granted patents).
 */
export const priorityCounts: Intent = {
  name: 'priority_counts',
  description: 'whether a deed other than an award or patent counts for priority: no, with the list',
  triggers: [COUNTS_ASK],
  answer: (ask, ctx) => {
    const whole = ask.context ?? ask.q
    if (!COUNTS_ASK.test(ask.q)) return decline(ask, 'asks not whether something counts for priority')
    const said = OTHER_DEED.exec(whole)?.[0]
    const deed = said && /论文|期刊|杂志|发表/.test(said) ? '发表论文' : said
    if (!deed || AWARD_OR_PATENT.test(whole)) return decline(ask, 'names no deed besides awards and patents')
    const fact = ctx.factsById.get('priority')
    if (!fact) return decline(ask, 'the cohort gives no priority article')
    const lead = `不算。方案列出的优先条件只有自治区级及以上的获奖和已授权的发明、实用新型专利，没有提到${deed}（${fact.section}）。`
    return factsReply(ctx, [fact.id], lead, 0.8, 'fact')
  },
}

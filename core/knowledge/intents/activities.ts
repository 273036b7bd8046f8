import { type Context, decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factsAnswer } from '../reply'
import { ASK_WHEN } from '../wording'
import type { Intent } from './intent'

/** Asks what a selected student does in the program ("入选后一般干什么", "进去以后主要参加什么活动"). */
const ACTIVITY_ASK =
  /(入选|选上|选中|录取|录上|进去|进了|进入|加入|参加了|被选)[^，,。？?]{0,12}(干什么|做什么|干啥|做啥|干嘛|(做|干)些(什么|啥)|参加(什么|哪些|啥)|(什么|哪些|啥)活动|学(些)?(什么|啥)|主要(是|做|干|参加|学))|(平时|主要|具体|一般)[^，,。？?]{0,6}(干什么|做什么|干啥|做啥|干嘛|(做|干)些(什么|啥)|参加(什么|哪些|啥)|学(些)?(什么|啥))|(培养|计划|项目)(里|中|期间|过程中)?[^，,。？?]{0,4}(有|都有|包括)(什么|哪些|啥)(活动|内容)|培养(内容|方式)(是|有)?(什么|哪些|啥)/
/** A specific activity, a party's duty, a step or a requirement: asked elsewhere. */
const NOT_ACTIVITY =
  /学校|中学|高校|大学|导师|科协|办公室|主办|承办|审核|遴选|公示|推荐|见面会|交流|展示|成果|科学营|会议|论坛|中期|年度|评价|考核|要求|次数|几次|多久|下一步|接下来|然后|流程|环节|手续|步骤|报告|材料|日志|综述|论文|记录/

/** Asks for activities besides the ones named ("除了在实验室做课题，还有别的活动吗"). */
const OTHER_ACTIVITY =
  /(别的|其他|其它|另外的)(什么|哪些)?(活动|机会|交流)|除了[^。？?]{0,14}还(会|能|可以|要)?(有|能|可以)?(参加)?(什么|哪些|啥)?(别的|其他)?(活动|交流)/

/** 五（三）'s way of training first (what a student takes part in), then 五（三）3's exchanges if they fit. */
function activitiesAnswer(ctx: Context, q: string): QaAnswer | undefined {
  // "除了做课题还有别的活动吗": the exchanges, forums and camps beyond the lab work lead.
  if (OTHER_ACTIVITY.test(q) && !ASK_WHEN.test(q)) return factsAnswer(ctx, ['practice_showcase', 'training_mode'])
  if (!ACTIVITY_ASK.test(q) || NOT_ACTIVITY.test(q) || ASK_WHEN.test(q)) return undefined
  return factsAnswer(ctx, ['training_mode', 'practice_showcase'])
}

/** What a selected student takes part in. */
export const activities: Intent = {
  name: 'activities',
  description: 'what a selected student takes part in (五（三）, 五（三）3)',
  answer: (ask, ctx) => activitiesAnswer(ctx, ask.q) ?? decline(ask, 'asks not what a selected student takes part in'),
}

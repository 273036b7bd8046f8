import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** The things a priority condition is made of. */
const PRIORITY_TOPIC = /优先|获奖|奖项|竞赛|比赛|专利|奖/
/** Asks whether they are required. */
const REQUIRED = /必须|一定要|必需|硬性|非得|必要条件|都要有|都得有|是前提|门槛/
/** Asks whether an award or patent exempts from the rank condition ("不受成绩排名限制", "直接报名"). */
const EXEMPT =
  /不受[^，,。？?]{0,10}(限制|约束)|直接(报名|推荐|入选|参加)|免(于)?(成绩|排名)|不看(成绩|排名)|不用(看)?(成绩|排名)|(成绩|排名)[^，,。？?]{0,4}(不够|不达标)[^。？?]{0,8}(也|还)(能|可以)/

/** "没有竞赛获奖能报吗": applying without them. */
const WITHOUT =
  /(没有|没|没拿过|没获过|没得过|无)[^，,。？?]{0,6}(奖|获奖|竞赛|比赛|专利)[^。？?]{0,10}(能|可以|能不能|可不可以|可否)[^，,。？?]{0,2}(报|参加|申请)/

/** "啥奖都没拿过，…也能报名吗": the award named first, the ask later in the message. */
const NONE_THEN_ASK =
  /(奖|获奖|竞赛|比赛|专利)[^，,。？?]{0,4}(都|也)?(没|没有|未)(拿|获|得|有)?[^。？?]{0,24}(能|可以|能不能|可不可以|可否)[^，,。？?]{0,2}(报|参加|申请)/
/** "就是学校科学社的成员，能报吗": only a member of a group the plan encourages schools to pick from. */
const MEMBER_ONLY =
  /(只是|就是|仅仅?是|仅为|只为|光是|只有|只在)[^，,。？?]{0,10}(社|小组|俱乐部|工作室|实验班|特训班|兴趣班)[^，,。？?]{0,3}(成员|社员|会员|的)?[^。？?]{0,16}(能|可以|能不能|可不可以|可否|行)[^，,。？?]{0,2}(报|参加|申请|吗|不)/

/**
 * Whether a priority condition (awards, patents) is required to apply: it is not — it is a
 * ground for priority — and what is required, from the cohort's rules.
 */
export const priorityRequired: Intent = {
  name: 'priority_required',
  description: 'whether awards or patents are required to apply, or exempt from the ranks: no, they give priority',
  answer: (ask, ctx) => {
    const { q } = ask
    // Said across clauses ("啥奖都没拿过，就是科学社的成员，能报吗"): the whole message is read.
    const whole = ask.context ?? q
    const member = MEMBER_ONLY.test(whole)
    // "市一等奖能优先推荐嘛，还是必须要省级的": the level an award must have is asked, not whether one is needed.
    const levelRequired = /(必须|一定要|非得|至少)[^，,。？?]{0,4}(省级|省里|区级|自治区级|国家级|全国|市级)/.test(q)
    const asked =
      (REQUIRED.test(q) && PRIORITY_TOPIC.test(q) && !levelRequired) ||
      WITHOUT.test(whole) ||
      NONE_THEN_ASK.test(whole) ||
      member
    const { program } = ctx
    const e = program.eligibility
    // "获奖学生是否可不受成绩排名条件限制而直接报名": priority is given on top of the conditions, not instead of them.
    if (EXEMPT.test(q) && PRIORITY_TOPIC.test(whole))
      return {
        answer: `不可以。获奖或专利是优先推荐的条件（${e.priority.section}），不能代替成绩条件：仍需满足相应学科成绩在本校年级前${e.rank.subjectTopPercent}%或综合成绩前${e.rank.overallTopPercent}%（${e.rank.section}），以及年级、城市和品学兼优等其他条件，满足之后才按获奖或专利优先推荐。`,
        intent: 'fact',
        sources: [e.priority.section, e.rank.section].map((section) => ({
          section,
          title: program.facts.find((f) => f.section === section)?.title ?? '遴选条件',
        })),
        confidence: 0.8,
        facts: program.facts
          .filter((f) => ['priority', 'rank'].includes(f.id))
          .map((f) => ({ section: f.section, title: f.title, text: f.answer })),
      }
    if (!asked) return decline(ask, 'asks not whether awards or patents are required')
    const pools = ctx.factsById.get('recommended_pools')
    const lead =
      member && pools
        ? `科学社、兴趣小组等团体的成员身份本身不是报名条件，方案只是鼓励中学从这些团体里选拔学生（${pools.section}）。`
        : ''
    const cities = program.cities.map((c) => c.name).join('、')
    const answer: QaAnswer = {
      answer:
        `${lead}${lead ? '获奖或专利也' : ''}不是必须的。获奖或专利是可以优先推荐的条件（${e.priority.section}），没有也可以报名。` +
        `报名要满足的是：${cities}辖区内的${e.grades.allowed.join('、')}学生（${e.grades.section}）；` +
        `相应学科成绩在本校年级前${e.rank.subjectTopPercent}%，或综合成绩排名前${e.rank.overallTopPercent}%（${e.rank.section}）；` +
        `并且品学兼优、热爱科学（${e.qualities.section}）。`,
      intent: 'fact',
      sources: [...(lead && pools ? [pools.section] : []), e.priority.section, e.grades.section, e.rank.section].map(
        (section) => ({
          section,
          title: program.facts.find((f) => f.section === section)?.title ?? '遴选条件',
        }),
      ),
      confidence: 0.85,
      facts: program.facts
        .filter((f) => ['priority', 'target', 'rank'].includes(f.id))
        .map((f) => ({ section: f.section, title: f.title, text: f.answer })),
    }
    return answer
  },
}

import { openTopicIn } from '../open-topics'
import { otherBusiness } from './out-of-scope'
import { decline } from '../context'
import { beijingDate, chineseMonth } from '../../time'
import { officeContact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { factOf, PLAN_NAME } from '../reply'
import type { Intent } from './intent'

/** A year named as a whole ("2024年的报名", "2025年还有吗"), not as part of a date ("2024年2月"). */
const YEAR = /(?<![\d.])(20\d\d|2[2-9])年(?!\d{1,2}月|底|初|上半年|下半年|级)/g
/** Taking part again, which the plan itself speaks of ("结束后能否报名参加下一年度的培养"). */
const AGAIN =
  /(还能|还可以|能|可以)?(接着|继续)(去|来|搞|做|跟(?![踪进])|学)|(再|接着|继续|又|还(能|可以|能不能))[^，,。？?]{0,3}(报|参加|申请)|(还|能|可以|能不能)[^，,。？?]{0,3}(再续|续期|续上|续读|(?<![继连持延陆手])续)(?!费)|还(能|可以)(继续|再来|再搞)(不|吗|么|嘛|没)?(?=[?？]|$)|(报名|参加|报)[^，,。？?]{0,3}下一(年度|年|期|届)|(周期|培养)结束(后|以后|之后)[^。？?]{0,12}下一(年度|年|期|届)|(接着|继续|再)[^，,。？?]{0,4}(搞|做|参加|参与|读|学|来|干)[^，,。？?]{0,2}下一(年度|年|期|届)|还(给|让|准|收|能)[^，,。？?]{0,2}(报|参加)|(继续|接着)[^，,。？?]{0,8}(跟(?![踪进])|做|搞|参加|参与|学|干)(?!培养)/
/** A document's number with its year ("科协办发青字〔2022〕37号", "文号是…2022年几号"). */
const DOCUMENT_NUMBER =
  /[\u4e00-\u9fff]{1,8}(发|字)[^，,。？?]{0,4}[〔[（(]?20\d\d[〕\]）)]?年?[^，,。？?]{0,3}(\d+|几|多少)号|文号[^，,。？?]{0,12}20\d\d年?/g

/**
 * A relative year that dates what the student did or will be ("去年物理竞赛拿了一等奖", "明年就高二下了"),
 * not a year of the program.
 */
const DATES_A_DEED =
  /^[^，,。？?]{0,8}(拿|获|得了|得过|比赛|竞赛|奖|专利|考了|考过|参加了|参加过|发了|发表|发过|论文)|^[^，,。？?]{0,4}(高[一二三123]|初[一二三123]|毕业|高考|中考|上学期|下学期)|^[^，,。？?]{0,8}就[^，,。？?]{0,4}(结束|完|毕业)了/
/** A date, a deadline or a number asked: what only that year's plan would say. */
const SPECIFICS = /什么时候|啥时候|几号|哪天|几月|截止|名额|多少|几个/

/** A year as written, "25" read as 2025. */
const fullYear = (said: string) => (said.length === 2 ? 2000 + Number(said) : Number(said))

/** Years said relative to today ("去年的名单", "明年的报名"), as offsets from the current year. */
const RELATIVE: [RegExp, number][] = [
  [/前年/, -2],
  [/去年|上一届|上届|上一期/, -1],
  [/明年|下一年|下一届|下届|下一期/, 1],
  [/(?<![最之以然随此])后年(?!度)/, 2],
]

/**
 * Another year's program ("2024年的报名什么时候开始", "2025年还有英才计划吗"): the assistant holds
 * one year's plan; it says which, that the other year's plan is not in the assistant, and whom to
 * ask, rather than answering with this year's dates. A year in which this cohort's own steps fall
 * ("2024年的中期评价") is this cohort's.
 */
export const otherYear: Intent = {
  name: 'other_year',
  description: "another year's program asked about: says which year's plan is loaded and whom to ask",
  answer: (ask, ctx) => {
    const program = ctx.program
    if (!/年|届|期/.test(ask.q)) return decline(ask, 'names no year')
    if (otherBusiness(ask.q)) return decline(ask, 'asks of another exam or document: out of scope, whatever its year')
    // "明年还能再报吗": whether one may take part again is this plan's own rule (a later year's dates are not asked).
    if (AGAIN.test(ask.q) && !SPECIFICS.test(ask.q)) return decline(ask, 'asks whether one may take part again')
    // "科协办发青字2022年几号": the year of a document's number, not of a program.
    const named = [...ask.q.replace(DOCUMENT_NUMBER, '').matchAll(YEAR)].map((m) => fullYear(m[1] as string))
    const offsets = RELATIVE.filter(([pattern]) => {
      const m = pattern.exec(ask.q)
      return m !== null && !DATES_A_DEED.test(ask.q.slice(m.index + m[0].length))
    }).map(([, offset]) => offset)
    const thisYear = offsets.length > 0 ? Number(beijingDate(ask.now).slice(0, 4)) : 0
    const relative = offsets.map((offset) => thisYear + offset)
    const years = [...named, ...relative].filter((y) => y !== program.cohort)
    if (years.length === 0) return decline(ask, `names no year other than ${program.cohort}`)
    const steps = ctx.vocab.steps.filter((s) => s.pattern.test(ask.q)).map((s) => s.key)
    const stepYears = program.milestones.filter((m) => steps.includes(m.key)).map((m) => Number(m.due.slice(0, 4)))
    const spanYears = [Number(program.training.start.slice(0, 4)), Number(program.training.end.slice(0, 4))]
    const own = (y: number) => (steps.length > 0 ? stepYears.includes(y) : spanYears.includes(y))
    // "年度评价是明年几月份搞完": 明年 said from the cohort's own start, where that step falls.
    const fromCohort = offsets.map((o) => Number(program.training.start.slice(0, 4)) + o)
    if (named.length === 0 && steps.length > 0 && fromCohort.every((y) => stepYears.includes(y)))
      return decline(ask, "a step named in the year after the cohort's start, as its people say it")
    // "2024年度实施城市是否扩大": a program year (年度) other than the cohort's is another plan's, whatever falls in it.
    const programYears = [...ask.q.matchAll(/(20\d\d)年度(?!评价|考核|总结|表彰)/g)].map((m) => Number(m[1]))
    const other = programYears.find((y) => y !== program.cohort) ?? years.find((y) => !own(y))
    if (other === undefined) return decline(ask, "the year named is one of this cohort's own")
    const office = officeContact(program)
    const t = program.training
    const answer: QaAnswer = {
      answer: `我这里载入的是${PLAN_NAME}${program.cohort}年的实施方案（培养周期${chineseMonth(t.start)}至${chineseMonth(t.end)}）；${other}年度的方案还没有载入助手，我不能用${program.cohort}年的日期和名额替它回答。${other}年度的安排请留意官方通知，或咨询管理办公室${office.person}（电话${office.phone}）。`,
      intent: 'not_in_document',
      sources: [{ section: office.section, title: '联系人及联系电话' }],
      confidence: 0.6,
      facts: [
        { section: office.section, title: '联系人及联系电话', text: `管理办公室${office.person}，电话${office.phone}` },
      ],
    }
    return answer
  },
}

/** A cycle over, or the next ("培养完", "结束后", "明年", "下一届", "继续", "接着"): again means after it. */
const AFTER_A_CYCLE = /培养完|(培养|周期|这一?期|这一?届)?结束|下一(年度|年|期|届)|明年|第二年|后年|继续|接着/

/**
 * "培养完到高二还能接着报吗", "明年还能继续跟导师做吗": taking part again after a cycle is the plan's
 * own rule (its fact `reapply`), whatever grades or years the message names.
 */
export const takingPartAgain: Intent = {
  name: 'taking_part_again',
  description: 'whether a student may take part again after the cycle: the plan’s rule on it',
  triggers: [AGAIN],
  answer: (ask, ctx) => {
    const fact = ctx.factsById.get('reapply')
    // "培养期间转学了还能继续参加吗" is a point the plan leaves open, not a second cycle.
    // "不适合继续培养的学生如何处理" is leaving the training, not coming back to it.
    if (
      !fact ||
      !AGAIN.test(ask.q) ||
      !AFTER_A_CYCLE.test(ask.q) ||
      SPECIFICS.test(ask.q) ||
      /不(适合|适宜|宜|能|再)继续/.test(ask.q) ||
      openTopicIn(ctx, ask.q)
    )
      return decline(ask, 'asks not whether one may take part again after a cycle')
    return {
      answer: `${fact.answer.replace(/。?$/, '')}（${fact.section}）。`,
      intent: 'process',
      sources: [{ section: fact.section, title: fact.title }],
      confidence: 0.85,
      facts: [factOf(fact)],
    }
  },
}

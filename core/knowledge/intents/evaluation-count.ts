import { chineseMonth } from '../../time'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Asks how many times students are evaluated ("一年评几次", "要接受几次考核", "几次评价"). */
const EVALUATION_COUNT =
  /(评价|考核|考评|评估|评|考察)[^，,。？?；;]{0,4}(几|多少)(次|回|轮)|(几|多少)(次|回|轮)[^，,。？?；;]{0,3}(评价|考核|考评|评估)|(只|就|仅)[^，,。？?；;]{0,6}(评价|考核|考评|评估|评|考)[^，,。？?；;]{0,2}(一|1)(次|回|轮)/
/** Asks when the evaluations are, naming neither ("两个学生评价节点的截止时间", "两次评价分别什么时候截止"). */
const EVALUATIONS_WHEN =
  /(评价|考核|考评)(的)?(节点|环节|时间节点)|(两|2)(次|个)[^，,。？?；;]{0,4}(评价|考核|考评)[^，,。？?；;]{0,8}(截止|时间|日期|什么时候|何时|几时|哪天)|(评价|考核|考评)[^，,。？?；;]{0,4}(分别|各)[^，,。？?；;]{0,4}(什么时候|何时|几时|截止|时间|日期)/
/** One evaluation named: its own step's date answers. */
const ONE_NAMED = /中期|年度|年终|期中|导师评价|导师团队/

/** Asks whether there is only one ("就年底评一次吗", "只考核一次？"). */
const ONLY_ONCE = /(只|就|仅)[^，,。？?；;]{0,6}(评价|考核|考评|评估|评|考)[^，,。？?；;]{0,2}(一|1)(次|回|轮)/
/** Words of visits or of a party's own appraisal, whose counts are other questions. */
const OTHER_COUNTS = /到校|去(了)?[^，,。？?]{0,4}(大学|高校)|参加培养|见面|成长日志|导师[^，,。？?]{0,4}(被|受)|单位/

/**
 * "一年里头要评几次？分别是几时": the plan evaluates each student twice in the period, a mid-term and an
 * annual evaluation (六), each by the end of its month.
 */
export const evaluationCount: Intent = {
  name: 'evaluation_count',
  description: 'how many evaluations a student has in the period, and when each is due',
  triggers: [EVALUATION_COUNT, EVALUATIONS_WHEN],
  answer: (ask, ctx) => {
    const { q } = ask
    const when = EVALUATIONS_WHEN.test(q) && !ONE_NAMED.test(q)
    if ((!EVALUATION_COUNT.test(q) && !when) || OTHER_COUNTS.test(q))
      return decline(ask, 'asks no number of evaluations')
    const { midterm, annual } = ctx.program.evaluation
    const answer: QaAnswer = {
      answer: `${ONLY_ONCE.test(q) ? '不止一次。' : ''}培养周期内对学生的评价有两次：中期评价在${chineseMonth(midterm.by)}底前（${midterm.section}），年度评价在${chineseMonth(annual.by)}底前（${annual.section}），均由管理办公室联合高校组织。`,
      intent: 'fact',
      sources: [
        { section: midterm.section, title: '中期评价' },
        { section: annual.section, title: '年度评价' },
      ],
      confidence: 0.85,
      facts: [
        { section: midterm.section, title: '中期评价', text: `中期评价，${midterm.by}底前` },
        { section: annual.section, title: '年度评价', text: `年度评价，${annual.by}底前` },
      ],
    }
    return answer
  },
}

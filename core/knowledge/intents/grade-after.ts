import { chineseMonth, monthsBetween } from '../../time'
import { type Context, decline } from '../context'
import { openTopicIn } from '../open-topics'
import type { Intent } from './intent'

/** The grades of a school career in order: a grade's next is the one a student moves up to in September. */
const GRADES = ['初一', '初二', '初三', '高一', '高二', '高三']

/** Asks which grade the student is in when the training ends ("到时候是不是都上高三了", "结束时就读几年级"). */
const GRADE_ASK =
  /高几|几年级|(升|读|上|在|就读|是)[^，,。？?]{0,3}(高[一二三]|初三|大学)|毕业了|就(是|到|上|读)?(高[一二三]|初三)了/
/** The time the grade is asked of: the end of the training. */
const AT_END = /到时候?|届时|那时|那会|结束|结业|培养完|培养到|期满|周期末/
/** A grade the student is in now ("现在读高二", "该生现为高二学生"). */
const NOW_GRADE = /(初[一二三]|高[一二三])/

/** "…会不会影响高考": a point the plan leaves open, said after the grade. */
function openNote(ctx: Context, q: string): string {
  const open = openTopicIn(ctx, q)
  return open
    ? `${open.label}，方案没有规定；如需了解，请咨询管理办公室${ctx.office.person}（电话${ctx.office.phone}）。`
    : ''
}

/** A period's length in words ("为一年", "共10个月"), both months counted. */
function spanWords(start: string, end: string): string {
  const months = monthsBetween(start, end) + 1
  return months === 12 ? '为一年' : `共${months}个月`
}

/**
 * The grade a student is in when the training period ends: the grade named now, one up once the
 * new school year starts in September (the period's last month), not an eligibility verdict.
 */
export const gradeAfter: Intent = {
  name: 'grade_after',
  description: 'the grade a student of a named grade is in when the training period ends',
  triggers: [GRADE_ASK],
  answer: (ask, ctx) => {
    const { q } = ask
    if (!GRADE_ASK.test(q) || !AT_END.test(q)) return decline(ask, 'asks no grade at the end of the training')
    if (/能不能|能否|可以|可否|符合|还能|能报|能参加|有资格|还想报|还要报|再报/.test(q))
      return decline(ask, 'asks whether one may apply')
    // "25年还有没有这个计划啊…到时候高二还想报": a year after the training is another year's program.
    const endYear = Number(ctx.program.training.end.slice(0, 4))
    const years = [...q.matchAll(/(?<![\d.])(20\d\d|[2-9]\d)年(?!\d{1,2}月|底|初|级)/g)].map((m) =>
      (m[1] as string).length === 2 ? 2000 + Number(m[1]) : Number(m[1]),
    )
    if (years.some((y) => y > endYear)) return decline(ask, 'names a year after the training')
    // "明年9月份娃都升高三了…那时候还要考核吗": a grade entered later is not the grade now; the time is asked.
    if (/(明年|那时|到时|\d{1,2}月份?)[^，,。？?]{0,8}(升|上|读)(入|到)?(高[一二三]|初三)/.test(ask.context ?? q))
      return decline(ask, 'names the grade entered later, not the grade now')
    const text = ask.context ?? q
    const said = NOW_GRADE.exec(text)
    if (!said?.[1]) return decline(ask, 'names no grade the student is in now')
    // "培养到明年9月，孩子是不是都上高三了": the grade asked of the end, so the student is in the one before now.
    const atEnd = /(都|就|已经?|会|要)(升|上)(入|到)?$/.test(text.slice(Math.max(0, said.index - 4), said.index))
    const now = atEnd ? GRADES[GRADES.indexOf(said[1]) - 1] : said[1]
    if (!now) return decline(ask, 'names no grade the student is in now')
    const { start, end, section } = ctx.program.training
    const next = GRADES[GRADES.indexOf(now) + 1]
    const moved = next ? `升入${next}` : '高中毕业'
    return {
      answer: `培养周期${spanWords(start, end)}，从${chineseMonth(start)}到${chineseMonth(end)}。${chineseMonth(start)}读${now}的学生，到${chineseMonth(end)}培养结束时新学年已经开始，一般已${moved}；${now}这一学年都在培养期内。${openNote(ctx, q)}`,
      intent: 'fact',
      sources: [{ section, title: '培养周期' }],
      confidence: 0.8,
      facts: [{ section, title: '培养周期', text: `培养周期从${start}到${end}` }],
    }
  },
}

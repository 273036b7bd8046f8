import { chineseNumberToInt } from '../../chinese-numbers'
import { decline } from '../context'
import type { Intent } from './intent'

/** A number of students given for a grade ("高一在读学生420人", "初三有300名"). */
const PER_GRADE =
  /(初|高)([一二三123])[^，,、；;。？?\d前第排%％]{0,6}?(\d{2,5}|[一二三四五六七八九十百千两]{2,6})(?![\d%％.])(个人|人|名|个)?/g
/** Asks how many students (of those numbers) there are. */
const HOW_MANY = /(多少|几)(个)?(人|名|学生)|共计|合计|一共|总共|总数|加起来/

/**
 * "高一420人、高二390人、高三400人，符合年级条件的共多少人": the students of the grades the plan
 * admits, summed from the numbers given, not an eligibility verdict for one student.
 */
export const gradeCount: Intent = {
  name: 'grade_count',
  description: 'how many students of the given per-grade numbers are in the grades the plan admits',
  triggers: [new RegExp(PER_GRADE.source)],
  answer: (ask, ctx) => {
    const { q } = ask
    const given = [...q.matchAll(PER_GRADE)].map((m) => ({
      grade: `${m[1]}${'一二三'['123'.indexOf(m[2] as string)] ?? m[2]}`,
      n: /^\d+$/.test(m[3] as string) ? Number(m[3]) : chineseNumberToInt(m[3] as string),
    }))
    const grades = [...new Map(given.filter((g) => g.n !== undefined).map((g) => [g.grade, g.n as number])).entries()]
    if (grades.length < 2 || !HOW_MANY.test(q)) return decline(ask, 'gives no numbers per grade with an ask how many')
    const { allowed, section } = ctx.program.eligibility.grades
    const inRange = grades.filter(([g]) => allowed.includes(g))
    const outside = grades.filter(([g]) => !allowed.includes(g))
    if (inRange.length === 0) return decline(ask, 'none of the grades given is admitted')
    const sum = inRange.reduce((s, [, n]) => s + n, 0)
    const formula = inRange.length > 1 ? `${inRange.map(([g, n]) => `${g}${n}人`).join('+')}=${sum}人` : `${sum}人`
    const left = outside.length > 0 ? `（${outside.map(([g, n]) => `${g}${n}人`).join('、')}不在年级范围内）` : ''
    return {
      answer: `方案的遴选对象是${ctx.program.cities.map((c) => c.name).join('、')}辖区内的${allowed.join('、')}学生（${section}）。按年级条件，符合的学生共${sum}人：${formula}${left}。年级只是条件之一，能否推荐还要看成绩排名等遴选条件。`,
      intent: 'quota',
      sources: [{ section, title: '遴选对象' }],
      confidence: 0.85,
      facts: [{ section, title: '遴选对象', text: `遴选对象为${allowed.join('、')}学生` }],
    }
  },
}

import { z } from 'zod'
import '../validation'
import { awardSchema, patentSchema } from '../rules/eligibility'

/**
 * The 《申请表》 (九（二）1, 附件2) as the service takes it: who the applicant is, their school and
 * grade, what 四（二）2 asks to see (ranks, awards, patents, the clubs of 四（二）2（4）) and the
 * subject they prefer (三（三）). The school enters it from the student's form; the school's
 * opinion is given at the school step, not here.
 */

const percent = z.number().gt(0, '应大于 0').lte(100, '不能超过 100')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为日期，例如 2007-05-01')

/** An award on the form: what and when, with the rules' category and level. */
export const formAwardSchema = awardSchema.extend({
  name: z.string().trim().min(1).max(100),
  year: z.number().int().min(2000).max(2100).optional(),
})

/** A patent on the form: its title and number, with the rules' type and grant. */
export const formPatentSchema = patentSchema.extend({
  title: z.string().trim().min(1).max(100),
  number: z.string().trim().max(40).optional(),
})

/** The body of `POST /api/v1/applications`. */
export const applicationFormSchema = z
  .strictObject({
    cohort: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(1).max(32),
    gender: z.enum(['男', '女']),
    birthDate: day,
    schoolId: z.number().int().positive(),
    grade: z.string().trim().min(1).max(20),
    className: z.string().trim().max(32).optional(),
    subject: z.string().trim().min(1).max(32),
    subjectRankPercent: percent.optional(),
    overallRankPercent: percent.optional(),
    awards: z.array(formAwardSchema).max(20).default([]),
    patents: z.array(formPatentSchema).max(20).default([]),
    /** 科学兴趣小组、实验班、科技社团… (四（二）2（4）). */
    clubs: z.string().trim().max(200).optional(),
    /** The applicant's own words on their interest and strengths. */
    statement: z.string().trim().max(2000).optional(),
  })
  .refine((f) => f.subjectRankPercent !== undefined || f.overallRankPercent !== undefined, {
    message: '学科成绩排名和综合成绩排名至少填一项（方案四（二）2（2））',
    path: ['subjectRankPercent'],
  })

/** A validated 《申请表》. */
export type ApplicationForm = z.infer<typeof applicationFormSchema>

/** What of the form is kept in the application's `form` column (the rest has columns of its own). */
export type StoredForm = Omit<ApplicationForm, 'cohort' | 'name' | 'schoolId' | 'grade' | 'subject'>

/** The part of a form kept as JSON. */
export function storedForm(form: ApplicationForm): StoredForm {
  const { cohort: _c, name: _n, schoolId: _s, grade: _g, subject: _sub, ...rest } = form
  return rest
}

import { z } from 'zod'
// Its schema is read by people in the API and the bot: zod's messages in Chinese (core/validation.ts).
import '../validation'
import type { Program } from '../knowledge/program'
import { type Place, placeFromField } from './regions'

/**
 * Who may apply (CONTRACT §3): the hard conditions of 四（二）—city, grade, rank—and the
 * priority conditions of 四（二）2（3）, all read from the cohort's program data, so another
 * year's thresholds are a data change.
 */

const percent = z.number().gt(0, '应大于 0').lte(100, '不能超过 100')

/** One award of the student, as CONTRACT §3 spells it. `stage` may be left out: any middle-school stage counts. */
export const awardSchema = z.strictObject({
  category: z.enum(['science_competition', 'subject_olympiad', 'other']),
  level: z.enum(['national', 'regional', 'city', 'county', 'school']),
  stage: z.enum(['junior', 'senior']).optional(),
})

/** One patent of the student. A patent whose grant is not stated does not count for priority. */
export const patentSchema = z.strictObject({
  type: z.enum(['invention', 'utility_model', 'design']),
  granted: z.boolean().optional(),
})

/**
 * The profile of CONTRACT §3; every field optional. Unknown keys are rejected (strict), so a
 * misspelt field ('subjectRank') answers 400 instead of silently asking for a value the caller
 * thought it gave.
 */
export const eligibilityInputSchema = z.strictObject({
  city: z.string().trim().min(1).max(100).optional(),
  grade: z.string().trim().min(1).max(20).optional(),
  subjectRankPercent: percent.optional(),
  overallRankPercent: percent.optional(),
  awards: z.array(awardSchema).max(50).optional(),
  patents: z.array(patentSchema).max(50).optional(),
})

export type EligibilityInput = z.infer<typeof eligibilityInputSchema>
export type Award = z.infer<typeof awardSchema>
export type Patent = z.infer<typeof patentSchema>

/** A field of the profile the caller should ask for. */
export type MissingField = 'city' | 'grade' | 'subjectRankPercent' | 'overallRankPercent'

/** One condition checked, with the article it rests on and a Chinese sentence for a person. */
export interface EligibilityCheck {
  rule: 'city' | 'grade' | 'rank' | 'priority'
  section: string
  status: 'pass' | 'fail' | 'unknown'
  message: string
}

/**
 * The answer of CONTRACT §3. `checks` holds the hard conditions (city, grade, rank), which
 * alone decide `verdict`, and one `priority` check that never does.
 */
export interface EligibilityResult {
  verdict: 'eligible' | 'ineligible' | 'unknown'
  priority: boolean
  missing: MissingField[]
  checks: EligibilityCheck[]
}

const GRADE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, '1': 1, '2': 2, '3': 3 }
const YEAR_GRADES: Record<string, string> = {
  七: '初一',
  八: '初二',
  九: '初三',
  '7': '初一',
  '8': '初二',
  '9': '初三',
  十: '高一',
  十一: '高二',
  十二: '高三',
  '10': '高一',
  '11': '高二',
  '12': '高三',
}

/**
 * A school grade in the plan's words ('高一', '初三') from the ways people write it: '高1',
 * '高中一年级', '高一年级', '高一新生', '十年级'. '小学', '大一'… come back as themselves so they
 * can be refused; undefined when no grade is recognisable ('高中' alone).
 */
export function normaliseGrade(text: string): string | undefined {
  const s = text.replace(/\s+/g, '')
  const school = /(初|高)中?([一二三123])(?:年级)?/.exec(s)
  if (school) return `${school[1]}${['', '一', '二', '三'][GRADE_DIGITS[school[2] as string] as number]}`
  const year = /(十[一二]|1[0-2]|[七八九十789])年级/.exec(s)
  if (year) return YEAR_GRADES[year[1] as string]
  const other = /(小学|[一二三四五六]年级|大[一二三四]|大学|研究生)/.exec(s)
  return other ? other[1] : undefined
}

function cityCheck(program: Program, city: string | undefined): EligibilityCheck {
  const section = program.eligibility.cities.section
  const names = program.cities.map((c) => c.name)
  const list = names.join('、')
  if (!city)
    return { rule: 'city', section, status: 'unknown', message: `还不知道所在城市；只面向${list}（${section}）` }
  const place: Place | undefined = placeFromField(city)
  if (!place) {
    return { rule: 'city', section, status: 'unknown', message: `没认出“${city}”在哪个市；只面向${list}（${section}）` }
  }
  const where = place.division && place.division !== place.city ? `${place.city}${place.division}` : place.city
  if (place.inGuangxi && names.includes(place.city)) {
    return {
      rule: 'city',
      section,
      status: 'pass',
      message: `${where}属于实施城市${where === place.city ? '' : `（${place.city}辖区内的县、区都在内）`}，符合（${section}）`,
    }
  }
  const outside = place.inGuangxi ? '' : '不在广西，'
  return {
    rule: 'city',
    section,
    status: 'fail',
    message: `${where}${outside}不在实施城市内，本期只面向${list}（${section}）`,
  }
}

function gradeCheck(program: Program, grade: string | undefined): EligibilityCheck {
  const { allowed, section } = program.eligibility.grades
  const list = allowed.join('、')
  if (!grade)
    return { rule: 'grade', section, status: 'unknown', message: `还不知道年级；只面向${list}学生（${section}）` }
  const canonical = normaliseGrade(grade)
  if (!canonical) {
    return {
      rule: 'grade',
      section,
      status: 'unknown',
      message: `没认出年级“${grade}”；只面向${list}学生（${section}）`,
    }
  }
  if (allowed.includes(canonical))
    return { rule: 'grade', section, status: 'pass', message: `${canonical}符合（${section}）` }
  return { rule: 'grade', section, status: 'fail', message: `${canonical}不在范围内，只面向${list}学生（${section}）` }
}

function rankCheck(program: Program, input: EligibilityInput): { check: EligibilityCheck; missing: MissingField[] } {
  const { subjectTopPercent, overallTopPercent, inclusive, section } = program.eligibility.rank
  const within = (value: number, bound: number) => (inclusive ? value <= bound : value < bound)
  const rule = `相应学科年级前${subjectTopPercent}%或综合成绩年级前${overallTopPercent}%，满足其一即可（${section}）`
  const { subjectRankPercent: subject, overallRankPercent: overall } = input
  const subjectOk = subject === undefined ? undefined : within(subject, subjectTopPercent)
  const overallOk = overall === undefined ? undefined : within(overall, overallTopPercent)
  const check = (status: EligibilityCheck['status'], message: string): EligibilityCheck => ({
    rule: 'rank',
    section,
    status,
    message,
  })
  if (subjectOk)
    return {
      check: check('pass', `学科前${subject}%，在前${subjectTopPercent}%以内，符合成绩条件（${section}）`),
      missing: [],
    }
  if (overallOk)
    return {
      check: check('pass', `综合前${overall}%，在前${overallTopPercent}%以内，符合成绩条件（${section}）`),
      missing: [],
    }
  if (subjectOk === false && overallOk === false) {
    return { check: check('fail', `学科前${subject}%、综合前${overall}%都未达到；要求${rule}`), missing: [] }
  }
  if (subjectOk === false) {
    return {
      check: check(
        'unknown',
        `学科前${subject}%未达到前${subjectTopPercent}%，还要看综合排名是否在前${overallTopPercent}%以内（${section}）`,
      ),
      missing: ['overallRankPercent'],
    }
  }
  if (overallOk === false) {
    return {
      check: check(
        'unknown',
        `综合前${overall}%未达到前${overallTopPercent}%，还要看相应学科排名是否在前${subjectTopPercent}%以内（${section}）`,
      ),
      missing: ['subjectRankPercent'],
    }
  }
  return {
    check: check('unknown', `还不知道年级排名；要求${rule}`),
    missing: ['subjectRankPercent', 'overallRankPercent'],
  }
}

const LEVEL_NAMES: Record<Award['level'], string> = {
  national: '全国级',
  regional: '自治区级',
  city: '市级',
  county: '县级',
  school: '校级',
}
const CATEGORY_NAMES: Record<Award['category'], string> = {
  science_competition: '科技竞赛或活动',
  subject_olympiad: '五项学科竞赛',
  other: '其他比赛',
}
const PATENT_NAMES: Record<Patent['type'], string> = {
  invention: '发明专利',
  utility_model: '实用新型专利',
  design: '外观设计专利',
}

/** The article of the first priority condition the profile meets, with what met it; undefined when none does. */
function priorityHeld(program: Program, input: EligibilityInput): { section: string; what: string } | undefined {
  const { priority, levels } = program.eligibility
  const rankOf = (level: Award['level']) => levels.indexOf(level)
  for (const award of input.awards ?? []) {
    if (award.stage && !priority.stages.includes(award.stage)) continue
    const rule = priority.awards.find((r) => r.category === award.category && rankOf(award.level) >= rankOf(r.minLevel))
    // "初三那年拿的奖，现在上高一了还算吗": an award of 初中 counts as one of 高中 does, and is said to.
    const junior = award.stage === 'junior' ? '（初中阶段获得的也算）' : ''
    if (rule)
      return {
        section: rule.section,
        what: `${LEVEL_NAMES[award.level]}${CATEGORY_NAMES[award.category]}奖项${junior}`,
      }
  }
  for (const patent of input.patents ?? []) {
    if (!priority.patents.types.includes(patent.type)) continue
    if (priority.patents.mustBeGranted && patent.granted !== true) continue
    return { section: priority.patents.section, what: `已授权的${PATENT_NAMES[patent.type]}` }
  }
  return undefined
}

function priorityCheck(program: Program, input: EligibilityInput): EligibilityCheck {
  const section = program.eligibility.priority.section
  const held = priorityHeld(program, input)
  if (held)
    return {
      rule: 'priority',
      section: held.section,
      status: 'pass',
      message: `有${held.what}，可优先推荐（${held.section}）`,
    }
  const given = (input.awards?.length ?? 0) + (input.patents?.length ?? 0) > 0
  const rule = '自治区级及以上科技竞赛或五项学科竞赛奖项，或已授权的发明专利、实用新型专利'
  if (!given)
    return {
      rule: 'priority',
      section,
      status: 'unknown',
      message: `未提到获奖或专利；优先条件是${rule}（${section}）`,
    }
  // A patent of a listed type whose grant is not said: whether it counts is open, and asked.
  const patents = program.eligibility.priority.patents
  const open = (input.patents ?? []).find((p) => patents.types.includes(p.type) && p.granted === undefined)
  if (open && patents.mustBeGranted)
    return {
      rule: 'priority',
      section: patents.section,
      status: 'unknown',
      message: `提到${PATENT_NAMES[open.type]}，但没有说是否已获授权：已授权的才算优先条件（${patents.section}），请告诉我是否已授权`,
    }
  // Only patents not yet granted (申请中, 已受理, 在审): say so, the grant is what the plan counts.
  if (!input.awards?.length && (input.patents ?? []).every((p) => p.granted === false) && patents.mustBeGranted)
    return {
      rule: 'priority',
      section: patents.section,
      status: 'fail',
      message: `所述专利尚未授权（申请中、已受理或在审查中的都不算），不属于优先条件；优先条件是${rule}（${section}）`,
    }
  // Only patents of a type the plan does not list (外观设计): that type is named, with the types that count.
  const unlisted = (input.patents ?? []).filter((p) => !patents.types.includes(p.type))
  if (!input.awards?.length && unlisted.length === (input.patents ?? []).length) {
    const types = patents.types.map((t) => PATENT_NAMES[t]).join('、')
    return {
      rule: 'priority',
      section: patents.section,
      status: 'fail',
      message: `${PATENT_NAMES[unlisted[0]?.type ?? 'design']}即使已授权也不属于优先条件：专利只认已授权的${types}（${patents.section}）`,
    }
  }
  return { rule: 'priority', section, status: 'fail', message: `所述奖项或专利不属于优先条件（${rule}，${section}）` }
}

/**
 * Checks a profile against the program's conditions. `ineligible` when a hard condition surely
 * fails, `unknown` when none fails but one cannot be decided (then `missing` says what to ask;
 * it is empty for `ineligible`, since no answer would change the verdict), `eligible` when all
 * hold. `priority` only when a priority condition holds and the verdict is not `ineligible`.
 * Pure: never throws for a profile that passed `eligibilityInputSchema`.
 */
export function checkEligibility(program: Program, input: EligibilityInput): EligibilityResult {
  const city = cityCheck(program, input.city)
  const grade = gradeCheck(program, input.grade)
  const rank = rankCheck(program, input)
  const hard = [city, grade, rank.check]
  const verdict = hard.some((c) => c.status === 'fail')
    ? 'ineligible'
    : hard.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'eligible'
  const priority = priorityCheck(program, input)
  const missing: MissingField[] = []
  if (verdict === 'unknown') {
    if (city.status === 'unknown') missing.push('city')
    if (grade.status === 'unknown') missing.push('grade')
    missing.push(...rank.missing)
  }
  return {
    verdict,
    priority: verdict !== 'ineligible' && priority.status === 'pass',
    missing,
    checks: [...hard, priority],
  }
}

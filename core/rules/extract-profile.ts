import type { Award, EligibilityInput, Patent } from './eligibility'
import { findPlaces, pickPlace } from './regions'

/**
 * Reads an eligibility profile (CONTRACT §3) out of a question in words:
 * '我是阳朔中学高二的，物理年级前10%，获得过自治区化学竞赛二等奖，能报吗？'.
 *
 * The text is cut into clauses at punctuation. Clauses about an award or a patent are read
 * for that alone, so that '高一拿过柳州市化学竞赛一等奖' gives an award (city level, senior
 * stage) and not the student's city or current grade. Choices where people's words are loose:
 * - A rank with neither a subject nor 总分/综合 near it ('年级前10%') is the overall rank: that is
 *   what a school's plain 年级排名 ranks by.
 * - A patent the student says they have ('有一项发明专利') counts as granted; one said to be
 *   applied for, under review or not yet granted does not.
 * - An award with no level we can read is left out (priority cannot rest on it); so is one from
 *   primary school, which the plan's 初中、高中阶段 does not cover.
 */

/** What extractProfile found: the profile, and whether the text asks if someone may apply. */
export interface ExtractedProfile {
  profile: EligibilityInput
  asksEligibility: boolean
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const NUMBER = '[0-9０-９.．零〇一二两三四五六七八九十百千点]+'

/** A number written in digits or in Chinese numerals ('15.5', '三十', '四百', '十五点五'); NaN when it is not one. */
export function parseNumber(text: string): number {
  const s = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s)
  const [whole = '', fraction] = s.split('点')
  if (!whole) return Number.NaN
  let total = 0
  let digit = 0
  for (const ch of whole) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch] as number
    else if (ch in CN_UNITS) {
      total += (digit || 1) * (CN_UNITS[ch] as number)
      digit = 0
    } else return Number.NaN
  }
  total += digit
  if (fraction === undefined) return total
  let decimals = ''
  for (const ch of fraction) {
    if (!(ch in CN_DIGITS)) return Number.NaN
    decimals += String(CN_DIGITS[ch])
  }
  return decimals ? Number(`${total}.${decimals}`) : Number.NaN
}

interface Clause {
  text: string
  start: number
}

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = []
  const re = /[^，,。；;！!？?\n\s（）()]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) clauses.push({ text: m[0], start: m.index })
  return clauses
}

const AWARD_EVENT = /竞赛|大赛|比赛|联赛|奥赛|奥林匹克|奥数|杯赛|评比|科技节/
const AWARD_PRIZE =
  /奖|金牌|银牌|铜牌|冠军|亚军|季军|[一二三]等|[国省市县][一二三](?!中|年)|名次|第[一二三四五六七八九十\d]+名/
const NO_AWARD = /没(有)?(拿|获|得)|未(获|得)|没(有)?(什么)?奖|无奖/
const PATENT = /专利/

function isAwardClause(text: string): boolean {
  return (AWARD_EVENT.test(text) && AWARD_PRIZE.test(text)) || /获奖|得奖|奖项/.test(text)
}

// A grade word not inside 提高/最高…, and not a digit run ('高10%' is no grade).
const GRADE_WORD =
  /(?<![提最较很更太偏增升拔])(初|高)中?([一二三]|[123](?![\d.%％]))(?:年级)?|(十[一二]|1[0-2]|[七八九十789])年级/g
const PAST_TIME =
  /^(上学期|下学期)?(的时候|时候|时|那年|那会儿?|期间|阶段)|^(上学期|下学期)?(还|就|曾经?)?(拿|获|得过|参加|取得|荣获)/

interface GradeMention {
  grade: string
  /** True when the words say when something happened ('高一时', '初二那年拿过'), not the student's grade now. */
  past: boolean
}

function gradeMentions(text: string): GradeMention[] {
  const found: GradeMention[] = []
  for (const m of text.matchAll(GRADE_WORD)) {
    let grade: string | undefined
    if (m[1])
      grade = `${m[1]}${({ 一: '一', 二: '二', 三: '三', '1': '一', '2': '二', '3': '三' } as Record<string, string>)[m[2] as string]}`
    else
      grade = (
        {
          七: '初一',
          八: '初二',
          九: '初三',
          '7': '初一',
          '8': '初二',
          '9': '初三',
          十: '高一',
          '10': '高一',
          十一: '高二',
          '11': '高二',
          十二: '高三',
          '12': '高三',
        } as Record<string, string>
      )[m[3] as string]
    if (!grade) continue
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8)
    found.push({ grade, past: PAST_TIME.test(after) })
  }
  return found
}

const SUBJECT_WORDS = /(数学|物理|化学|生物学?|计算机|信息学?|信息技术|语文|英语|地理|历史|政治|科学|单科|学科|偏科)/g
const OVERALL_WORDS = /(总分|综合|总成绩|总排名|总体|整体|全科|总评|总的|各科|文化课)/g

/** Subject or overall, from the nearest such word before `at` in the clause; overall when none. */
function rankKind(clause: string, at: number): 'subject' | 'overall' {
  let best: { end: number; kind: 'subject' | 'overall' } | undefined
  for (const [re, kind] of [
    [SUBJECT_WORDS, 'subject'],
    [OVERALL_WORDS, 'overall'],
  ] as const) {
    for (const m of clause.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length
      if (end <= at && (!best || end > best.end)) best = { end, kind }
    }
  }
  return best?.kind ?? 'overall'
}

const PERCENT = new RegExp(`(${NUMBER})\\s*[%％]|百分之(${NUMBER})`, 'g')
const PLACE_IN_GRADE = new RegExp(`(?:第|排)\\s*(${NUMBER})\\s*名|前\\s*(${NUMBER})\\s*名`, 'g')
const GRADE_SIZE = new RegExp(
  `(?:全年级|年级|全校|全级|总共|一共|共)(?:有|共有|一共|总共)?\\s*(${NUMBER})\\s*(?:人|名|个|位)|(${NUMBER})\\s*(?:人|名学生|个学生|位学生)(?:中|里|当中|里面)`,
)

interface Ranks {
  subject?: number
  overall?: number
}

function readRanks(text: string, clauses: Clause[]): Ranks {
  const ranks: Ranks = {}
  const note = (kind: 'subject' | 'overall', value: number) => {
    if (!(value > 0 && value <= 100)) return
    const rounded = Math.round(value * 100) / 100
    ranks[kind] = Math.min(ranks[kind] ?? Number.POSITIVE_INFINITY, rounded)
  }
  const sizeMatch = GRADE_SIZE.exec(text)
  const size = sizeMatch ? parseNumber((sizeMatch[1] ?? sizeMatch[2]) as string) : Number.NaN
  for (const clause of clauses) {
    const t = clause.text
    if (/班/.test(t) && !/年级/.test(t)) continue
    for (const m of t.matchAll(PERCENT)) {
      const value = parseNumber((m[1] ?? m[2]) as string)
      if (!Number.isNaN(value)) note(rankKind(t, m.index ?? 0), value)
    }
    if (!(size > 0)) continue
    for (const m of t.matchAll(PLACE_IN_GRADE)) {
      const place = parseNumber((m[1] ?? m[2]) as string)
      if (place > 0 && place <= size) note(rankKind(t, m.index ?? 0), (place / size) * 100)
    }
  }
  return ranks
}

const LEVEL_PATTERNS: [RegExp, Award['level']][] = [
  [/全国(总)?决赛|国家级|国赛|国家集训队|国家队|国际|国[一二三](?!中|年)/, 'national'],
  [/赛区|省级|省赛|自治区|区级|全区|广西|省[一二三]/, 'regional'],
  [/全国|国家/, 'national'],
  [/市级|市赛|地市|市里|全市|市[一二三]等/, 'city'],
  [/县级|县赛|区县|县里|全县|县[一二三]等/, 'county'],
  [/校级|校内|校赛|学校|本校|全校|校园|年级/, 'school'],
]

function awardLevel(text: string): Award['level'] | undefined {
  for (const [re, level] of LEVEL_PATTERNS) if (re.test(text)) return level
  const place = pickPlace(findPlaces(text).filter((p) => p.inGuangxi))
  if (place) return place.division ? 'county' : 'city'
  return undefined
}

const OLYMPIAD =
  /(数学|物理|化学|生物学?|信息学?|计算机)(学科)?(竞赛|联赛|奥赛|奥林匹克|比赛)|奥赛|奥数|奥林匹克|学科竞赛|五项|五大学科|联赛|NOIP?|CMO|CPhO|CChO|CBO/i
const SCIENCE = /科技|科创|创新大赛|创新竞赛|发明|机器人|科学|小小科学家|科普|航模|无人机|科幻/

function awardCategory(text: string): Award['category'] {
  if (OLYMPIAD.test(text)) return 'subject_olympiad'
  if (SCIENCE.test(text)) return 'science_competition'
  return 'other'
}

const JUNIOR = /初中|(?<![月年])初[一二三]|[七八九]年级/
const SENIOR = /高中|(?<![提最较很更太偏增升拔])高[一二三]/

function readAwards(clauses: Clause[], currentGrade: string | undefined): Award[] {
  const awards: Award[] = []
  for (const clause of clauses) {
    if (!isAwardClause(clause.text) || NO_AWARD.test(clause.text)) continue
    if (/小学/.test(clause.text)) continue
    const stage = JUNIOR.test(clause.text)
      ? 'junior'
      : SENIOR.test(clause.text)
        ? 'senior'
        : currentGrade?.startsWith('初')
          ? 'junior'
          : currentGrade?.startsWith('高')
            ? 'senior'
            : undefined
    const clauseLevel = awardLevel(clause.text)
    for (const piece of clause.text.split(/和|以及|及|、|还有|并且|同时/)) {
      if (!AWARD_EVENT.test(piece) && !AWARD_PRIZE.test(piece)) continue
      if (!AWARD_EVENT.test(piece) && !/奖项|金牌|银牌|铜牌|[国省][一二三]/.test(piece)) continue
      const level = awardLevel(piece) ?? clauseLevel
      if (!level) continue
      const award: Award = { category: awardCategory(piece), level }
      if (stage) award.stage = stage
      awards.push(award)
    }
  }
  return awards
}

const PENDING =
  /在审|审查|审核中|受理|申请中|提交申请|已申请|申请了|申请过|正在申请|还没|尚未|未授权|没授权|没有授权|待授权|等待授权|实审|公开/
const GRANTED = /授权|授予|证书|下证|批下来|批了/
const HAVE = /有|拥有|获得|取得|拿到|持有/
const PATENT_TYPE = /(发明|实用新型|外观设计|外观)(专利)?/g

function patentGranted(text: string): boolean | undefined {
  if (PENDING.test(text)) return false
  if (GRANTED.test(text)) return true
  return HAVE.test(text) ? true : undefined
}

function readPatents(clauses: Clause[]): Patent[] {
  const patents: Patent[] = []
  for (const clause of clauses) {
    if (!PATENT.test(clause.text) || /没有|没(申请|拿)|无专利/.test(clause.text)) continue
    const clauseGranted = patentGranted(clause.text)
    for (const piece of clause.text.split(/和|以及|及|、|还有|另外/)) {
      for (const m of piece.matchAll(PATENT_TYPE)) {
        const type: Patent['type'] = m[1] === '发明' ? 'invention' : m[1] === '实用新型' ? 'utility_model' : 'design'
        const granted = patentGranted(piece) ?? clauseGranted
        patents.push(granted === undefined ? { type } : { type, granted })
      }
    }
  }
  return patents
}

const ASKS = [
  /(能|可以|可不可以|能不能|能否|可否|还能|有没有可能)(报|申请|参加|参与|入选|选上|被选)/,
  /(符合|够|满足|达到|达)(了)?(报名|申请|遴选|参加)?(的)?(条件|要求|资格|标准)?(吗|不|么|没|嘛|呢|？|\?)/,
  /有(没有)?资格|够(不够)?(条件|格)|报得(了|上)/,
  /(算|能|可以|有|够)(不能)?(被)?优先|优先(推荐)?(条件)?(吗|不|么|没|嘛|\?|？)/,
]
const ABOUT_SOMEONE = /我|孩子|娃|儿子|女儿|闺女|小孩|本人|自己/

/**
 * The profile in a question, and whether the question asks if someone may apply (能报吗,
 * 符合条件吗, 有资格吗, 算优先吗 …) while giving a detail of a profile or speaking of 我/孩子.
 * A general question ('哪些学生能报名？') is not an eligibility question.
 */
export function extractProfile(text: string): ExtractedProfile {
  const clauses = clausesOf(text)
  const topical = clauses.filter((c) => !isAwardClause(c.text) && !PATENT.test(c.text))
  const profile: EligibilityInput = {}

  const placeText = topical.map((c) => c.text).join('，')
  const place = pickPlace(findPlaces(placeText))
  if (place) profile.city = place.division ?? place.city

  const grade = clauses.flatMap((c) => gradeMentions(c.text)).find((g) => !g.past)?.grade
  if (grade) profile.grade = grade

  const ranks = readRanks(text, topical)
  if (ranks.subject !== undefined) profile.subjectRankPercent = ranks.subject
  if (ranks.overall !== undefined) profile.overallRankPercent = ranks.overall

  const awards = readAwards(clauses, grade)
  if (awards.length) profile.awards = awards
  const patents = readPatents(clauses)
  if (patents.length) profile.patents = patents

  const asks = ASKS.some((re) => re.test(text))
  const detailed = Object.keys(profile).length > 0 || ABOUT_SOMEONE.test(text)
  return { profile, asksEligibility: asks && detailed }
}

import type { Award, EligibilityInput, Patent } from './eligibility'
import { findPlaces, type LocatedPlace, locatePlaces, type Place, pickPlace } from './regions'
import { chineseNumberToInt } from '../chinese-numbers'

/**
 * Reads an eligibility profile (CONTRACT §3) out of a question in words:
 * '我是阳朔中学高二的，物理年级前10%，获得过自治区化学竞赛二等奖，能报吗？'.
 *
 * The text is cut into clauses at punctuation. Clauses about an award or a patent are read
 * for that alone, so that '高一拿过柳州市化学竞赛一等奖' gives an award (city level, senior
 * stage) and not the student's city or current grade. Choices where people's words are loose:
 * - A rank with neither a subject nor 总分/综合 near it ('年级前10%') is the overall rank: that is
 *   what a school's plain 年级排名 ranks by.
 * - A patent said to be granted or obtained ('已授权', '获得了…专利') is granted; one said to be
 *   applied for, under review or not yet granted is not; one the student merely has
 *   ('有一项发明专利') leaves the grant unknown, so the check asks about it.
 * - An award with no level we can read is left out (priority cannot rest on it); so is one from
 *   primary school, which the plan's 初中、高中阶段 does not cover.
 * - A place in words about school (在南宁二中读书) wins over one in words about home (户口在玉林):
 *   the plan's 辖区内 is where the student studies.
 * - A rank said to fall short of a bound ('不到前20%', '20%以外') is left out rather than taken as
 *   the bound, so the check asks for it; '15%左右' is taken as 15. A place in the class (班级第3名)
 *   is not a rank in the grade and is left out.
 * - '准高一' (about to enter 高一) is taken as 高一: the school recommends students in the autumn
 *   term (九（二）1), when a 准高一 of the summer is in 高一. '高二下学期', '高一（下）', '高1',
 *   '高中一年级' are that grade.
 */

// Words that tie a place to where the student studies, and words that tie it to the household.
const STUDY_CUE =
  /读书|就读|上学|念书|在读|读(初|高)|[上念](初|高)[一二三123]|学校|中学|高中|初中|附中|[一二三四五六七八九十\d]+中(?!心|间|等)|实验|学生|学籍|转学|借读/
const HOME_CUE = /户口|户籍|老家|出生|住在|家住|家在|祖籍|籍贯|搬|我们是|我家是|是.{1,8}人/
// Where a clause turns from one place to another ('户口在玉林，但孩子在南宁读书').
const TURN = /但是|但|不过|可是|而是|现在|目前|如今/
// A place named as what another used to belong to ('象州县，以前属于柳州地区', '原属柳州'): history, not where
// the student is; the division named with it says the city it is in today.
const FORMERLY =
  /(以前|之前|原来|原先|过去|早先|早年|曾经|当年|原本)(也)?(是|属于?|归|隶属于?|归属于?|划归|叫)$|原属于?$|旧属$/

// A place named as a neighbour ('离桂林很近', '靠近柳州', '桂林附近') or as the quota the asker would like
// to use ('能不能报到桂林那边的名额', '借南宁的指标'): somewhere the student is not.
const NEAR_BEFORE = /(离|靠近|挨着|邻近|毗邻|紧挨着?|临近)$/
const NEAR_AFTER = /^(市|县|区)?(附近|旁边|边上|隔壁|周边|很近|挺近|不远|比较近)/
const QUOTA_BEFORE = /(报|借|占|用|算|走|挂)(到|去|在|进|靠)?$/
const QUOTA_AFTER = /^(市|县|区)?(那边|这边|那里|那儿)?的?(名额|指标)/

function elsewhere(text: string, p: LocatedPlace): boolean {
  const before = text.slice(Math.max(0, p.start - 4), p.start)
  const after = text.slice(p.end)
  return (
    NEAR_BEFORE.test(before) ||
    NEAR_AFTER.test(after) ||
    /(报|借|算|挂)(到|去|进|靠)$/.test(before) ||
    // "能算桂林的报吗", "通过柳州市科协报名": a place claimed or gone through, not where the student studies.
    (/(算|当)(成|作|做)?$/.test(before) && /^(市|县|区)?(的|人)/.test(after)) ||
    (/(通过|经由|经|走|找)$/.test(before) && /^(市|县|区)?(的)?(科协|那边|渠道|名额)/.test(after)) ||
    (QUOTA_BEFORE.test(before) && QUOTA_AFTER.test(after)) ||
    // "能来桂林报这个不", "想去南宁参加": where one would go to apply, not where one studies.
    (/(来|去|到)$/.test(before) && /^(市|那边|这边)?(报|参加|申请)/.test(after)) ||
    // "柳州市科协转来一名学生情况：来宾市合山市高二学生…": the body passing the case on, not the student's place.
    /^(市|县|区)?(级)?的?(科协|教育局|科技局|教研室|教育部门)(转来|转交|转|报来|送来)/.test(after) ||
    // "听说桂林那边有个英才计划": where the program is heard of, not where the student studies.
    /^(市)?(那边|那里|这边)?(有个|有一个|在搞|在办|有这个|搞了个)/.test(after) ||
    // "暑假回桂林外婆家": a family visited, not the school.
    (/(回|去|到)$/.test(before) && /^(市)?(的)?(外婆|奶奶|爷爷|外公|姥姥|姥爷|亲戚|舅舅|姑姑|阿姨)/.test(after))
  )
}

/**
 * The place the student studies in, which is what the plan's 辖区内 asks about: places in words
 * about school (读书, 就读, 上学, 中学 …) win over places in words about home (户口, 老家, 籍贯,
 * 住在 …); then places with neither; a home place is used only when nothing else is named
 * ('我们是玉林的，孩子读高一' → 玉林). Within one kind, pickPlace decides.
 */
function studentPlace(text: string): Place | undefined {
  const all = locatePlaces(text).filter((p) => !elsewhere(text, p))
  const located =
    all.length > 1 ? all.filter((p) => !FORMERLY.test(text.slice(Math.max(0, p.start - 6), p.start))) : all
  if (!located.length) return undefined
  const tiers: LocatedPlace[][] = [[], [], []]
  let from = 0
  // A bracketed remark is a piece of its own ('某中学高二学生（户籍桂林全州）'): its words tie only its places.
  for (const piece of text.split(new RegExp(`(?<=，)|(?=${TURN.source})|(?=[（(])|(?<=[)）])`))) {
    const end = from + piece.length
    const tier = STUDY_CUE.test(piece) ? 0 : HOME_CUE.test(piece) ? 2 : 1
    for (const p of located) if (p.start >= from && p.start < end) tiers[tier]?.push(p)
    from = end
  }
  for (const tier of tiers) {
    const place = pickPlace(tier.map((p) => p.place))
    // '我们是桂林灵川县的，…还是只限桂林市区': the county named in the same city says where, more exactly.
    if (place)
      return place.division
        ? place
        : (located.find((p) => p.place.city === place.city && p.place.division)?.place ?? place)
  }
  return undefined
}

/** What extractProfile found: the profile, and whether the text asks if someone may apply. */
export interface ExtractedProfile {
  profile: EligibilityInput
  asksEligibility: boolean
  /** The grant said with no patent type named ('还在审', '已经授权了'): an answer to whether a patent is granted. */
  patentGranted?: boolean
}

const NUMBER = '[0-9０-９.．零〇一二两三四五六七八九十百千点]+'

/** A number written in digits or in Chinese numerals ('15.5', '三十', '四百', '十五点五'); NaN when it is not one. */
export function parseNumber(text: string): number {
  const s = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s)
  const [whole = '', fraction] = s.split('点')
  const total = chineseNumberToInt(whole)
  if (total === undefined) return Number.NaN
  if (fraction === undefined) return total
  // Decimals are read digit by digit (十五点五 → 15.5, 十五点零五 → 15.05); a unit there is not a number.
  if (!/^[零〇一二两三四五六七八九]+$/.test(fraction)) return Number.NaN
  return Number(`${total}.${[...fraction].map((ch) => chineseNumberToInt(ch)).join('')}`)
}

// Words that start a new sentence in speech written out with no punctuation.
const SPOKEN_JOINER = /(?=然后|想问一?下|我想问|去年|前年)/

interface Clause {
  text: string
  start: number
}

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = []
  // Brackets do not cut a clause: '数学奥林匹克竞赛（广西赛区）一等奖' is one award.
  const re = /[^，,。；;！!？?\n\s]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A voice message runs its sentences together ('…读高一然后物理前10%去年做了个专利…'): the spoken
    // joiners cut it as a comma would.
    let start = m.index
    for (const piece of m[0].split(SPOKEN_JOINER)) {
      if (piece) clauses.push({ text: piece, start })
      start += piece.length
    }
  }
  return clauses
}

// Competitions named by their own names, with no 竞赛/大赛 in them: CCF's CSP-J/S and NOIP/NOI,
// the international olympiads, ISEF, and awards such as 宋庆龄少年儿童发明奖 or 明天小小科学家.
const NAMED_EVENT =
  /CSP|NOIP?|IOI|IMO|IPhO|IChO|IBO|CMO|CPhO|CChO|CBO|ISEF|英特尔国际科学与工程|宋庆龄|小小科学家|丘成桐|白名单/i
// 科技活动 count as the plan says (科技竞赛或科技活动): '自治区青少年科学调查体验活动…一等奖'.
const AWARD_EVENT = new RegExp(
  `竞赛|大赛|比赛|联赛|奥赛|奥林匹克|奥数|杯赛|评比|科技节|科[^，,。；;]{0,10}活动|${NAMED_EVENT.source}`,
  'i',
)
const AWARD_PRIZE =
  /奖|金牌|银牌|铜牌|冠军|亚军|季军|[一二三]等|[国省市县][一二三](?!中|年)|名次|第[一二三四五六七八九十\d]+名|称号|获评|评为/
const NO_AWARD = /没(有)?(拿|获|得)|未(获|得)|没(有)?(什么)?奖|无奖/
const PATENT = /专利/

function isAwardClause(text: string): boolean {
  return (AWARD_EVENT.test(text) && AWARD_PRIZE.test(text)) || /获奖|得奖|奖项/.test(text)
}

// Where an award's words begin in a clause that first says who the student is ('七星区某校高一新生
// 初中时曾获全国…二等奖'): the part before still names the school's place and the student's rank.
const AWARD_VERB = /(?:初中|高中|小学)?(?:时|的时候|阶段)?(?:曾经?|还|也)?(?:荣获|获得|获过|获|拿过|拿了|拿到|得过)/
function beforeAward(text: string): string {
  // '百色高级中学拟推荐高二学生：全国中学生物理竞赛一等奖': with no verb, a colon ends who the student is.
  const colon = text.search(/[：:]/)
  const at = text.search(AWARD_VERB) > 0 ? text.search(AWARD_VERB) : colon
  const head = at > 0 ? text.slice(0, at) : ''
  return AWARD_EVENT.test(head) || AWARD_PRIZE.test(head) ? '' : head
}

// A grade word not inside 提高/最高…, and not a digit run ('高10%' is no grade).
const GRADE_WORD =
  /(?<![提最较很更太偏增升拔])(初|高)中?([一二三]|[123](?![\d.%％]))(?:年级)?|(十[一二]|1[0-2]|[七八九十789])年级/g
const PAST_TIME =
  /^(上学期|下学期)?(的时候|时候|时|那年|那会儿?|期间|阶段)|^(上学期|下学期)?(还|就|曾经?)?(拿|获|得过|参加|取得|荣获)/

// A grade being entered ('刚升高二', '即将升入高二', '高一升高二的暑假'): 升 before the grade, which
// GRADE_WORD leaves out (升高 is also 'raise'); 提升/晋升 are not.
const GRADE_ENTERED = /(?<![提晋拔])升(?:入|到|上|读)?(初|高)中?([一二三123])(?![\d.%％])/g
// The grade being left, right before 升 ('高一升高二'): not the student's grade any more.
// A later school year, said before 升 ('明年升入高一', '下学年才升高一').
const LATER_YEAR = /明年|下一?学年|下一年|后年|将来|以后/
/** Applying now, whatever grade comes next ("现在就想报", "现在能报吗"). */
const NOW_APPLYING = /现在就?(想|能|可以|要)?(报|申请|参加)/
const GRADE_LEFT = /^(?:年级)?(?:的)?(?:要|就要|马上|即将)?升/

interface GradeMention {
  grade: string
  /** True when the words say when something happened ('高一时', '初二那年拿过'), not the student's grade now. */
  past: boolean
  /** True for a grade being entered ('升高二'); it wins over any other grade in the text. */
  entered?: boolean
  /** Where the grade word is in the clause, to keep mentions in text order. */
  at: number
}

function gradeMentions(text: string): GradeMention[] {
  const found: GradeMention[] = []
  for (const m of text.matchAll(GRADE_ENTERED)) {
    // Entering it only in a later school year ('明年升入高一'): not the grade of this year's application.
    if (LATER_YEAR.test(text.slice(Math.max(0, (m.index ?? 0) - 8), m.index))) continue
    const grade = `${m[1]}${({ 一: '一', 二: '二', 三: '三', '1': '一', '2': '二', '3': '三' } as Record<string, string>)[m[2] as string]}`
    found.push({ grade, past: false, entered: true, at: m.index ?? 0 })
  }
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
    if (GRADE_LEFT.test(after) && found.some((f) => f.entered)) continue
    // "明年9月份才上高一，现在读初三": a grade of a later school year is not the student's now.
    const before = text.slice(Math.max(0, (m.index ?? 0) - 10), m.index)
    if ((LATER_YEAR.test(before) && /(上|读|进|念)$/.test(before)) || /才(上|进|升)$/.test(before)) continue
    found.push({ grade, past: PAST_TIME.test(after), at: m.index ?? 0 })
  }
  return found.sort((a, b) => a.at - b.at)
}

/**
 * The student's grade in the school year of the application: a grade being entered
 * ('今年刚升高二', '即将升高二', '高一升高二的暑假') is that grade, since the school recommends
 * in the autumn term (九（二）1); otherwise the first grade not said of a past time.
 */
/** Two grades offered as alternatives ('高一还是高二不清楚', '高一或高二待核实'): no grade is known. */
const GRADE_ALTERNATIVES = /[高初][一二三](还是|或者?是?|抑或)[高初][一二三]/g

function currentGrade(clauses: Clause[]): string | undefined {
  const all = clauses.flatMap((c) => gradeMentions(c.text.replace(GRADE_ALTERNATIVES, ''))).filter((g) => !g.past)
  // "初三，马上升高一了，…现在就想报": applying now, in the grade the student is in now.
  const now = NOW_APPLYING.test(clauses.map((c) => c.text).join('，'))
  const mentions = now && all.some((g) => !g.entered) ? all.filter((g) => !g.entered) : all
  return (mentions.find((g) => g.entered) ?? mentions[0])?.grade
}

const SUBJECT_WORDS = /(数学|物理|化学|生物学?|计算机|信息学?|信息技术|语文|英语|地理|历史|政治|科学|单科|学科|偏科)/g
const OVERALL_WORDS = /(总分|综合|总成绩|总排名|总体|整体|全科|总评|总的|各科|文化课)/g

// A kind said right after the rank ('年级第90名（综合排名）', '前两成，是总分排名').
const KIND_AFTER = new RegExp(
  `^\\s*(?:名|位)?\\s*(?:[（(]|(?:这是|是|为|按|指))\\s*(?:按|指)?(${OVERALL_WORDS.source}|${SUBJECT_WORDS.source})`,
)

/**
 * Subject or overall: a kind said right after the rank, else the nearest such word before `at`
 * in the clause; overall when none.
 */
function rankKind(
  clause: string,
  at: number,
  end = at,
  carried: 'subject' | 'overall' = 'overall',
): 'subject' | 'overall' {
  const after = KIND_AFTER.exec(clause.slice(end))
  if (after) return after[2] ? 'overall' : 'subject'
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
  return best?.kind ?? carried
}

/** The kind a clause names with no rank of its own ('最好的单科为物理，位列年级前18%'), for the clause after it. */
function namedKind(clause: string): 'subject' | 'overall' | undefined {
  const subject = clause.search(SUBJECT_WORDS)
  const overall = clause.search(OVERALL_WORDS)
  if (subject < 0 && overall < 0) return undefined
  return subject > overall ? 'subject' : 'overall'
}

const PERCENT = new RegExp(`(${NUMBER})\\s*[%％]|百分之(${NUMBER})`, 'g')
// Shares said another way: tenths ('前两成' 20, '前一成半' 15) and fractions ('前1/5', '五分之一').
const TENTHS = new RegExp(`前\\s*(${NUMBER})\\s*成(半)?(?![绩功员为长果就立])`, 'g')
const FRACTION =
  /前\s*(\d+)\s*[/／]\s*(\d+)|(?<![百千万\d一二两三四五六七八九十])([一二两三四五六七八九十\d]+)\s*分之\s*([一二两三四五六七八九十\d]+)/g
const HALF = /(?<=(?:年级|排名?|排在|名次|成绩|总分|综合)[^，,。]{0,3})(?:前)?一半/g
// Where a number given as a place in the grade may stop: '排第20', '年级第31名', '排名20左右'.
const PLACE_END = '(?=$|[名位、，,。；;！!？?\\s（）()/／]|左右|上下|的样子|多名)'
const PLACE_IN_GRADE = new RegExp(
  `第\\s*(${NUMBER})\\s*(?:名|位)|前\\s*(${NUMBER})\\s*名|(?:排名?|名次)(?:是|为|在|到|了|排)?\\s*第?\\s*(${NUMBER})${PLACE_END}|年级第\\s*(${NUMBER})${PLACE_END}`,
  'g',
)
// '年级排名31/200': the place and the grade's size in one.
const PLACE_OF_SIZE = /第?\s*(\d+)\s*名?\s*[/／]\s*(\d+)\s*(?:人|名)?/g
const SIZE_UNIT = '(?:多|余)?\\s*(?:(?:个|名|位)?\\s*(?:人|学生|考生|同学)|名|位)'
const GRADE_SIZE = new RegExp(
  `(?:全年级|年级|全级|级部|全校|同年级|这一届|整个年级)(?:里|中|内|的)?(?:都是|都|总共有|一共有|共有|总共|一共|共计|合计|总计|共|只有|才|就|有|是|大概|大约|约|差不多|刚好|正好|恰好)*\\s*(${NUMBER})\\s*(?:多|余)?\\s*(?:个|名|位)?\\s*(?:人|学生|考生|同学)` +
    `|(?:总共|一共|共计|合计|总计|共)有?\\s*(${NUMBER})\\s*${SIZE_UNIT}` +
    `|(${NUMBER})\\s*(?:多|余)?\\s*(?:个|名|位)?(?:人|学生|考生)(?:中|里|当中|里面|之中|的年级)` +
    // The size in brackets after the grade ('高二（250人）', '高一年级(共300名学生)').
    `|(?:年级|高[一二三])\\s*[（(]\\s*(?:全年级|年级)?(?:总共|一共|共有|共)?\\s*(${NUMBER})\\s*${SIZE_UNIT}\\s*[)）]`,
)
// A rank said to fall short of a bound ('不到前20%', '没进前50名', '20%以外') tells only that the
// student is below it; taking the bound as the rank would pass a student who said they fail.
// Such a rank is left out, so the check asks for it rather than guessing.
const SHORT_OF_BEFORE =
  /(?:不到|没进|没到|不在|达不到|进不了|没有进|没有到|没能进|未进|未达到?|没达到|差一?点|差点|够不到|够不上|后|倒数)\s*(?:年级)?\s*前?\s*$/
const SHORT_OF_AFTER = /^\s*(?:以外|之外|开外|以后|之后|往后|后面|多一点|多|几|出头|还差)/
// Who a rank is among: the class ('班级第3名') is not the grade the plan asks about.
const CLASS_SCOPE = /班级|班上|班里|班内|全班|本班|班/g
const GRADE_SCOPE = /年级|全级|级部|全校|学校|年段|同级/g
// A rank of the 中考 or among a whole city, county or province ('中考全市前1%') is not a rank in
// the school's grade either: a 高一新生 with only that has no grade rank yet, and is asked for one.
// (期中考试 is an exam of the school, not the 中考.)
const WIDER_SCOPE =
  /(?<![期高初])中考|升学考|入学考|小升初|全市|市里|全县|县里|全省|省里|全区(?!级)|全广西|全自治区|城区/g

interface Ranks {
  subject?: number
  overall?: number
}

/** True when the nearest word before `at` that says among whom the rank is speaks of the class (or wider than the school). */
function amongClass(clause: string, at: number): boolean {
  const last = (re: RegExp) => {
    let end = -1
    for (const m of clause.matchAll(re)) if ((m.index ?? 0) <= at) end = Math.max(end, m.index ?? 0)
    return end
  }
  const cls = last(CLASS_SCOPE)
  const grade = last(GRADE_SCOPE)
  if (last(WIDER_SCOPE) > Math.max(grade, cls)) return true
  if (cls < 0 && grade < 0) return /班/.test(clause) && !/年级/.test(clause)
  return cls > grade
}

// The plan's line asked as places or named as the line ('前20%对应前多少名', '是否达到前20%的标准'): the rule, not the student's rank.
const RULE_ASKED_AFTER =
  /^\s*(?:(?:的)?(?:对应|相当于|等于|换算|折合|即|就是|是)[^，,。；;]{0,6}(?:多少|几)(?:名|位|人)?|[^，,。；;]{0,4}(?:多少|几)名|的?(?:标准|要求|条件|线|规定|门槛))/

function shortOf(clause: string, start: number, end: number): boolean {
  return (
    SHORT_OF_BEFORE.test(clause.slice(Math.max(0, start - 6), start)) ||
    // "听说单科要前15%": the line said as a rule, not the student's rank.
    /(要|须|需|需要|得|必须|要求|规定)\s*(年级)?\s*前?\s*$/.test(clause.slice(Math.max(0, start - 6), start)) ||
    // "…第75名（年级450人），够15%不": the line asked against, not the student's rank.
    (/(够|达到|达|满足|过|进|到)\s*(年级)?\s*前?\s*$/.test(clause.slice(Math.max(0, start - 6), start)) &&
      /^\s*[%％]?\s*(不|吗|么|没|了吗|没有)\s*[?？]?\s*$/.test(clause.slice(end))) ||
    SHORT_OF_AFTER.test(clause.slice(end)) ||
    RULE_ASKED_AFTER.test(clause.slice(end))
  )
}

function readRanks(clauses: Clause[]): Ranks {
  const ranks: Ranks = {}
  const note = (kind: 'subject' | 'overall', value: number) => {
    if (!(value > 0 && value <= 100)) return
    const rounded = Math.round(value * 100) / 100
    ranks[kind] = Math.min(ranks[kind] ?? Number.POSITIVE_INFINITY, rounded)
  }
  const sizeMatch = GRADE_SIZE.exec(clauses.map((c) => c.text).join('，'))
  const size = sizeMatch
    ? parseNumber((sizeMatch[1] ?? sizeMatch[2] ?? sizeMatch[3] ?? sizeMatch[4]) as string)
    : Number.NaN
  let carried: 'subject' | 'overall' = 'overall'
  for (const clause of clauses) {
    const t = clause.text
    const kindOf = (m: RegExpMatchArray) => rankKind(t, m.index ?? 0, (m.index ?? 0) + m[0].length, carried)
    const noted = `${ranks.subject},${ranks.overall}`
    const usable = (m: RegExpMatchArray) => {
      const at = m.index ?? 0
      return !amongClass(t, at) && !shortOf(t, at, at + m[0].length)
    }
    for (const m of t.matchAll(PERCENT)) {
      const value = parseNumber((m[1] ?? m[2]) as string)
      if (!Number.isNaN(value) && usable(m)) note(kindOf(m), value)
    }
    for (const m of t.matchAll(TENTHS)) {
      const tenths = parseNumber(m[1] as string)
      const value = tenths * 10 + (m[2] ? 5 : 0)
      if (tenths < 10 && !Number.isNaN(value) && usable(m)) note(kindOf(m), value)
    }
    const fractions = [...t.matchAll(FRACTION)]
    for (const m of fractions) {
      const part = m[1] ? Number(m[1]) : parseNumber(m[4] as string)
      const whole = m[1] ? Number(m[2]) : parseNumber(m[3] as string)
      if (part > 0 && part < whole && usable(m)) note(kindOf(m), (part / whole) * 100)
    }
    // '总分排年级一半左右': the middle of the grade.
    for (const m of t.matchAll(HALF)) if (usable(m)) note(kindOf(m), 50)
    if (/排|名|年级/.test(t) && !fractions.some((m) => m[1])) {
      for (const m of t.matchAll(PLACE_OF_SIZE)) {
        const place = Number(m[1])
        const of = Number(m[2])
        if (place > 0 && place <= of && usable(m)) note(kindOf(m), (place / of) * 100)
      }
    }
    if (size > 0) {
      for (const m of t.matchAll(PLACE_IN_GRADE)) {
        const place = parseNumber((m[1] ?? m[2] ?? m[3] ?? m[4]) as string)
        if (place > 0 && place <= size && usable(m)) note(kindOf(m), (place / size) * 100)
      }
    }
    // A clause that names a kind and gives no rank leads to the rank of the clause after it.
    carried = noted === `${ranks.subject},${ranks.overall}` ? (namedKind(t) ?? 'overall') : 'overall'
  }
  // "前20%左右，搞不清是单科还是总分": a rank of unknown kind is read against the stricter line, the
  // subject's, so that only a rank good enough either way passes and one between the lines is asked about.
  const all = clauses.map((c) => c.text).join('，')
  if (UNSURE_KIND.test(all) && ranks.overall !== undefined && ranks.subject === undefined) {
    ranks.subject = ranks.overall
    delete ranks.overall
  }
  return ranks
}

/** The kind of a rank said to be unknown ("搞不清是单科还是总分"). */
const UNSURE_KIND =
  /(搞不清|不清楚|不知道|不确定|说不清|分不清|不晓得)[^，,。；;]{0,4}(单科|学科|科目)[^，,。；;]{0,2}还是[^，,。；;]{0,2}(总分|综合|总成绩)|(单科|学科)还是(总分|综合)[^，,。；;]{0,4}(搞不清|不清楚|不知道|不确定|说不清)/

// The level an award is at, most explicit words first: 省一/赛区/广西 say regional even inside
// a national event's name ('全国中学生数学奥林匹克竞赛（广西赛区）一等奖'); 国一/全国决赛/国家级
// say national. ISEF and the international olympiads are above national, which the plan's
// 自治区级及以上 counts as national. Events held only nationally (宋庆龄少年儿童发明奖, 明天小小
// 科学家, 中国青少年机器人竞赛 …) are national when no other level is said.
const LEVEL_PATTERNS: [RegExp, Award['level']][] = [
  [
    /全国(总)?决赛|国家级|国赛|国家集训队|国家队|国际|国[一二三](?!中|年)|IOI|IMO|IPhO|IChO|IBO|ISEF|NOI(?!P)/i,
    'national',
  ],
  [/赛区|省级|省赛|自治区|(?<![县市])区级|全区|广西|省[一二三]|初赛|预赛/, 'regional'],
  [/全国|国家|^中国|中国青少年|宋庆龄|小小科学家|丘成桐|CMO|CPhO|CChO|CBO/i, 'national'],
  [/市级|市赛|地市|市里|全市|市[一二三]等/, 'city'],
  [/县级|县赛|区县|县区级|县里|全县|县[一二三]等/, 'county'],
  [/校级|校内|校赛|学校|本校|全校|校园|年级|^校|校(科技|艺术|文化|读书|体育)节/, 'school'],
]

// CSP-J/S and NOIP prizes are given per province (省一/省二/省三), so one with no level said is regional.
const PROVINCIAL_EVENT = /CSP|NOIP/i

// A round held by one city or county of a wider contest ('全国青少年科技创新大赛柳州市选拔赛').
const LOCAL_ROUND = /^(选拔赛|赛区|分赛|预赛|初赛|复赛|决赛|市赛|县赛|区赛|区级|县级|市级|赛|级)/

function awardLevel(text: string): Award['level'] | undefined {
  for (const p of locatePlaces(text)) {
    if (p.place.inGuangxi && LOCAL_ROUND.test(text.slice(p.end))) return p.place.division ? 'county' : 'city'
  }
  for (const [re, level] of LEVEL_PATTERNS) if (re.test(text)) return level
  if (PROVINCIAL_EVENT.test(text)) return 'regional'
  const place = pickPlace(findPlaces(text).filter((p) => p.inGuangxi))
  if (place) return place.division ? 'county' : 'city'
  return undefined
}

// The five subject olympiads (数学、物理、化学、生物、信息学), by subject or by name; CSP-J/S is
// the first round of the informatics olympiad.
const OLYMPIAD =
  /(数学|物理|化学|生物学?|信息学?|计算机)(学科)?(竞赛|联赛|奥赛|奥林匹克|比赛)|奥赛|奥数|奥林匹克|学科竞赛|五项|五大学科|联赛|CSP|NOIP?|IOI|IMO|IPhO|IChO|IBO|CMO|CPhO|CChO|CBO/i
// Science and technology contests; the ministry's 白名单 of contests counts here when no subject
// olympiad is named, since most of its entries are science and technology contests.
const SCIENCE =
  /科技|科创|创新大赛|创新竞赛|发明|机器人|科学|小小科学家|科普|航模|无人机|科幻|ISEF|英特尔|丘成桐|白名单|编程|人工智能|信息素养/i

function awardCategory(text: string): Award['category'] {
  if (OLYMPIAD.test(text)) return 'subject_olympiad'
  if (SCIENCE.test(text)) return 'science_competition'
  return 'other'
}

const JUNIOR = /初中|(?<![月年])初[一二三]|[七八九]年级/
const SENIOR = /高中|(?<![提最较很更太偏增升拔])高[一二三]/

/**
 * '参加全国中学生化学竞赛，拿了广西赛区二等奖': a clause naming the event and the next naming only its
 * prize are one award.
 */
function withPrizeJoined(clauses: Clause[]): Clause[] {
  const out: Clause[] = []
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as Clause
    const next = clauses[i + 1]
    const eventOnly = AWARD_EVENT.test(c.text) && !AWARD_PRIZE.test(c.text)
    if (next && eventOnly && AWARD_PRIZE.test(next.text) && !AWARD_EVENT.test(next.text)) {
      out.push({ ...c, text: `${c.text}，${next.text}` })
      i++
    } else out.push(c)
  }
  return out
}

function readAwards(clauses: Clause[], currentGrade: string | undefined): Award[] {
  const awards: Award[] = []
  for (const clause of withPrizeJoined(clauses)) {
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
  /在审|审查|审核中|受理|申请中|在申请|在审批|待批|等批|提交申请|已申请|申请了|申请过|正在申请|还没|尚未|未授权|没授权|没有授权|待授权|等待?授权|实审|公开/
// A grant negated a few words before ('尚未获得授权', '还没拿到证书') is no grant.
const GRANTED = /(?<!(?:未|没|没有|待|等待|等)(?:获得|取得|得到|拿到|获|被)?)(授权|授予|证书|下证|批下来|批了)/
/** Obtaining a patent is its grant; merely having one (有, 拥有) says nothing of it. */
const OBTAINED = /获得|取得|拿到|持有/
// A 小发明 is the thing made, not an invention patent.
const PATENT_TYPE = /(?<!小)(发明|实用新型|外观设计|外观)(专利)?/g

/** The last state said wins: '申请了…现在已经授权了' is granted, '授权了吗？还没' is not. */
function patentGranted(text: string): boolean | undefined {
  const last = (re: RegExp) => Math.max(-1, ...[...text.matchAll(new RegExp(re.source, 'g'))].map((m) => m.index ?? 0))
  const pending = last(PENDING)
  const granted = last(GRANTED)
  if (pending >= 0 || granted >= 0) return granted > pending
  return OBTAINED.test(text) ? true : undefined
}

/**
 * The grant said of a patent whose type is not named ('专利还在审'), or of none ('已经授权了', in
 * answer to whether it is granted); undefined when no grant is said, or a type is named.
 */
function untypedGrant(text: string): boolean | undefined {
  if (new RegExp(PATENT_TYPE.source).test(text) || !(PENDING.test(text) || GRANTED.test(text))) return undefined
  return patentGranted(text)
}

/**
 * Where the words about a patent begin in a clause ('南宁高一物理前12%有个专利已经受理了' → at 有个),
 * so that a run-on voice message keeps what it said before them; the clause's length when none.
 */
function patentWordsStart(text: string): number {
  const m =
    /(还|并且|而且|另外|同时|也)?(有|拥有|持有|获得?|取得|拿到|拿过|申请|申报|做)?了?过?([一两二三几\d])?[个项件]?[^，,。；;！!？?\s\d%％]{0,6}?专利/.exec(
      text,
    )
  return m ? m.index : text.length
}

/**
 * A clause that only goes on about the patent named before it: its type, when it was applied
 * for or granted ('去年申请的', '前年申报', '今年已经授权了', '实用新型的', '还没批下来').
 */
const PATENT_DETAIL = new RegExp(`${PATENT_TYPE.source}|${PENDING.source}|${GRANTED.source}|申请|申报|授权|批`)

/**
 * '我有个专利，去年申请的，今年已经授权了，实用新型的': a clause naming a patent and the clauses after it
 * that only add its type or grant are one clause; a clause naming a patent again starts another.
 */
function withPatentDetails(clauses: Clause[]): Clause[] {
  const out: Clause[] = []
  let open: Clause | undefined
  for (const c of clauses) {
    // "…已经授权了 但是学校还没出年级排名": a clause about the ranks says nothing of the patent.
    if (open && !PATENT.test(c.text) && PATENT_DETAIL.test(c.text) && !/排名|成绩|名次|年级|[%％]/.test(c.text)) {
      open.text = `${open.text}，${c.text}`
      continue
    }
    open = PATENT.test(c.text) ? { ...c } : undefined
    out.push(open ?? c)
  }
  return out
}

function readPatents(clauses: Clause[]): Patent[] {
  const patents: Patent[] = []
  // "有一项发明专利和一项实用新型专利，都已授权": the grant may be said in a clause of its own.
  const whole = clauses.map((c) => c.text).join('，')
  const saidOfAll = patentGranted(whole)
  for (const clause of withPatentDetails(clauses)) {
    if (!PATENT.test(clause.text) || /没有[^，,。；;]{0,6}专利|没(申请|拿)|无专利/.test(clause.text)) continue
    const clauseGranted = patentGranted(clause.text)
    // A patent not yet granted counts for nothing whatever its type, so an unnamed type does not
    // matter: it is kept as not granted (under the first type; the checks never show the type of
    // a patent not granted). A granted one of unnamed type is left out: its type decides.
    if (untypedGrant(clause.text) === false) patents.push({ type: 'invention', granted: false })
    for (const piece of clause.text.split(/和|以及|及|、|还有|另外/)) {
      for (const m of piece.matchAll(PATENT_TYPE)) {
        const type: Patent['type'] = m[1] === '发明' ? 'invention' : m[1] === '实用新型' ? 'utility_model' : 'design'
        const granted = patentGranted(piece) ?? clauseGranted ?? saidOfAll
        patents.push(granted === undefined ? { type } : { type, granted })
      }
    }
  }
  return patents
}

/**
 * Asking to apply in Guangxi's spoken forms (给 = 可以 in 桂柳话: 给报不, 给不给报, 给报吗咯) and an
 * office's formal request to confirm a student's standing (能否确认资格, 请确认其资格, 资格是否成立), and
 * asking for a judgement of the details given (现在能判断吗, 帮我判断一下, 其资格如何认定, 这都不行？).
 */
export const SPOKEN_APPLY_ASK =
  /(能|可以|能不能|能否|可否|可不可以|帮(我|忙)?|请)(先)?(判断|判定)(一下)?(吗|么|不|呢|出来|[?？]|$)|(这|这样|那|就)?(都|也|还)不行(吗|么|啊|呀|[?？!！]|$)|资格[^，,。？?]{0,2}(如何|怎么|怎样|怎么样)(认定|判断|判定|确定|界定)|(应|该|应当)?(如何|怎么|怎样)(认定|判定)[?？]?$|(如何|怎么|怎样)(认定|判断|判定|界定)[^，,。？?]{0,4}资格|给(不给)?(申?报|参加|申请|参与)(名)?(不|吗|么|没|啵|嘛)|给不给(申?报|参加|申请|参与)|(确认|确定|核实|认定|核定|审定|判断|判定)[^，,。？?]{0,4}(报名|申报|遴选|推荐)?资格|资格[^，,。？?]{0,4}(是否|能否|可否)(符合|成立|有效|具备|合格|确认|认定|确定)|资格(如何|怎么样|怎样)[?？]?$/
const ASKS = [
  SPOKEN_APPLY_ASK,
  // Loose ways of asking: 有戏吗, 有没有希望, 够格吗, 行不行, 能不能上, 有机会吗, 可以冲吗.
  /有(没有)?(戏|希望|机会|可能)(吗|么|嘛|不|没|呢|？|\?|$|[，。！!]|入选|选上|报|参加)/,
  /(行不行|行吗|行么|行不|可行吗)/,
  /(能|可以|能不能|有没有可能)(上|选上|进|被选中)(吗|么|嘛|不|没|呢|？|\?|$)|上得了|进得去|选得上/,
  /(可以|能|能不能|值得|敢)冲|冲一冲|冲一下|(可以|能|值得)试试|试一试|试一下/,
  /够格|够不够|够吗|够么|够呢|达标(吗|么|没|不|了吗)/,
  // A verb may stand between: 能来报吗, 可以来参加吗, 能去申请吗, 能提前报吗, 能报上吗.
  /(能|可以|可不可以|能不能|能否|可否|还能|有没有可能)(来|去|过来|也|再|直接|提前|先|早点|跳级)?(报|申请|参加|参与|入选|选上|被选)/,
  /够(不够)?(报|申请|参加)|(是否|能否|可否)(符合|满足|达到)/,
  /(符合|够|满足|达到|达)(了)?(报名|申请|遴选|参加|推荐)?(的)?(条件|要求|资格|标准)?(吗|不|么|没|嘛|呢|？|\?)/,
  /有(没有)?资格|够(不够)?(条件|格)|报得(了|上)|(具备|具有|有无)[^，,。？?]{0,4}资格|受理[^，,。？?]{0,6}申请|(列入|纳入)[^，,。？?]{0,6}名单|没戏/,
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
  const topical = clauses
    .map((c) => (isAwardClause(c.text) ? { ...c, text: beforeAward(c.text) } : c))
    .map((c) => (PATENT.test(c.text) ? { ...c, text: c.text.slice(0, patentWordsStart(c.text)) } : c))
    .filter((c) => c.text)
  const profile: EligibilityInput = {}

  const place = studentPlace(topical.map((c) => c.text).join('，'))
  if (place) profile.city = place.inGuangxi ? (place.division ?? place.city) : place.matched

  const grade = currentGrade(clauses)
  if (grade) profile.grade = grade

  const ranks = readRanks(topical)
  if (ranks.subject !== undefined) profile.subjectRankPercent = ranks.subject
  if (ranks.overall !== undefined) profile.overallRankPercent = ranks.overall

  const awards = readAwards(clauses, grade)
  if (awards.length) profile.awards = awards
  const patents = readPatents(clauses)
  if (patents.length) profile.patents = patents

  const asks = ASKS.some((re) => re.test(text))
  const detailed = Object.keys(profile).length > 0 || ABOUT_SOMEONE.test(text)
  const grant = untypedGrant(text)
  return { profile, asksEligibility: asks && detailed, ...(grant === undefined ? {} : { patentGranted: grant }) }
}

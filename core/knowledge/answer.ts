import { describeDue, describeMonth } from '../rules/deadlines'
import { beijingDate, chineseDate, chineseMonth } from '../time'
import { checkEligibility } from '../rules/eligibility'
import { explainEligibility } from '../rules/explain-eligibility'
import { extractProfile } from '../rules/extract-profile'
import { findPlaces } from '../rules/regions'
import { normaliseText } from './normalise'
import { officeContact, type Program, type ProgramFact, type ProgramMilestone } from './program'
import { coverage, type FactIndex, factIndex, retrievalText, type ScoredFact, searchFacts } from './retrieval'
import { synonymTerms } from './synonyms'

/**
 * The deterministic answerer: structured intents first (greeting, eligibility with a profile,
 * out-of-scope and not-in-the-plan topics, contacts, quotas, dates of steps), then BM25
 * retrieval over the program's facts. Everything it says comes from the program data, so it
 * never invents a date, number or rule; `facts` hands the same material to an optional LLM.
 */

/** One fact an answer rests on, in words an LLM may rephrase. */
export interface AnswerFact {
  section: string
  title: string
  text: string
}

/** The deterministic answer to one question. */
export interface QaAnswer {
  /** Chinese for a person, at most 400 characters, the answer first. */
  answer: string
  /** greeting | eligibility | out_of_scope | not_in_document | contact | quota | deadline | schedule | fact | process */
  intent: string
  /** The plan's articles the answer rests on. */
  sources: { section: string; title: string }[]
  /** Present only when the question asks whether a described student can apply. */
  eligibility?: { verdict: 'eligible' | 'ineligible' | 'unknown'; priority: boolean }
  /** 0..1; below 0.5 the caller records the question for the office to review. */
  confidence: number
  /** The facts the answer rests on. */
  facts: AnswerFact[]
}

/** The most characters an answer may have (CONTRACT §2). */
export const MAX_ANSWER_CHARS = 400

// ---------------------------------------------------------------------------------------------
// Topic lists. Each is a pattern over the normalised question.

/** Questions about things the plan says nothing about; `label` names the topic in the reply. */
const NOT_IN_PLAN: { pattern: RegExp; label: string }[] = [
  {
    pattern: /费用|收费|交钱|多少钱|学费|要钱|花钱|缴费|付费|报名费|培训费|免费|自费|掏钱/,
    label: '是否收费、收多少费用',
  },
  { pattern: /住宿|包住|住哪|住校|宿舍|过夜|酒店|吃饭|伙食|食堂|包吃|餐费|吃住|食宿/, label: '食宿安排' },
  { pattern: /证书|结业证|证明|奖状|发证/, label: '是否颁发证书' },
  { pattern: /面试|笔试|考试|考什么|试题|考题|出题|准备.{0,4}题/, label: '遴选的具体形式（是否面试、笔试，考什么）' },
  {
    pattern: /(每|一|1|各)(个|所)?(学校|中学|高中|校).{0,8}(名额|几个|多少|推荐|限报|最多)|每校|限报/,
    label: '每所学校能推荐多少名学生',
  },
  { pattern: /(每|一|1)(个|位)导师.{0,6}(几|多少)|导师.{0,2}带(几|多少)/, label: '每位导师带多少名学生' },
  {
    pattern:
      /加分|保送|强基|自主招生|降分|免试|直接录取|优先录取|升学.{0,4}(优惠|照顾)|(高考|中考).{0,6}(优惠|优待|照顾|有用|帮助)/,
    label: '升学（如高考加分、保送）方面的优惠',
  },
  { pattern: /交通|补贴|补助|报销|车费|路费|接送|奖学金|津贴|发钱|给钱/, label: '交通、补贴或报销' },
  { pattern: /保险|安全问题|安全保障/, label: '保险和安全安排' },
  { pattern: /线上|网课|远程|视频上课/, label: '能否线上参加' },
  {
    pattern: /周末|寒假|暑假|请假|耽误|影响学习|几点|上课时间|哪天去/,
    label: '具体的活动时间安排（哪天、几点、是否占用周末或假期）',
  },
  {
    pattern: /录取率|通过率|竞争|好不好进|难不难|概率|把握|去年.{0,4}(分数|线|多少)|往年.{0,4}(分数|线)/,
    label: '录取率和竞争情况',
  },
  { pattern: /导师(名单|都有谁|有哪些人|叫什么|是哪些人)|(具体|有)哪些导师/, label: '具体的导师名单' },
  { pattern: /陪同|陪着|家长.{0,3}跟着/, label: '家长是否陪同' },
]

/** Questions about something other than the program. */
const OUT_OF_SCOPE =
  /天气|下雨|怎么学好|学习方法|提高成绩|提分|补课|辅导班|下雪|气温|温度|刮风|台风|解题|方程|这道题|这题|作业|x²|x\^|求解|算一下|笑话|讲个故事|聊聊|聊天|陪我|无聊|唱歌|高考志愿|填志愿|志愿填报|报志愿|游戏|电影|电视剧|吃什么|股票|彩票|翻译|星座|恋爱|减肥|旅游|推荐.{0,3}(书|电影|歌)/

/** Words that tie a question to the program even when retrieval is unsure. */
const DOMAIN =
  /年龄|条件|要求|资格|英才|八桂|培养计划|这个计划|这个项目|导师|遴选|选拔|名额|报名|申请|科协|管理办公室|成长日志|见面会|评价|公示|入选|培养|高校|大学|专利|竞赛|优先|中期|年度|指导教师|指导老师|活动|研究|课题|学员/

const GREETING =
  /^(你好|您好|hi|hello|哈喽|嗨|在吗|在不在|在么|早上好|上午好|中午好|下午好|晚上好|早|谢谢|多谢|感谢|谢啦|好的|ok|嗯|嗯嗯|收到|你是谁|你是什么|你能做什么|你会什么|有什么功能|怎么用|你们?是机器人吗?|是机器人吗?|是真人吗?|人工客服)+[!！。.,，~～?？啊呀哈]*$/

/** Words that say the question asks whether someone may apply or gets priority. */
const APPLY_ASK =
  /能(不能)?报|可(不可)?以报|能(不能)?参加|可(不可)?以参加|能(不能)?申请|可(不可)?以申请|符合|够(不够)?条件|够格|有(没有)?资格|能入选|能选上|报得了|行不行|行吗|够吗|够不够|够了吗|能去吗|能不能去/
const PRIORITY_ASK = /优先/

const CONTACT =
  /电话|联系方式|号码|联系人|找谁|打给谁|问谁|咨询|怎么联系|联系谁|联系哪|热线|手机|座机|负责人是谁|负责的老师/
const QUOTA =
  /名额|人数|(多少|几)(个|名|位)?(人|学生|孩子|娃|学员|同学)|选(拔)?(多少|几)|招(收)?(多少|几)|录(取)?(多少|几)|(多少|几)名(?!师)/
const SUM = /一共|总共|合计|加起来|加在一起|总数|共(选|有|招|多少|几)|合起来|总名额/
const WHEN =
  /现在.{0,4}(还|能)|还来得及|来不来得及|错过|截止了|过了吗|结束了吗|开始了吗|什么时候|啥时候|啥时|几号|哪天|何时|几月|日期|截止|最晚|最迟|之前|以前|期限|deadline|多久|多长时间|时间|几时|开始|结束|哪个月/
const SCHEDULE =
  /下一步|接下来|最近.{0,4}(安排|节点|要做|有什么)|现在.{0,4}(阶段|该做|到哪)|时间节点|时间安排|进度安排|日程|时间表|有哪些(日期|截止)|关键日期/

/** Dated and undated steps, matched in this order (the most specific first). */
const STEP_PATTERNS: { key: string; pattern: RegExp }[] = [
  { key: 'midterm_evaluation', pattern: /中期/ },
  { key: 'annual_evaluation', pattern: /年度评价|年度考核|年终|年度总结|年底评价|年度汇报/ },
  { key: 'meet_and_greet', pattern: /见面会|见面/ },
  { key: 'research_direction', pattern: /研究方向|选题|课题方向|定方向|方向/ },
  {
    key: 'city_review',
    pattern: /市级审核|(市科协|市里|市级|各市).{0,8}(报|交|提交|审核|送)|(报|交|送)(给|到|至)?(管理办公室|自治区)/,
  },
  { key: 'regional_review', pattern: /自治区级审核|区级审核|候选人/ },
  { key: 'mentor_selection', pattern: /导师遴选|导师.{0,2}(选|挑)/ },
  { key: 'public_notice', pattern: /公示|公布|名单|出结果|结果/ },
  { key: 'mentor_recommendation', pattern: /推荐导师|导师推荐|导师团队/ },
  { key: 'annual_commendation', pattern: /表彰/ },
  {
    key: 'training',
    pattern:
      /培养周期|周期|培养.{0,4}(开始|结束|多久|多长|几年)|什么时候开始培养|(开始|结束)培养|培养.{0,2}(到|至)|(计划|项目).{0,4}(多久|多长时间)/,
  },
  { key: 'school_submission', pattern: /申请表|报名表|学校推荐|报名|申请|交材料|提交材料|交到|报名材料|截止/ },
]

// ---------------------------------------------------------------------------------------------

interface Context {
  index: FactIndex
  office: Program['contacts'][number]
  factsById: Map<string, ProgramFact>
}

const contexts = new WeakMap<Program, Context>()

function contextOf(program: Program): Context {
  const cached = contexts.get(program)
  if (cached) return cached
  const ctx: Context = {
    index: factIndex(program),
    office: officeContact(program),
    factsById: new Map(program.facts.map((f) => [f.id, f])),
  }
  contexts.set(program, ctx)
  return ctx
}

/** Cuts an answer to the contract's length at a sentence end. */
function clamp(text: string, max = MAX_ANSWER_CHARS): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = chars.slice(0, max - 1).join('')
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('！'), head.lastIndexOf('？'))
  return cut > max / 2 ? head.slice(0, cut + 1) : `${head}…`
}

/** Joins sentences while they fit in the answer. */
function joinWithin(parts: string[], max = MAX_ANSWER_CHARS): string {
  let out = ''
  for (const p of parts) {
    if (!p) continue
    if ([...out].length + [...p].length > max) {
      if (!out) out = clamp(p, max)
      break
    }
    out += p
  }
  return out
}

function officeLine(ctx: Context): string {
  return `如需了解，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`
}

function factOf(f: ProgramFact): AnswerFact {
  return { section: f.section, title: f.title, text: f.answer }
}

function shortCity(name: string): string {
  return name.replace(/市$/, '')
}

/** The program cities a question names (by city, county or district), in order, once each; and Guangxi cities outside the program. */
function citiesIn(program: Program, q: string): { inProgram: string[]; outside: string[] } {
  const inProgram: string[] = []
  const outside: string[] = []
  const programCities = new Set(program.cities.map((c) => c.name))
  for (const place of findPlaces(q)) {
    const target = programCities.has(place.city) ? inProgram : outside
    if (!target.includes(place.city)) target.push(place.city)
  }
  // '邕' alone is how people write 南宁 in short (邕城, 来邕); the region data needs two characters.
  if (/邕/.test(q) && programCities.has('南宁市') && !inProgram.includes('南宁市')) inProgram.push('南宁市')
  return { inProgram, outside }
}

/** Says when a milestone is, the year written out, and where it stands relative to now (core/rules/deadlines). */
function milestoneWhen(m: ProgramMilestone, now: Date): string {
  const name = m.title.split(/[：（(]/)[0]
  if (!m.month) return `${name}的截止时间：${describeDue(m.due, now)}`
  const month = chineseMonth(m.month)
  if (/底前/.test(`${m.title}${m.note ?? ''}`)) return `${name}要在${month}底前完成，${describeDue(m.due, now)}`
  const rel = describeMonth(m.month, now)
  return `${name}安排在${month}（方案没有写具体日期${rel.endsWith('内') && rel.startsWith(month) ? '' : `；${rel}`}）`
}

// ---------------------------------------------------------------------------------------------
// Intents.

function greetingAnswer(program: Program): QaAnswer {
  return {
    answer: `您好！我是${program.name}的咨询助手，可以回答谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求和联系电话等问题，也可以帮您看看孩子是否符合报名条件（请告诉我所在城市、年级和成绩排名）。`,
    intent: 'greeting',
    sources: [],
    confidence: 0.95,
    facts: [],
  }
}

function outOfScopeAnswer(confidence = 0.9): QaAnswer {
  return {
    answer: `抱歉，这个问题超出了我的范围。我是八桂青少年英才培养计划的咨询助手，只回答和这个培养计划相关的问题，比如：谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求、联系电话等。`,
    intent: 'out_of_scope',
    sources: [],
    confidence,
    facts: [],
  }
}

function notInDocumentAnswer(
  ctx: Context,
  label: string | undefined,
  related: ScoredFact | undefined,
  confidence: number,
): QaAnswer {
  const head = label
    ? `关于${label}，2023年的实施方案没有规定，我这里没有相关信息，不能替您猜测。`
    : '这个问题2023年的实施方案没有提及，我这里没有相关信息，不能替您猜测。'
  const relatedLine = related ? `方案里相关的内容是：${related.fact.answer}` : ''
  const office = officeLine(ctx)
  const answer = joinWithin([head, office, relatedLine])
  const facts = [
    {
      section: ctx.office.section,
      title: '联系人及联系电话',
      text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
    },
  ]
  const sources = [{ section: ctx.office.section, title: '联系人及联系电话' }]
  if (related && answer.includes(related.fact.answer)) {
    facts.unshift(factOf(related.fact))
    sources.unshift({ section: related.fact.section, title: related.fact.title })
  }
  return { answer, intent: 'not_in_document', sources, confidence, facts }
}

function contactAnswer(program: Program, ctx: Context, q: string): QaAnswer {
  const { inProgram, outside } = citiesIn(program, q)
  const officeOnly = /管理办公室|办公室|自治区|全区|省里|总负责/.test(q) && inProgram.length === 0
  const parts: string[] = []
  const facts: AnswerFact[] = []
  const sources = [{ section: ctx.office.section, title: '联系人及联系电话' }]
  for (const city of inProgram) {
    const c = program.contacts.find((x) => x.city === city)
    if (!c) continue
    parts.push(`${c.organisation}的联系人是${c.person}，电话${c.phone}。`)
    facts.push({ section: c.section, title: '联系人及联系电话', text: `${c.organisation}：${c.person}，${c.phone}` })
  }
  for (const city of outside) {
    parts.push(`${city}不在本计划的实施城市之内（只有${program.cities.map((c) => c.name).join('、')}）。`)
  }
  const office = `管理办公室：${ctx.office.person}，电话${ctx.office.phone}。`
  facts.push({
    section: ctx.office.section,
    title: '联系人及联系电话',
    text: `管理办公室：${ctx.office.person}，${ctx.office.phone}`,
  })
  if (inProgram.length > 0) {
    parts.push(`全区性的问题也可以找${office}`)
  } else if (officeOnly) {
    parts.unshift(`八桂青少年英才培养计划工作管理办公室的联系人是${ctx.office.person}，电话${ctx.office.phone}。`)
  } else {
    parts.push(`总的咨询请找${office}各市联系人：`)
    const cityLines = program.contacts
      .filter((c) => c.city)
      .map((c) => `${shortCity(c.city as string)}${c.person} ${c.phone}`)
    parts.push(`${cityLines.join('；')}。`)
    for (const c of program.contacts.filter((x) => x.city)) {
      facts.push({ section: c.section, title: '联系人及联系电话', text: `${c.organisation}：${c.person}，${c.phone}` })
    }
  }
  return { answer: joinWithin(parts), intent: 'contact', sources, confidence: 0.92, facts }
}

function quotaAnswer(program: Program, q: string): QaAnswer {
  const { inProgram, outside } = citiesIn(program, q)
  const section = program.cities[0]?.section ?? '四（二）1'
  const total = program.cities.reduce((s, c) => s + c.quota, 0)
  const all = program.cities.map((c) => `${c.name}${c.quota}名`).join('、')
  const sources = [{ section, title: '遴选对象与名额' }]
  const facts: AnswerFact[] = [{ section, title: '各市名额', text: `${all}，合计${total}名` }]
  const parts: string[] = []
  const named = program.cities.filter((c) => inProgram.includes(c.name))
  if (named.length >= 2 && SUM.test(q)) {
    const sum = named.reduce((s, c) => s + c.quota, 0)
    parts.push(
      `${named.map((c) => c.name).join('和')}一共${sum}名（${named.map((c) => `${c.name}${c.quota}名`).join('、')}）。`,
    )
  } else if (named.length >= 1) {
    parts.push(`${named.map((c) => `${c.name}选拔${c.quota}名学生`).join('，')}。`)
  }
  for (const city of outside) parts.push(`${city}不在本计划的实施范围内，没有名额。`)
  if (named.length === 0) parts.push(`本计划按城市分配名额：${all}，三市合计${total}名学生。`)
  else if (named.length < program.cities.length) parts.push(`全部名额：${all}，合计${total}名。`)
  parts.push('名额按城市分配，方案没有规定每所学校的推荐人数。')
  return { answer: joinWithin(parts), intent: 'quota', sources, confidence: 0.92, facts }
}

function bestFactInSection(scored: ScoredFact[], program: Program, section: string): ProgramFact | undefined {
  return scored.find((s) => s.fact.section === section)?.fact ?? program.facts.find((f) => f.section === section)
}

function deadlineAnswer(
  program: Program,
  key: string,
  q: string,
  scored: ScoredFact[],
  now: Date,
): QaAnswer | undefined {
  const parts: string[] = []
  let section: string
  let title: string
  const milestone = program.milestones.find((m) => m.key === key)
  const undated = program.undatedSteps.find((s) => s.key === key)
  if (key === 'training') {
    const t = program.training
    section = t.section
    title = '培养周期'
    const over = t.end < beijingDate(now).slice(0, 7)
    parts.push(
      `培养周期为一年，从${chineseMonth(t.start)}到${chineseMonth(t.end)}${over ? '（这一期已经结束）' : ''}。`,
    )
  } else if (milestone) {
    section = milestone.section
    title = milestone.title
    parts.push(`${milestoneWhen(milestone, now)}。`)
    if (key === 'school_submission' && /开始|启动|开放/.test(q)) {
      parts.push('方案没有写学生开始报名的日期，报名由各中学组织，请留意本校通知。')
    }
    const past = milestone.due < beijingDate(now)
    if (/明年|下一年|下一期|下一届|下次|以后的|往后/.test(q)) {
      parts.push(
        `以上是${program.cohort}年这一期的安排；下一年度的日期方案没有规定，请留意通知或咨询管理办公室（电话${officeContact(program).phone}）。`,
      )
    } else if (
      /以后|之后|过了|晚了|逾期|补交|延期|错过|来得及|还能/.test(q) &&
      (past || /补交|逾期|延期|晚了/.test(q))
    ) {
      parts.push(
        `方案没有规定逾期能否补交，请尽快联系本校或当地市科协，也可咨询管理办公室（电话${officeContact(program).phone}）。`,
      )
    }
  } else if (undated) {
    section = undated.section
    title = undated.title
    parts.push('方案没有给这一步规定具体日期。')
  } else {
    return undefined
  }
  const fact = bestFactInSection(scored, program, section)
  if (fact && key !== 'training') parts.push(fact.answer)
  if (key === 'training') {
    const reapply = program.facts.find((f) => f.id === 'reapply')
    if (reapply && /结束|以后|之后|再/.test(q)) parts.push(reapply.answer)
  }
  const facts: AnswerFact[] = [{ section, title, text: parts[0] as string }]
  if (fact) facts.push(factOf(fact))
  return {
    answer: joinWithin(parts),
    intent: 'deadline',
    sources: [{ section, title: fact?.title ?? title }],
    confidence: 0.9,
    facts,
  }
}

function scheduleAnswer(program: Program, now: Date): QaAnswer {
  const today = beijingDate(now)
  const sorted = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
  const upcoming = sorted.filter((m) => m.due >= today)
  const list = (upcoming.length > 0 ? upcoming : sorted).slice(0, 5)
  const lines = list.map((m) => {
    const name = m.title.split(/[：（(]/)[0]
    const when =
      m.month && !/底前/.test(`${m.title}${m.note ?? ''}`) ? chineseMonth(m.month) : `${chineseDate(m.due)}前`
    return `${when}：${name}`
  })
  const head = upcoming.length > 0 ? '接下来的时间节点：' : '本期的时间节点都已过去，回顾如下：'
  return {
    answer: joinWithin([head, `${lines.join('；')}。`]),
    intent: 'schedule',
    sources: list.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: list.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

const HARD_SIGNALS = ['city', 'grade', 'subjectRankPercent', 'overallRankPercent'] as const

function eligibilityAnswer(program: Program, question: string, q: string): QaAnswer | undefined {
  const askApply = APPLY_ASK.test(q)
  const askPriority = PRIORITY_ASK.test(q)
  if (!askApply && !askPriority) return undefined
  const { profile } = extractProfile(question)
  const hard = HARD_SIGNALS.filter((k) => profile[k] !== undefined).length
  const extra = (profile.awards?.length ?? 0) + (profile.patents?.length ?? 0) > 0 ? 1 : 0
  // A bare priority question ("市级奖算优先吗") is about the rule, not about one student.
  if (askApply ? hard + extra < 1 : hard < 2) return undefined
  const result = checkEligibility(program, profile)
  const explanation = explainEligibility(program, result)
  const sections = [...new Set(result.checks.map((c) => c.section))]
  return {
    answer: clamp(explanation),
    intent: 'eligibility',
    sources: sections.map((section) => ({
      section,
      title: program.facts.find((f) => f.section === section)?.title ?? '遴选条件',
    })),
    eligibility: { verdict: result.verdict, priority: result.priority },
    confidence: 0.9,
    facts: result.checks.map((c) => ({ section: c.section, title: c.rule, text: c.message })),
  }
}

/** The milestone whose day the question names (10月24号 → the school submission), if any. */
function milestoneByDate(program: Program, q: string): ProgramMilestone | undefined {
  const m = /(\d{1,2})月(\d{1,2})(日|号)?/.exec(q)
  if (!m) return undefined
  const md = `${String(m[1]).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`
  return program.milestones.find((x) => !x.month && x.due.slice(5) === md)
}

/** A question that names a Guangxi city where the program does not run. */
function outsideCityAnswer(program: Program, outside: string[], confidence: number): QaAnswer {
  const fact = program.facts.find((f) => f.section === program.citiesSection)
  const list = program.cities.map((c) => c.name).join('、')
  const head = `${outside.join('、')}不在本计划的实施城市之内：本计划只在${list}实施，学生遴选也只面向这几个市辖区内的学校。`
  return {
    answer: head,
    intent: 'fact',
    sources: [{ section: program.citiesSection, title: fact?.title ?? '实施城市' }],
    confidence: Math.max(confidence, 0.75),
    facts: fact ? [factOf(fact)] : [{ section: program.citiesSection, title: '实施城市', text: list }],
  }
}

/** Below this retrieval confidence the answer says the plan may not cover the exact point. */
const HEDGE_BELOW = 0.45

/** The closest fact, said as such, with the office's number for what it does not settle. */
function hedgedAnswer(ctx: Context, top: ScoredFact, confidence: number): QaAnswer {
  const answer = joinWithin([
    '方案里没有找到和您的问题完全对应的规定，最相关的内容是：',
    top.fact.answer,
    `如需确认，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`,
  ])
  return {
    answer,
    intent: 'not_in_document',
    sources: [
      { section: top.fact.section, title: top.fact.title },
      { section: ctx.office.section, title: '联系人及联系电话' },
    ],
    confidence,
    facts: [
      factOf(top.fact),
      {
        section: ctx.office.section,
        title: '联系人及联系电话',
        text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
      },
    ],
  }
}

const INTRO_FILLER =
  /请问|你好|您好|我想|想要|想|了解|咨询|一下|问问|问|下|这个|那个|你们|的|呀|啊|吗|呢|吧|嘛|[，,。.!！?？~～\s]/g
const INTRO_ASK =
  /^(是什么|是啥|什么|啥|是干什么|干什么|是干嘛|干嘛|做什么|介绍|简介|怎么样|好不好|靠谱不?|有什么用|有啥用|)$/

/** "英才计划是什么？" — the program itself, with nothing more specific asked. */
function isIntroQuestion(question: string): boolean {
  const q = normaliseText(question)
  if (!/英才|八桂|这个计划|这个项目|培养计划/.test(q)) return false
  return INTRO_ASK.test(retrievalText(q).replace(INTRO_FILLER, ''))
}

function introAnswer(program: Program): QaAnswer {
  const purpose = program.facts.find((f) => f.section === '一')
  const organisers = program.facts.find((f) => f.id === 'organisers')
  const used = [purpose, organisers].filter((f): f is ProgramFact => f !== undefined)
  const answer = joinWithin([...used.map((f) => f.answer), '想了解报名条件、名额、截止日期或联系方式，直接问我就行。'])
  return {
    answer,
    intent: 'fact',
    sources: used.filter((f) => answer.includes(f.answer)).map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/** Confidence of a retrieval answer, from how strong the best score is and how far it leads. */
function retrievalConfidence(scored: ScoredFact[]): number {
  const top = scored[0]?.score ?? 0
  const second = scored[1]?.score ?? 0
  if (top <= 0) return 0
  const strength = Math.min(1, top / 14)
  const margin = (top - second) / top
  return Math.round(Math.min(1, 0.75 * strength + 0.5 * margin) * 100) / 100
}

function retrievalAnswer(scored: ScoredFact[], confidence: number): QaAnswer {
  const top = scored[0] as ScoredFact
  const chosen = [top]
  const second = scored[1]
  if (second && second.score >= top.score * 0.9 && second.fact.section !== top.fact.section) chosen.push(second)
  const parts = chosen.map((s) => s.fact.answer)
  const answer = joinWithin(parts)
  const used = chosen.filter((s) => answer.includes(s.fact.answer))
  return {
    answer,
    intent: top.fact.intent ?? 'fact',
    sources: used.map((s) => ({ section: s.fact.section, title: s.fact.title })),
    confidence,
    facts: used.map((s) => factOf(s.fact)),
  }
}

/**
 * Answers a question about a program: synchronous, deterministic, and fast (the retrieval
 * index is built once per program object). `now` places dates relative to today in Beijing.
 */
export function answerQuestion(program: Program, question: string, now: Date): QaAnswer {
  const ctx = contextOf(program)
  const q = normaliseText(question)
  if (!q || GREETING.test(q.replace(/[，,。.!！?？~～]/g, ''))) return greetingAnswer(program)

  const eligibility = eligibilityAnswer(program, question, q)
  if (eligibility) return eligibility

  if (isIntroQuestion(question)) return introAnswer(program)

  const scored = searchFacts(ctx.index, q)
  const confidence = Math.round(retrievalConfidence(scored) * (0.4 + 0.6 * coverage(ctx.index, q)) * 100) / 100
  const inDomain = DOMAIN.test(q) || APPLY_ASK.test(q) || synonymTerms(q).some((t) => t === '英才计划' || t === '科协')

  if (OUT_OF_SCOPE.test(q) && !inDomain) return outOfScopeAnswer()

  const missing = NOT_IN_PLAN.find((t) => t.pattern.test(q))
  if (missing) {
    const related = scored[0] && scored[0].score >= 8 ? scored[0] : undefined
    return notInDocumentAnswer(ctx, missing.label, related, 0.8)
  }

  if (CONTACT.test(q) && !/跟踪|往届|对接机制|沟通机制/.test(q)) return contactAnswer(program, ctx, q)
  if (QUOTA.test(q)) return quotaAnswer(program, q)
  if (SCHEDULE.test(q)) return scheduleAnswer(program, now)
  const byDate = milestoneByDate(program, q)
  if (WHEN.test(q) || byDate) {
    const key = byDate?.key ?? STEP_PATTERNS.find((s) => s.pattern.test(q))?.key
    const answer = key && deadlineAnswer(program, key, q, scored, now)
    if (answer) return answer
  }

  const places = citiesIn(program, q)
  if (places.outside.length > 0 && places.inProgram.length === 0)
    return outsideCityAnswer(program, places.outside, confidence)

  if (scored.length === 0 || confidence < 0.2) {
    if (!inDomain) return outOfScopeAnswer(0.6)
    return notInDocumentAnswer(ctx, undefined, undefined, 0.3)
  }
  if (confidence < HEDGE_BELOW) return hedgedAnswer(ctx, scored[0] as ScoredFact, confidence)
  return retrievalAnswer(scored, confidence)
}

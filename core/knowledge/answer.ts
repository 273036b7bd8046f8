import { describeDue, describeMonth } from '../rules/deadlines'
import { beijingDate, chineseDate, chineseMonth } from '../time'
import { checkEligibility } from '../rules/eligibility'
import { explainEligibility } from '../rules/explain-eligibility'
import { extractProfile } from '../rules/extract-profile'
import { findPlaces, locatePlaces } from '../rules/regions'
import { normaliseText } from './normalise'
import { officeContact, type Program, type ProgramFact, type ProgramMilestone } from './program'
import {
  addsDetail,
  coverage,
  type FactIndex,
  factIndex,
  retrievalText,
  type ScoredFact,
  searchFacts,
} from './retrieval'
import {
  askedType,
  buildScope,
  factGives,
  GENERIC_TASK,
  misleading,
  PERSONAL_ADVICE,
  PROGRAM_NAMED,
  programEvidence,
  type Scope,
  TRANSLATE,
  unmatchedQualifier,
  withoutQuoted,
} from './scope'
import { SYNONYM_GROUPS, synonymTerms } from './synonyms'
import { chineseNumberToInt } from '../chinese-numbers'

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

/**
 * Who pays for what a student uses or spends (materials, consumables, books, travel, meals): the
 * plan says nothing about money, so these are never answered with a fact that merely shares a
 * word (实验, 阅读书目) with the question.
 */
const OUT_OF_POCKET =
  /耗材|材料费|试剂|书费|资料费|设备费|器材费|买(材料|书|设备|器材|耗材|试剂|东西)|自己(出钱|买|付|掏|承担|负担|花)|出钱|掏腰包|(谁|哪里|哪儿)(来)?(出|付|承担|负担|掏)(钱|费|这笔)|钱(由|是)?(谁|哪)(来)?(出|付|承担|负担|掏)|(费|钱)(用)?由谁|报账|自掏/

/**
 * Conditions people ask about that the plan's rules do not set: 四（二）1 selects every 高一 and
 * 高二 student of the three cities' 辖区 and names none of these. Each label is said in the reply.
 */
const OFF_RULE_CONDITIONS: { pattern: RegExp; label: string }[] = [
  { pattern: /户口|户籍|籍贯|外地人|外省人|随迁|非本地/, label: '户籍（户口）' },
  { pattern: /民办|私立|私校/, label: '民办（私立）学校' },
  { pattern: /借读|寄读/, label: '借读' },
  { pattern: /复读|留级|休学|重读/, label: '复读、留级或休学' },
  { pattern: /国际部|国际班|国际课程|出国班/, label: '国际部（国际班）' },
  { pattern: /年龄|岁数|超龄|(\d+|十[一二三四五六七八九]?)周?岁/, label: '年龄' },
  {
    pattern: /性别|(女|男)(生|孩子?|娃)(也)?(能|可以|行|收|要)|只(要|招|收|选)(男|女)/,
    label: '性别',
  },
  {
    pattern: /少数民族|(汉|壮|瑶|苗|侗|仫佬|毛南|回|京|彝|水|仡佬)族(?!自治|各族)|民族(身份|成分|限制|要求)|什么民族/,
    label: '民族',
  },
  { pattern: /外籍|国籍|港澳台|华侨/, label: '国籍' },
]

/**
 * Questions about things the plan says nothing about; `label` names the topic in the reply,
 * `related` the fact (by id) the plan does give on it, said next to the gap.
 */
const NOT_IN_PLAN: { pattern: RegExp; label: string; related?: string; alone?: boolean }[] = [
  // How often mentor and student meet: 五（三）1 asks only for enough meetings and ≥10 visits per cycle.
  {
    pattern:
      /(多久|多长时间|隔多少天|隔几天|几天|几周|多少天).{0,10}(一次|1次)|(每|一|1)(周|月|个月|星期|学期).{0,6}(几|多少|\d+)次|频率|频次|(见面|见|碰面|指导).{0,4}(几|多少)次/,
    label:
      '导师与学生见面的固定频率（方案只要求导师保证见面次数、当面指导，一个培养周期到校不少于10次，没有规定多久一次）',
    related: 'visits',
  },
  // The length of one visit: the plan states the one-year cycle and ≥10 visits, never a visit's length.
  {
    pattern:
      /(每次|每一次|一次|单次|每回|每趟|1次)(去|到|在)?.{0,10}(多长时间|多久|几个?小时|多少小时|几天|多少天|时长|待多久|多长|半天还是一天|一整天)/,
    label: '每次到高校参加培养的时长',
    related: 'visits',
  },
  // Appeals and complaints: the plan names the public notice but no procedure for objections.
  {
    pattern:
      /申诉|复议|复核|投诉|举报|异议|不服|不公平|不公正|(向|找|去)(哪里|哪儿|谁|哪个部门|哪个单位)反映|反映(问题|意见)|提意见/,
    label: '对遴选或公示结果提出申诉、投诉或异议的办法',
    related: 'public_notice',
  },
  // Which university and mentor a student gets: the plan says only that mentors select candidates.
  {
    pattern:
      /分(到|配到|在)哪(所|个|家)?(大学|高校|学校)|分配(到)?(哪|什么)(所|个)?(大学|高校)|(怎么|如何|按什么)(分配|匹配|安排|分)(导师|高校|大学)|导师(是)?(怎么|如何)(分配|匹配|分)|(分配|匹配)导师|(能|可以|能不能|可不可以|可否)(自己)?(选|挑|指定)(哪所|哪个)?(大学|高校|学校|导师)|自己(选|挑|定)(大学|高校|学校|导师)/,
    label: '学生分到哪所高校、跟哪位导师（能否自己选）',
    related: 'mentor_selection',
  },
  // Moving school or city during the cycle.
  {
    pattern: /转学|转校|转到(别的|其他|外地|外市)|换(城市|个城市)|搬家|迁居|搬到(外地|别的|其他)|户口迁/,
    label: '培养期间转学或更换城市后的处理办法',
  },
  // Leave and absence from a training activity.
  {
    pattern:
      /请假|缺席|缺勤|旷课|缺课|去不了|来不了|没法(去|参加)|不能(按时)?(去|参加)(某|一|这)次|(某|一)次没(去|参加)/,
    label: '请假或缺席培养活动的处理办法',
    related: 'visits',
  },
  {
    pattern:
      /费用|收费|交钱|多少钱|学费|要钱|花钱|缴费|付费|报名费|培训费|免费|自费|掏钱|交(什么|啥|多少)钱|(什么|啥)钱/,
    label: '是否收费、收多少费用',
    alone: true,
  },
  {
    pattern: /住宿|包住|住哪|住校|宿舍|过夜|酒店|吃饭|伙食|食堂|包吃|管饭|包饭|午饭|午餐|盒饭|餐费|吃住|食宿/,
    label: '食宿安排',
    alone: true,
  },
  { pattern: /证书|结业证|证明|奖状|发证/, label: '是否颁发证书' },
  {
    pattern: /面试|笔试|考试|考什么|试题|考题|出题|准备.{0,4}题/,
    label: '遴选的具体形式（是否面试、笔试，考什么）',
    related: 'mentor_selection',
  },
  {
    pattern: /(每|一|1|各)(个|所)?(学校|中学|高中|校).{0,8}(名额|几个|多少|推荐|限报|最多|上限|人数|入选)|每校|限报/,
    label: '每所学校能推荐多少名学生',
    related: 'quota',
  },
  {
    pattern:
      /(高一|高二).{0,6}(各|分别)(占|有|分|招|选|是)?(多少|几)|(高一|高二).{0,8}(占|比例)|(各|每个?)年级.{0,6}(名额|多少|几)|按年级.{0,4}(分|分配)|(高一|高二)的?名额/,
    label: '名额在高一、高二之间怎么分配',
    related: 'quota',
  },
  {
    pattern:
      /(每|各|哪)(个|一)?(学科|科目).{0,8}(名额|几个|多少|几名|人数)|(学科|科目).{0,4}(名额|分配)|(数学|物理|化学|生物|计算机|信息)(学科|科目|方向)?.{0,4}(名额|分到|招|选|收)(几|多少)|按(学科|科目).{0,4}(分|分配)/,
    label: '名额按学科怎么分配',
    related: 'quota',
  },
  {
    pattern:
      /同时.{0,8}(报|申请|参加|选|学)|(报|申请|参加|选)(两|2|多)个(学科|科目|方向|专业)|(两|2|多)个(学科|科目|方向|专业).{0,4}(都|一起|同时|兼)|兼报|跨学科/,
    label: '能否同时申请两个或多个学科',
    related: 'subjects',
  },
  {
    pattern:
      /(遴选|入选|选拔|录取|选学生|选人|挑学生).{0,10}(评分|打分|分数线|标准是什么|什么标准)|(评分|打分)(标准|细则|规则)|分数线|录取线|入选线|及格线/,
    label: '导师遴选的评分标准或分数线',
    related: 'mentor_selection',
  },
  { pattern: /(每|一|1)(个|位)导师.{0,6}(几|多少)|导师.{0,2}带(几|多少)/, label: '每位导师带多少名学生' },
  { pattern: /作业|(每周|每天|每次|每月).{0,6}任务|小测|测验/, label: '作业和学习任务的安排' },
  {
    pattern:
      /加分|保送|强基|自主招生|降分|免试|直接录取|优先录取|升学.{0,4}(优惠|照顾)|(高考|中考).{0,6}(优惠|优待|照顾|有用|帮助)/,
    label: '升学（如高考加分、保送）方面的优惠',
  },
  { pattern: /交通|补贴|补助|报销|车费|路费|接送|奖学金|津贴|发钱|给钱/, label: '交通、补贴或报销', alone: true },
  {
    pattern: OUT_OF_POCKET,
    label: '培养中产生的费用（如实验材料、耗材、书本）由谁承担、是否要自己出钱',
    alone: true,
  },
  { pattern: /劳务费|报酬|酬金|课酬|薪酬|工资|经费/, label: '报酬、劳务费或经费标准', alone: true },
  { pattern: /保险|安全问题|安全保障/, label: '保险和安全安排' },
  {
    pattern:
      /线上|网课|远程|视频上课|网上(参加|上课|学习|培养|指导)|在家.{0,6}(参加|上课|学习|培养)|不用(去|到)(大学|高校|学校)/,
    label: '能否线上参加',
    related: 'visits',
  },
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
  // 户口, 民办, 借读, 年龄… asked without a profile: the plan's 遴选对象 (四（二）1) is said next to the gap.
  ...OFF_RULE_CONDITIONS.map((c) => ({ pattern: c.pattern, label: `${c.label}方面的要求`, related: 'target' })),
]

/** Questions about something other than the program. */
const OUT_OF_SCOPE =
  /天气|下雨|怎么学好|学习方法|提高成绩|提分|补课|辅导班|下雪|气温|温度|刮风|台风|解题|方程|这道题|这题|作业|x²|x\^|求解|算一下|笑话|讲个故事|聊聊|聊天|陪我|无聊|唱歌|高考志愿|填志愿|志愿填报|报志愿|游戏|电影|电视剧|吃什么|股票|彩票|翻译|星座|恋爱|减肥|旅游|推荐.{0,3}(书|电影|歌)/

const GREETING =
  /^(你好|您好|hi|hello|哈喽|嗨|在吗|在不在|在么|早上好|上午好|中午好|下午好|晚上好|早|谢谢|多谢|感谢|谢啦|好的|ok|嗯|嗯嗯|收到|你是谁|你是什么|你能做什么|你会什么|有什么功能|怎么用|你们?是机器人吗?|是机器人吗?|是真人吗?|人工客服)+[!！。.,，~～?？啊呀哈]*$/

/** Words that say the question asks whether someone may apply or gets priority. */
const APPLY_ASK =
  /(能|可以|能否|可否)(不能|不可以)?(来|去|过来|也|再|直接|提前|先|早点)?(报|参加|申请|参与)|可不可以(来|去)?(报|参加|申请)|报得上|进得去|被选上|能否入选|可以试试吗|冲一下|达标吗|符合|够(不够)?条件|够格|有(没有)?资格|能入选|能选上|报得了|行不行|行吗|够吗|够不够|够了吗|能去吗|能不能去|有戏|有(没有)?希望|有(没有)?机会|能不能上|能上吗|可以冲|能冲吗|能不能冲/
const PRIORITY_ASK = /优先/
/** Asking about applying in so many words (报/参加/申请/资格/条件), unlike 有机会/够不够/行不行 which may ask about anything. */
const CLEAR_APPLY_ASK =
  /报|参加(?!科学营|夏令营|活动|见面会|培训|学术|交流|论坛|比赛|竞赛)|申请|参与|资格|条件|入选|选上|够格|符合|达标/
/** A student, the asker or their child named in the question. */
const SOMEONE = /我|孩子|娃|学生|儿子|女儿|闺女|小孩|本人/

const CONTACT =
  /电话|联系方式|号码|联系人|找谁|打给谁|问谁|咨询|怎么联系|联系谁|联系哪|热线|手机号|座机|负责人是谁|负责.{0,6}(老师|人)(是谁|叫|姓|名字)|负责的老师|找哪|问哪|哪位老师|老师.{0,3}(叫啥|叫什么|名字|姓什么)/
const QUOTA =
  /名额|人数|(南宁|柳州|桂林)(市)?多还是(南宁|柳州|桂林)(市)?多|(多少|几)(个|名|位)?(人|学生|孩子|娃|学员|同学)|选(拔)?(多少|几)|招(收)?(多少|几)|录(取)?(多少|几)|(多少|几)名(?!师)|(选|招|录|收|给)了?\d+(个|名|人|位)|\d+(个|名|人)(名额)?吧/
/**
 * 联系 said of keeping in touch, reaching a mentor or a liaison mechanism ("结业后还保持联系吗",
 * "怎么联系导师", "建立联系机制"): not a request for the contact list, so taken out before CONTACT.
 */
const NOT_CONTACT =
  /保持联系|(和|与|跟)(导师|学生|孩子|我们|往届|学校|中学|高校|大学)[^，,。？?]{0,6}联系|建立[^，,。？?]{0,6}联系|联系(导师|学生|孩子|往届)|日常联系|联系对接|(对接|沟通|联系)机制/g
/** "桂林这边对接的老师是谁": a person to reach, when no other role (导师, 指导教师) is named. */
const CONTACT_PERSON = /对接的?(老师|人|单位)|(老师|负责人|对接人)是(谁|哪位)|找哪位|对接人/
const OTHER_ROLE = /导师|指导(教师|老师)|班主任|中学老师|大学老师|教授/
/** Asks whom to hand an application to: answered with the process (through one's school), not a phone list. */
const APPLY_WHO =
  /(报名|申请|报|交|提交|申请表|报名表|推荐表|材料)[^，,。？?]{0,6}(找谁|找哪|哪个部门|哪个单位|交给谁|给谁|谁(来)?收|交到哪)|找(谁|哪个?(部门|单位))(报|交|提交|申请)|向谁(报|交|提交|申请)|谁(来)?(收|交)(申请表|报名表|材料)/

/** Asks where to begin ("第一步该找谁", "想报名先找哪里"): the first step of taking part is applying. */
const FIRST_STEP =
  /(第一步|首先|最先|一开始|头一步)[^，,。？?]{0,4}(找|联系|问|去|做|干|办)(谁|哪|什么|啥)|(?<![首最])先(去|要|得|该|应该)?(找|联系|问|去)(谁|哪)|找(谁|哪里?|哪儿|哪个?(部门|单位|地方))[^，,。？?]{0,2}(报|申请)/
/** Words that place a "先找谁" in applying. */
const APPLY_CONTEXT = /报|申请|参加|参与|加入|入选/

/** Whether a question asks whom to apply through or where to begin (not for a phone number). */
function isApplyWho(q: string): boolean {
  if (/咨询|电话|联系方式|号码/.test(q)) return false
  if (APPLY_WHO.test(q)) return true
  return FIRST_STEP.test(q) && (APPLY_CONTEXT.test(q) || /第一步|首先|最先|头一步/.test(q))
}

/** Whether a question asks for a person, phone or way to reach someone. */
function isContactAsk(q: string): boolean {
  if (/跟踪|往届|对接机制|沟通机制/.test(q)) return false
  const rest = q.replace(NOT_CONTACT, '')
  return CONTACT.test(rest) || (CONTACT_PERSON.test(rest) && !OTHER_ROLE.test(rest))
}

/** A question comparing two cities' quotas. */
const DIFFERENCE = /比.{0,8}(多|少)|相差|差(几|多少)|差距|多(几|多少)|少(几|多少)/
const SUM = /一共|总共|合计|加起来|加在一起|总数|共(选|有|招|多少|几)|合起来|总名额/
const WHEN =
  /现在.{0,4}(还|能)|还来得及|来不来得及|错过|截止了|过了吗|结束了吗|开始了吗|什么时候|啥时候|啥时|几号|哪天|哪1天|哪一天|何时|几月|日期|截止|最晚|最迟|之前|以前|期限|deadline|多久|多长时间|时间|几时|(开始|结束)(了|吗|呢|时间|日期|$)|哪个月/
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
    pattern:
      /市级审核|(市科协|市里|市级|各市|市一级).{0,8}(报|交|提交|审核|送)|(报|交|送)(给|到|至)?(管理办公室|自治区)/,
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
  {
    key: 'school_submission',
    pattern: /申请表|报名表|学校推荐|学校(提交|报送|上报|推荐|交|报)|报名|申请|交材料|提交材料|交到|报名材料|截止/,
  },
]

// ---------------------------------------------------------------------------------------------

interface Context {
  index: FactIndex
  scope: Scope
  office: Program['contacts'][number]
  factsById: Map<string, ProgramFact>
  /** Every word the program's data and the synonym table use, for telling a qualifier the plan never names. */
  vocabulary: string
}

const contexts = new WeakMap<Program, Context>()

function contextOf(program: Program): Context {
  const cached = contexts.get(program)
  if (cached) return cached
  const ctx: Context = {
    index: factIndex(program),
    scope: buildScope(factIndex(program)),
    office: officeContact(program),
    factsById: new Map(program.facts.map((f) => [f.id, f])),
    vocabulary: JSON.stringify(program) + SYNONYM_GROUPS.flat().join(' '),
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

/** The program's name as people know it, for answers that must say which plan they speak for. */
const PLAN_NAME = '八桂青少年英才培养计划'

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
  for (const { place, start } of locatePlaces(q)) {
    // A place travelled to ("去北京参加科学营") is not where the student is from.
    if (/[去到赴往]$/.test(q.slice(Math.max(0, start - 1), start))) continue
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
  related: ScoredFact | ScoredFact[] | undefined,
  confidence: number,
  extra?: string,
): QaAnswer {
  const head = label
    ? `关于${label}，${PLAN_NAME}2023年的实施方案没有规定，我这里没有相关信息，不能替您猜测。`
    : `这个问题${PLAN_NAME}2023年的实施方案没有提及，我这里没有相关信息，不能替您猜测。`
  const list = related === undefined ? [] : Array.isArray(related) ? related : [related]
  const relatedLine = list.length > 0 ? `方案里相关的内容是：${list[0]?.fact.answer}` : ''
  const office = officeLine(ctx)
  const answer = joinWithin([head, office, extra ?? '', relatedLine, ...list.slice(1).map((r) => r.fact.answer)])
  const facts = [
    {
      section: ctx.office.section,
      title: '联系人及联系电话',
      text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
    },
  ]
  const sources = [{ section: ctx.office.section, title: '联系人及联系电话' }]
  for (const r of [...list].reverse()) {
    if (!answer.includes(r.fact.answer)) continue
    facts.unshift(factOf(r.fact))
    sources.unshift({ section: r.fact.section, title: r.fact.title })
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
    // People asking for the office often ask what or where it is: the plan says who runs it (二).
    const office = program.bodies.office
    parts.push(
      `管理办公室由${office.formedBy.join('、')}共同成立，日常工作由${office.runBy}负责（${office.section}）。`,
    )
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

/** Asks whether a city's quota covers its counties, county-level cities or outer districts. */
const COVERS_ASK = /包含|包括|含不含|含|算不算|算在|在内|只给|只限|仅限|只有市区|覆盖/
const COUNTY_WORDS = /县|县级市|下辖|郊区|市区|城区|区的/

function quotaAnswer(program: Program, q: string, context?: string): QaAnswer {
  const own = citiesIn(program, q)
  const { inProgram, outside } =
    own.inProgram.length + own.outside.length === 0 && context ? citiesIn(program, context) : own
  const section = program.cities[0]?.section ?? '四（二）1'
  const total = program.cities.reduce((s, c) => s + c.quota, 0)
  const all = program.cities.map((c) => `${c.name}${c.quota}名`).join('、')
  const sources = [{ section, title: '遴选对象与名额' }]
  const facts: AnswerFact[] = [{ section, title: '各市名额', text: `${all}，合计${total}名` }]
  const parts: string[] = []
  const named = inProgram
    .map((name) => program.cities.find((c) => c.name === name))
    .filter((c): c is Program['cities'][number] => c !== undefined)
  const [first, second] = named
  if (first && second && named.length === 2 && DIFFERENCE.test(q)) {
    const gap = Math.abs(first.quota - second.quota)
    const verdict =
      gap === 0 ? `两市名额一样多` : `${first.name}比${second.name}${first.quota > second.quota ? '多' : '少'}${gap}名`
    parts.push(`${first.name}${first.quota}名，${second.name}${second.quota}名，${verdict}。`)
  } else if (named.length >= 2 && SUM.test(q)) {
    const sum = named.reduce((s, c) => s + c.quota, 0)
    parts.push(
      `${named.map((c) => c.name).join('和')}一共${sum}名（${named.map((c) => `${c.name}${c.quota}名`).join('、')}）。`,
    )
  } else if (named.length >= 1) {
    // "柳州是20个吧": a number the question proposes for one city, when it is wrong, is corrected first.
    // Only a number offered as the quota ("选20个", "20个吧"), not one of the asker's own words ("一位高一学生的家长").
    const proposed =
      named.length === 1
        ? /(?:选|招|录|是|有|给)了?(\d+)(?:个|名|人|位)|(\d+)(?:个|名|人|位)(?:名额)?(?:吧|吗|对吗|对吧|是吗)/.exec(
            q.replace(/\d+%/g, ''),
          )
        : null
    const guess = proposed ? (proposed[1] ?? proposed[2]) : undefined
    const wrong = guess && first && Number(guess) !== first.quota ? `不是${guess}名，` : ''
    parts.push(`${wrong}${named.map((c) => `${c.name}选拔${c.quota}名学生`).join('，')}。`)
  }
  for (const city of outside) parts.push(`${city}不在本计划的实施范围内，没有名额。`)
  const counties = findPlaces(q).some((p) => p.division !== undefined) || COUNTY_WORDS.test(q)
  if (named.length > 0 && counties && COVERS_ASK.test(q)) {
    // 四（二）1 gives each city's quota for every 高一/高二 student of its 辖区: counties included.
    parts.push(
      `包括：名额面向${named.map((c) => c.name).join('、')}辖区内的全体高一、高二学生，下辖的县、县级市和各城区的学校都在范围内（${section}）。`,
    )
  }
  if (named.length === 0) parts.push(`本计划按城市分配名额：${all}，三市合计${total}名学生。`)
  else if (named.length < program.cities.length) parts.push(`全部名额：${all}，合计${total}名。`)
  parts.push('名额按城市分配，方案没有规定每所学校的推荐人数。')
  return { answer: joinWithin(parts), intent: 'quota', sources, confidence: 0.92, facts }
}

/** contactAnswer for a clause that names no city, reading the cities from the rest of the message. */
function contactIn(program: Program, ctx: Context, q: string, context?: string): QaAnswer {
  const own = citiesIn(program, q)
  if (own.inProgram.length + own.outside.length > 0 || !context || /办公室|自治区|全区/.test(q))
    return contactAnswer(program, ctx, q)
  const cities = citiesIn(program, context).inProgram.map(shortCity).join('')
  return contactAnswer(program, ctx, `${cities}${q}`)
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
    parts.push(
      `${PLAN_NAME}的方案没有给这一步规定具体日期，如需了解请咨询管理办公室${officeContact(program).person}（电话${officeContact(program).phone}）。`,
    )
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

/** The names of the hard conditions, for the short form of a verdict. */
const CONDITION_NAMES: Record<string, string> = { city: '城市', grade: '年级', rank: '成绩排名' }

/**
 * The verdict in one or two sentences, for a message that also asks other things: the verdict,
 * the conditions met by name, and what fails or is still missing with its rule.
 */
function briefEligibility(result: ReturnType<typeof checkEligibility>, priorityAsked: boolean): string {
  const hard = result.checks.filter((c) => c.rule !== 'priority')
  const met = hard.filter((c) => c.status === 'pass').map((c) => CONDITION_NAMES[c.rule] ?? c.rule)
  // When a condition fails, that is the answer; what is still unknown would not change it.
  const failing = hard.filter((c) => c.status === 'fail')
  const open = (failing.length > 0 ? failing : hard.filter((c) => c.status !== 'pass')).map((c) =>
    c.message.replace(/[。；;]$/, ''),
  )
  const verdict = {
    eligible: '能否报名：按方案的报名条件可以报名',
    ineligible: '能否报名：暂不符合报名条件',
    unknown: '能否报名：还不能确定',
  }[result.verdict]
  const metLine = met.length > 0 && result.verdict !== 'eligible' ? `（${met.join('、')}符合）` : ''
  const openLine = open.length > 0 ? `：${open.join('；')}` : ''
  const check = result.checks.find((c) => c.rule === 'priority')
  const priority = result.priority
    ? '；另外符合优先推荐条件'
    : priorityAsked && check
      ? `；优先推荐：${check.message.replace(/[。；;]$/, '')}`
      : ''
  return `${verdict}${metLine}${openLine}${priority}。`
}

/** The eligibility answer in full, and in short for a message with other asks. */
interface EligibilityReply {
  answer: QaAnswer
  brief: string
}

function eligibilityAnswer(program: Program, question: string, q: string): EligibilityReply | undefined {
  const askApply = APPLY_ASK.test(q)
  const askPriority = PRIORITY_ASK.test(q)
  if (!askApply && !askPriority) return undefined
  const { profile } = extractProfile(question)
  const hard = HARD_SIGNALS.filter((k) => profile[k] !== undefined).length
  const extra = (profile.awards?.length ?? 0) + (profile.patents?.length ?? 0) > 0 ? 1 : 0
  // A bare priority question ("市级奖算优先吗") is about the rule, not about one student.
  if (askApply ? hard + extra < 1 : hard < 2) return undefined
  // 有机会/够不够/行不行 alone may ask about anything ("有没有机会去北京参加科学营", "南宁选30个人够不够"):
  // with nothing but a place known and no student named, it is not a question about applying.
  const onlyPlace = profile.city !== undefined && hard + extra === 1
  if (onlyPlace && !askPriority && !CLEAR_APPLY_ASK.test(q) && !SOMEONE.test(q)) return undefined
  const result = checkEligibility(program, profile)
  const explanation = explainEligibility(program, result)
  const sections = [...new Set(result.checks.map((c) => c.section))]
  const note = offRuleNote(program, question)
  const answer: QaAnswer = {
    answer: withNote(explanation, note, askPriority),
    intent: 'eligibility',
    sources: sections.map((section) => ({
      section,
      title: program.facts.find((f) => f.section === section)?.title ?? '遴选条件',
    })),
    eligibility: { verdict: result.verdict, priority: result.priority },
    confidence: 0.9,
    facts: result.checks.map((c) => ({ section: c.section, title: c.rule, text: c.message })),
  }
  return { answer, brief: `${briefEligibility(result, PRIORITY_ASK.test(question))}${note}` }
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

/** Hedged answers, with the fact they rest on: in a message of several asks the fact alone is said. */
const hedgedFacts = new WeakMap<QaAnswer, ProgramFact>()

/** The closest fact, said as such, with the office's number for what it does not settle. */
function hedgedAnswer(ctx: Context, top: ScoredFact, confidence: number): QaAnswer {
  const reply = hedgedReply(ctx, top, confidence)
  hedgedFacts.set(reply, top.fact)
  return reply
}

function hedgedReply(ctx: Context, top: ScoredFact, confidence: number): QaAnswer {
  const answer = joinWithin([
    `${PLAN_NAME}的实施方案里没有找到和您的问题完全对应的规定，最相关的内容是：`,
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

/** A runner-up this close to the best fact is said too when it holds a detail the best one lacks. */
const DETAIL_SHARE = 0.6

function retrievalAnswer(ctx: Context, q: string, scored: ScoredFact[], confidence: number): QaAnswer {
  const top = scored[0] as ScoredFact
  const chosen = [top]
  const second = scored[1]
  const close = second && second.fact.section !== top.fact.section && second.score >= top.score * 0.9
  const detail = second && second.score >= top.score * DETAIL_SHARE && addsDetail(ctx.index, q, top.fact, second.fact)
  if (second && (close || detail)) chosen.push(second)
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
 * Unsure whether the question is outside the program or a point the plan leaves open: one reply
 * that covers both (the plan does not say, what the assistant can help with, the office).
 */
function unsureAnswer(ctx: Context, confidence: number): QaAnswer {
  return {
    answer: `这个问题${PLAN_NAME}的实施方案没有规定，也可能不属于本计划的范围，我无法替您回答。我可以回答和${PLAN_NAME}有关的问题，比如谁能报名、各市名额、报名截止日期、选拔流程、培养安排、评价要求和联系方式。如需进一步了解，可咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`,
    intent: 'out_of_scope',
    sources: [{ section: ctx.office.section, title: '联系人及联系电话' }],
    confidence,
    facts: [
      {
        section: ctx.office.section,
        title: '联系人及联系电话',
        text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
      },
    ],
  }
}

/** "覃毅峰是哪个单位的" / "张逢芳负责哪里": a contact named by person. */
function personAnswer(program: Program, q: string): QaAnswer | undefined {
  const people = program.contacts.filter((c) => q.includes(c.person.replace(/\s+/g, '')))
  if (people.length === 0) return undefined
  const parts = people.map((c) =>
    c.city
      ? `${c.person}是${c.organisation}的联系人，负责${c.city}的咨询，电话${c.phone}。`
      : `${c.person}是${c.organisation}（管理办公室）的联系人，负责全区的咨询，电话${c.phone}。`,
  )
  return {
    answer: joinWithin(parts),
    intent: 'contact',
    sources: [{ section: people[0]?.section ?? '十一', title: '联系人及联系电话' }],
    confidence: 0.92,
    facts: people.map((c) => ({
      section: c.section,
      title: '联系人及联系电话',
      text: `${c.organisation}：${c.person}，${c.phone}`,
    })),
  }
}

/** Words that join two questions in one ("分别", "各是", "以及"). */
const MULTI = /分别|各是|各自|各(在|为|要)|以及|还有|和|跟|与|、/

/** "中期评价和年度评价的截止时间分别是": each named step's date. */
function multiDeadlineAnswer(program: Program, keys: string[], now: Date): QaAnswer | undefined {
  const lines: string[] = []
  const sources: { section: string; title: string }[] = []
  const facts: AnswerFact[] = []
  const steps = keys
    .map((key) => program.milestones.find((m) => m.key === key))
    .filter((m): m is ProgramMilestone => m !== undefined)
    .sort((a, b) => a.due.localeCompare(b.due))
  for (const m of steps) {
    lines.push(`${milestoneWhen(m, now)}。`)
    sources.push({ section: m.section, title: m.title })
    facts.push({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })
  }
  const undated = keys.filter((k) => program.undatedSteps.some((s) => s.key === k))
  for (const key of undated) {
    const step = program.undatedSteps.find((s) => s.key === key)
    if (!step) continue
    lines.push(`${step.title.split(/[：（(]/)[0]}：方案没有规定具体日期。`)
    sources.push({ section: step.section, title: step.title })
  }
  if (lines.length < 2) return undefined
  return { answer: joinWithin(lines), intent: 'deadline', sources, confidence: 0.88, facts }
}

/** The parts of a question with more than one ask, split where people join them. */
function questionParts(q: string): string[] {
  return q
    .split(/[，,、；;？?。！!]|以及|还有|另外|同时/)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 4)
}

/**
 * Adds, for every other part of a two-part question, that part's own best fact when retrieval
 * is sure of it and the answer does not already say it.
 */
function withOtherParts(ctx: Context, q: string, answer: QaAnswer): QaAnswer {
  const parts = questionParts(q)
  if (parts.length < 2) return answer
  let text = answer.answer
  const sources = [...answer.sources]
  const facts = [...answer.facts]
  for (const part of parts) {
    const scored = searchFacts(ctx.index, part)
    const top = scored[0]
    if (!top || top.score < 8 || retrievalConfidence(scored) < 0.45) continue
    if (text.includes(top.fact.answer) || sources.some((s) => s.section === top.fact.section)) continue
    if ([...text].length + [...top.fact.answer].length > MAX_ANSWER_CHARS) continue
    text += top.fact.answer
    sources.push({ section: top.fact.section, title: top.fact.title })
    facts.push(factOf(top.fact))
  }
  return text === answer.answer ? answer : { ...answer, answer: text, sources, facts }
}

/**
 * A dated answer to a question that also asks for a day or a place the plan does not give
 * ("见面会具体几号开", "中期汇报什么时候在哪开"): says so, with the office's number.
 */
function withGap(ctx: Context, q: string, answer: QaAnswer): QaAnswer {
  const asked = askedType(q)
  const missing =
    (asked === 'date' && !/\d{1,2}月\d{1,2}日/.test(answer.answer) && '具体日期') ||
    (ASK_PLACE_TOO.test(q) && !factGives('place', answer.answer) && '具体地点')
  if (!missing || answer.answer.includes(ctx.office.phone)) return answer
  const text = joinWithin([
    answer.answer,
    `${missing}${PLAN_NAME}的方案没有规定，请留意通知或咨询管理办公室${ctx.office.person}（电话${ctx.office.phone}）。`,
  ])
  return { ...answer, answer: text }
}

/** A question that asks where, besides anything else. */
const ASK_PLACE_TOO = /在哪|哪里|哪儿|什么地方|地点|哪个学校/

/** Membership of a university the plan does not list ("有没有桂林电子科技大学"). */
function universityMembershipAnswer(program: Program, q: string): QaAnswer | undefined {
  if (!/实施|参与|合作|高校|之一|在不在|有没有|是不是|是否|包括|包含|算不算|属于|里面?有/.test(q)) return undefined
  const listed = program.universities.flatMap((u) => [u.name, ...u.aliases])
  const others: string[] = []
  for (const m of q.matchAll(/(大学|学院)/g)) {
    const before = q.slice(Math.max(0, (m.index ?? 0) - 10), m.index)
    const name = `${before.split(/有没有|是不是|是否|在不在|算不算|包括|包含|属于|里|和|跟|与|、|，|,|吗|呢|的|有|是|去|在/).pop() ?? ''}${m[1]}`
    if ([...name].length < 4 || listed.includes(name) || others.includes(name)) continue
    if (listed.some((l) => l.length >= 4 && (name.includes(l) || l.includes(name)))) continue
    others.push(name)
  }
  if (others.length === 0) return undefined
  const list = program.universities.map((u) => u.name).join('、')
  const section = program.universitiesSection
  return {
    answer: `${others.join('、')}不在本计划的实施高校之内：${program.cohort}年的实施高校只有${list}${program.universities.length}所。`,
    intent: 'fact',
    sources: [{ section, title: '实施高校' }],
    confidence: 0.85,
    facts: [{ section, title: '实施高校', text: list }],
  }
}

/** Subjects people ask about that the plan's list does not name. */
const OTHER_SUBJECTS =
  /地理|历史|政治|天文|地质|医学|工程|经济|艺术|体育|音乐|美术|哲学|心理|环境|农业|语文|英语|外语|文科/

/** "地理可以作为研究学科吗": the list, that it does not name this one, and that it ends with 等. */
function subjectMembershipAnswer(ctx: Context, program: Program, q: string): QaAnswer | undefined {
  if (!/学科|科目|方向|专业|领域/.test(q)) return undefined
  const asked = [...new Set(q.match(new RegExp(OTHER_SUBJECTS.source, 'g')) ?? [])]
  if (asked.length === 0) return undefined
  const names = program.subjects.names.join('、')
  const section = program.subjects.section
  const open = program.subjects.open ? '（方案写的是“等”，并不限于这几门）' : ''
  return {
    answer: `方案列出的学科是${names}${program.subjects.open ? '等' : ''}${open}，没有明确列出${asked.join('、')}；${asked.join('、')}方向能否参加，方案未作规定。如需确认，请咨询管理办公室${ctx.office.person}，电话${ctx.office.phone}。`,
    intent: 'fact',
    sources: [{ section, title: '学科范围' }],
    confidence: 0.8,
    facts: [{ section, title: '学科范围', text: names }],
  }
}

/**
 * The steps of selecting students (九（二）1–4) in order, by fact id, each with the words that
 * name it in a question, then the first step after selection (九（三）).
 */
const SELECTION_CHAIN: { id: string; name: string; pattern: RegExp }[] = [
  {
    id: 'school_recommendation',
    name: '学校推荐',
    pattern:
      /学校推荐|推荐上去|(学校|中学)(报|交|推荐|报送|上报)(上去|了|完)|(申请表|报名表|材料)[^，,。？?]{0,3}(交|报|提交|送)|交(到|给)[^，,。？?]{0,3}科协|报(完|了)名|报名(之|以)?后|报名完/,
  },
  {
    id: 'city_review',
    name: '市级审核',
    pattern: /(市|市里|市级|市科协|各市)[^，,。？?]{0,3}审(核|查|完|过)|市级审核/,
  },
  {
    id: 'regional_review',
    name: '自治区级审核',
    pattern: /(管理办公室|管理办|自治区|区级|区里)[^，,。？?]{0,3}审(核|查|完|过)|资格审核|候选人/,
  },
  { id: 'mentor_selection', name: '导师遴选', pattern: /导师遴选|导师(选|挑|面)(完|过|了|中)|被导师选/ },
  // Once selected, what follows is the notice and then the meeting (九（三）).
  { id: 'public_notice', name: '公示', pattern: /公示|(入选|选上|录取)(了|之|以)?后/ },
]
/** Asks what comes after a step, or whether a step already settles it ("通过后是不是就算入选了", "然后呢"). */
const NEXT_ASK =
  /(之后|以后|后|完了|完|过了|通过了?|结束了?)[^，,。？?]{0,10}(是不是|是否|就|下一步|接下来|然后|还要|还有|还得|会怎样|会怎么样|怎么办|干什么|做什么|干嘛|呢)|下一步|接下来|然后(呢|是|还)|再往后|后面(还有|是|呢)|就(算|等于|是|能|可以)?(入选|录取|选上|定下来|确定)/
/** Asks whether the step already settles the outcome. */
const SETTLED_ASK = /是不是|是否|就(算|等于|是|能|可以|定)|算不算|等于/

/**
 * "管理办公室审核通过后是不是就算入选了", "导师遴选完了然后呢": the step named and the steps of
 * 九（二） that follow it (a step before 导师遴选 does not yet settle who is selected).
 */
function nextStepAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!NEXT_ASK.test(q) || ASK_WHEN.test(q) || /多久|多长时间|几天/.test(q)) return undefined
  let at = -1
  SELECTION_CHAIN.forEach((step, i) => {
    if (step.pattern.test(q)) at = i
  })
  // "审核通过以后…" with no level named: the end of 资格审核, where the candidates are fixed.
  if (at < 0 && /审核(通过|过了|完|结束)/.test(q)) at = SELECTION_CHAIN.findIndex((s) => s.id === 'regional_review')
  if (at < 0) return undefined
  const chain = SELECTION_CHAIN.map((step) => ctx.factsById.get(step.id))
  const following = chain.slice(at + 1).filter((f): f is ProgramFact => f !== undefined)
  const current = chain[at]
  const after = ctx.factsById.get('meet_and_greet')
  if (at === SELECTION_CHAIN.length - 1 && after) following.push(after)
  const names = SELECTION_CHAIN.slice(at + 1).map((s) => s.name)
  const decided = SELECTION_CHAIN.findIndex((s) => s.id === 'mentor_selection')
  const head =
    at < decided
      ? `${SETTLED_ASK.test(q) ? '还不算入选。' : ''}${SELECTION_CHAIN[at]?.name}之后还要经过${names.join('、')}，由导师遴选确定入选学生，公示后才公布名单：`
      : at === decided
        ? '导师遴选确定入选学生，之后还要公示：'
        : '公示结束后公布入选学生名单，接着是师生见面会：'
  const body = following.map((f) => f.answer)
  const withCurrent = current ? [current.answer, ...body] : body
  const fits = [...[head, ...withCurrent].join('')].length <= MAX_ANSWER_CHARS
  const parts = [head, ...(fits ? withCurrent : body)]
  const answer = joinWithin(parts)
  const used = [...(fits && current ? [current] : []), ...following].filter((f) => answer.includes(f.answer))
  return {
    answer,
    intent: 'process',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/** "找谁报名", "申请表交给谁": the way to apply (through one's school, 九（二）1) and the city contacts. */
function applyProcessAnswer(program: Program, ctx: Context, q: string, context?: string): QaAnswer {
  const id = /申请表|报名表|材料|交/.test(q) ? 'school_recommendation' : 'how_to_apply'
  const fact = ctx.factsById.get(id) ?? ctx.factsById.get('how_to_apply')
  const named = citiesIn(program, q).inProgram
  const cities = named.length > 0 ? named : context ? citiesIn(program, context).inProgram : []
  const contacts = program.contacts.filter((c) => c.city && (cities.length === 0 || cities.includes(c.city)))
  const line = `有疑问可联系当地市科协（${contacts.map((c) => `${shortCity(c.city as string)}${c.person} ${c.phone}`).join('；')}），或管理办公室${ctx.office.person}（${ctx.office.phone}）。`
  const parts = [fact?.answer ?? '', line]
  return {
    answer: joinWithin(parts),
    intent: 'process',
    sources: fact ? [{ section: fact.section, title: fact.title }] : [],
    confidence: 0.88,
    facts: [
      ...(fact ? [factOf(fact)] : []),
      ...contacts.map((c) => ({
        section: c.section,
        title: '联系人及联系电话',
        text: `${c.organisation}：${c.person}，${c.phone}`,
      })),
    ],
  }
}

/** Asks what a party must do ("主办单位负责哪些事", "管理办公室的职责"). */
const DUTY_ASK =
  /负责(什么|哪些|啥|干啥|干嘛|做什么|哪块|哪方面)|职责|责任|要做(什么|哪些|啥)|做(哪些|什么|啥)(事|工作)|做些什么|干(啥|嘛|什么|些什么)|承担(什么|哪些)|任务|分工|工作(内容|是什么|有哪些)|管(什么|哪些|啥)|起(什么|啥)作用|跟进(哪些|什么)|跟踪工作|还要(跟踪|追踪|负责|做)|协助(谁|什么|哪些)|配合谁|帮谁/
/** The parties of 八（一）–（四), each with the facts that give its duties (十（二） adds to 高校 and 中学). */
const PARTIES: { ids: string[]; pattern: RegExp }[] = [
  { ids: ['duty_organisers'], pattern: /主办|自治区科协|广西科协|区科协和|教育厅/ },
  { ids: ['duty_office'], pattern: /管理办公室|管理办/ },
  // 承办 runs the office's daily work (二); the city 科协 has no duty article, only its steps (九).
  { ids: ['organisers', 'office'], pattern: /承办/ },
  {
    ids: ['city_review', 'mentor_selection', 'meet_and_greet'],
    pattern: /市科协|市级科协|各市科协|(南宁|柳州|桂林)市?科协/,
  },
  // A place gone to (去大学, 在学校) is not the party asked about.
  { ids: ['duty_universities', 'responsibilities'], pattern: /(?<![去到在进])(高校|大学)/ },
  { ids: ['duty_schools', 'responsibilities'], pattern: /(?<![去到在进回])(中学|学校|高中)/ },
]
/** A school's follow-up work (十（二）: 中期评估、年度评价、毕业升学和就业跟踪; 七: tracking every student). */
const FOLLOW_UP = /跟踪|追踪|后续|后面|升学|就业|评估|毕业|跟进/

/**
 * The facts of these ids said one after another within 400 characters, as a 'fact' answer citing
 * those that fit whole; undefined when none of the ids is a fact of the program.
 */
function factsAnswer(ctx: Context, ids: string[]): QaAnswer | undefined {
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  if (facts.length === 0) return undefined
  const answer = joinWithin(facts.map((f) => f.answer))
  const used = facts.filter((f) => answer.includes(f.answer))
  return {
    answer,
    intent: 'fact',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/** The duty facts of the parties a question asks about, or undefined when it asks no duty. */
/** A named step or activity: what a party does *there* is that step's fact, not the party's general duties. */
const NAMED_STEP = /中期|年度评价|年度考核|见面会|公示|遴选|资格审核|市级审核|汇报|研究方向|选题|申请表/

function dutyAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!DUTY_ASK.test(q) || OTHER_ROLE.test(q) || NAMED_STEP.test(q) || /^(我|学生|孩子|娃|家长)/.test(q))
    return undefined
  const ids: string[] = []
  for (const party of PARTIES) {
    if (!party.pattern.test(q)) continue
    const own =
      party.ids.includes('duty_schools') && FOLLOW_UP.test(q)
        ? ['responsibilities', 'tracking']
        : // Whom a party assists (协助管理办公室) is said in 十（二）, so it leads.
          /协助|配合谁|帮谁/.test(q) && party.ids.includes('responsibilities')
          ? ['responsibilities', ...party.ids.filter((id) => id !== 'responsibilities')]
          : party.ids
    for (const id of own) if (!ids.includes(id)) ids.push(id)
  }
  return factsAnswer(ctx, ids)
}

/** What a student does at the university (五（三） and 五（三）1), not only how often they go. */
const AT_UNIVERSITY =
  /(去|到|在|进)了?(大学|高校)(里|里面|那边|那里)?[^，,。？?]{0,8}(干|做|学|参加|搞|培养|活动|内容)|(大学|高校)(里|那边)?(都|主要|具体)?(干|做|学)(些|点)?(什么|啥|哪些)|(大学|高校).{0,4}(怎么|如何).{0,3}培养/
const NOT_AT_UNIVERSITY =
  /次|多久|几|时长|地点|哪里|哪儿|在哪|多少|要求|条件|职责|负责|组织|统一|谁(来|带|安排)|由谁|配合|中学这边|中学要|学校这边/

function atUniversityAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!AT_UNIVERSITY.test(q) || NOT_AT_UNIVERSITY.test(q)) return undefined
  return factsAnswer(ctx, ['training_mode', 'university_training', 'visits'])
}

/** A month (with its year when given) named in a question: "明年2月底", "12月份", "2024年9月", "10月27日". */
const MONTH_REF = /(?:(\d{4})年|(明年|今年|下一年))?(\d{1,2})月(?:(\d{1,2})(?:日|号))?/
/** Asks what happens or must be done then. */
const WHAT_THEN =
  /干嘛|干什么|干啥|做什么|做啥|做哪些|要做|有什么|有啥|有哪些|安排|完成|交什么|要交|什么事|哪些事|活动|哪个环节|哪一步|忙什么|忙啥|进行什么/

/** The dated steps of the month a question names (the day's own step when it names one), with their dates. */
function monthAnswer(program: Program, ctx: Context, q: string, scored: ScoredFact[], now: Date): QaAnswer | undefined {
  const m = MONTH_REF.exec(q)
  if (!m || !WHAT_THEN.test(q)) return undefined
  const month = Number(m[3])
  if (month < 1 || month > 12) return undefined
  const thisYear = Number(beijingDate(now).slice(0, 4))
  const year = m[1] ? Number(m[1]) : m[2] === '今年' ? thisYear : m[2] ? thisYear + 1 : undefined
  const inMonth = program.milestones
    .filter((x) => Number(x.due.slice(5, 7)) === month && (year === undefined || Number(x.due.slice(0, 4)) === year))
    .sort((a, b) => a.due.localeCompare(b.due))
  const day = m[4] ? Number(m[4]) : undefined
  const onDay = day === undefined ? [] : inMonth.filter((x) => !x.month && Number(x.due.slice(8, 10)) === day)
  const steps = onDay.length > 0 ? onDay : inMonth
  const when = `${year ? `${year}年` : ''}${month}月`
  if (steps.length === 0) {
    const all = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
    const list = all.map(
      (x) => `${x.month ? chineseMonth(x.month) : `${chineseDate(x.due)}前`}：${x.title.split(/[：（(]/)[0]}`,
    )
    return {
      answer: joinWithin([
        `方案没有给${when}安排有明确日期的环节。本期的时间节点是：`,
        `${list.join('；')}。`,
        officeLine(ctx),
      ]),
      intent: 'schedule',
      sources: all.map((x) => ({ section: x.section, title: x.title })),
      confidence: 0.7,
      facts: all.map((x) => ({ section: x.section, title: x.title, text: `${x.title}，${x.due}` })),
    }
  }
  const parts = steps.map((x) => `${milestoneWhen(x, now)}。`)
  const facts: AnswerFact[] = steps.map((x) => ({ section: x.section, title: x.title, text: `${x.title}，${x.due}` }))
  const sources = steps.map((x) => ({ section: x.section, title: x.title }))
  for (const x of steps) {
    if (x.key === 'training_end') continue
    const fact = bestFactInSection(scored, program, x.section)
    if (!fact || parts.includes(fact.answer)) continue
    parts.push(fact.answer)
    facts.push(factOf(fact))
  }
  return { answer: joinWithin(parts), intent: 'deadline', sources, confidence: 0.85, facts }
}

/** Asks for a time at all ("学术会议几月份开"): an undated activity's fact does not answer it. */
const ASK_WHEN = /什么时候|啥时候|何时|几月|哪个月|几号|哪天|哪一天|具体时间|时间是|日期/

/** Labels for the kinds of detail the plan may not give, named in the reply. */
const GAP_LABELS: Partial<Record<string, string>> = {
  proportion: '所占的比例或权重',
  url: '网址、下载渠道或公众号',
  when: '这项活动的具体时间',
}

/** Program words strong enough to keep a general-task question ("帮我写…成长日志") in scope. */
const CORE_TERMS =
  /遴选|导师|名额|成长日志|申请表|报名表|见面会|中期|年度评价|公示|科协|管理办公室|入选|候选人|指导教师|指导老师|学员|英才库|双校|双师|科学营|研究方向|综合素质评价|培养/

// ---------------------------------------------------------------------------------------------
// Conditions the plan does not set, the activities of the cycle, how results are learnt, forms.

/** The conditions outside the rules that a question raises, by label. */
function offRuleLabels(q: string): string[] {
  return OFF_RULE_CONDITIONS.filter((c) => c.pattern.test(q)).map((c) => c.label)
}

/**
 * One sentence for an eligibility question that raises a condition the plan does not set: what
 * 四（二）1 does say (the three cities' 辖区, every 高一 and 高二 student, recommended by the school
 * they attend, 九（二）1), that the condition is not mentioned, and whom to ask.
 */
function offRuleNote(program: Program, q: string): string {
  const labels = offRuleLabels(q)
  if (labels.length === 0) return ''
  const office = officeContact(program)
  const section = program.cities[0]?.section ?? '四（二）1'
  const cities = program.cities.map((c) => c.name).join('、')
  return `方案的遴选对象是${cities}辖区内的全体高一、高二学生（${section}），由就读的中学推荐，没有提到${labels.join('、')}方面的要求；如需确认，请咨询管理办公室${office.person}（电话${office.phone}）。`
}

/**
 * An eligibility explanation with the note on an unset condition, within 400 characters: lines
 * the asker did not ask for (priority, the general reminder) go first, then the rest is cut.
 */
function withNote(explanation: string, note: string, priorityAsked: boolean): string {
  if (!note) return clamp(explanation)
  const room = MAX_ANSWER_CHARS - [...note].length - 1
  let lines = explanation.split('\n')
  const fits = () => [...lines.join('\n')].length <= room
  if (!fits() && !priorityAsked) lines = lines.filter((l) => !l.startsWith('优先推荐'))
  if (!fits()) lines = lines.filter((l) => !l.startsWith('此外须'))
  return `${clamp(lines.join('\n'), room)}\n${note}`
}

/** Asks what a selected student does in the program ("入选后一般干什么", "进去以后主要参加什么活动"). */
const ACTIVITY_ASK =
  /(入选|选上|选中|录取|录上|进去|进了|进入|加入|参加了|被选)[^，,。？?]{0,12}(干什么|做什么|干啥|做啥|干嘛|(做|干)些(什么|啥)|参加(什么|哪些|啥)|(什么|哪些|啥)活动|学(些)?(什么|啥)|主要(是|做|干|参加|学))|(平时|主要|具体|一般)[^，,。？?]{0,6}(干什么|做什么|干啥|做啥|干嘛|(做|干)些(什么|啥)|参加(什么|哪些|啥)|学(些)?(什么|啥))|(培养|计划|项目)(里|中|期间|过程中)?[^，,。？?]{0,4}(有|都有|包括)(什么|哪些|啥)(活动|内容)|培养(内容|方式)(是|有)?(什么|哪些|啥)/
/** A specific activity, a party's duty, a step or a requirement: asked elsewhere. */
const NOT_ACTIVITY =
  /学校|中学|高校|大学|导师|科协|办公室|主办|承办|审核|遴选|公示|推荐|见面会|交流|展示|成果|科学营|会议|论坛|中期|年度|评价|考核|要求|次数|几次|多久|下一步|接下来|然后|流程|环节|手续|步骤|报告|材料|日志|综述|论文|记录/

/** 五（三）'s way of training first (what a student takes part in), then 五（三）3's exchanges if they fit. */
function activitiesAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!ACTIVITY_ASK.test(q) || NOT_ACTIVITY.test(q) || ASK_WHEN.test(q)) return undefined
  return factsAnswer(ctx, ['training_mode', 'practice_showcase'])
}

/** The outcome of selection, as people name it. */
const RESULT_TOPIC = /结果|名单|选上|选中|入选|录取|录上|中选|被选|有没有(被)?选|过没过|通过没/
/** Asks how or where the outcome is learnt (not when: dates go through the steps). */
const RESULT_HOW =
  /怎么(知道|查|看|得知|确认|通知)|如何(知道|查|看|得知|确认)|哪(里|儿|个地方|个平台|个网站)?(能)?(看|查|公布|公示|找|知道|发布)|查(询|看)?|通知|告诉|公布在|发布/
/** The outcome word used of something else (conditions, the school's own list). */
const NOT_RESULT = /条件|要求|标准|名额|申请表|报名表|推荐名单|方案|文件|导师名单|候选人/

/** 九（二）4: the notice on the cloud platform for 5 working days, then the list (plus what the plan leaves open). */
function resultAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!RESULT_TOPIC.test(q) || !RESULT_HOW.test(q) || NOT_RESULT.test(q)) return undefined
  const notice = ctx.factsById.get('public_notice')
  if (!notice) return undefined
  const office = officeContact(program)
  const parts = [`可以看公示：${notice.answer}`]
  const facts = [factOf(notice)]
  if (/通知|告诉|短信|打电话/.test(q))
    parts.push(
      `方案没有写是否另行逐一通知学生本人，可留意公示和学校的消息，或咨询管理办公室${office.person}（电话${office.phone}）。`,
    )
  const steps = ctx.factsById.get('selection_steps')
  if (steps && ASK_WHEN.test(q)) {
    parts.push(`公示的具体日期方案没有写；${steps.answer}`)
    facts.push(factOf(steps))
  }
  const answer = joinWithin(parts)
  return {
    answer,
    intent: notice.intent ?? 'process',
    sources: facts.filter((f) => answer.includes(f.text)).map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts,
  }
}

/** A document or hand-in named with a question of form (纸质/电子版, 原件, 几份, 照片…). */
const DOCUMENT = /申请表|报名表|材料|证书|证明|奖状|获奖|专利|成长日志|日志|报告|论文|附件|表格|交|提交|报名|申请/

/**
 * The medium or form of what is handed in: the plan gives none, so the answer says so, whom to
 * ask, and the fact it does give on that document (the 《申请表》 of 九（二）1 unless another is named).
 */
function formatAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (askedType(q) !== 'format' || !DOCUMENT.test(q)) return undefined
  const id = /成长日志|日志/.test(q)
    ? 'visits'
    : /课题报告|培养报告|读书报告|文献综述|实验记录|小论文/.test(q)
      ? 'annual'
      : 'school_recommendation'
  const fact = ctx.factsById.get(id)
  return notInDocumentAnswer(
    ctx,
    '材料的具体形式（纸质或电子、原件或复印件、份数、格式、照片、签字等）',
    fact ? { fact, score: 99 } : undefined,
    0.8,
  )
}

/**
 * Answers a question about a program: synchronous, deterministic, and fast (the retrieval
 * index is built once per program object). `now` places dates relative to today in Beijing.
 */
/** A receiving office named as the destination ("交到柳州市科协"): not the one acting. */
const DESTINATION = /(到|给|至|向|往)(当地的?)?(南宁|柳州|桂林)?(市)?(级)?(科协|管理办公室|自治区)/g
/** The city association (or "市里") named as the one handing something on. */
const CITY_ACTOR =
  /(市科协|市级科协|市里|市级|各市|市一级|(南宁|柳州|桂林)(市)?科协)[^，,。？?]{0,14}(报|交|提交|送|上报|审核|审完)/
/** The school named as the one handing the application on. */
const SCHOOL_ACTOR = /(学校|中学|校方|本校|班主任)[^，,。？?]{0,14}(报|交|提交|送|上报|推荐)/

/**
 * The selection step whose actor the question names as the one acting ("柳州市科协几号之前要把
 * 申请表报上去" is the city's step even though 申请表 is mentioned): the city first, then the school.
 */
function actorStep(q: string): string | undefined {
  const acting = q.replace(DESTINATION, '，')
  if (CITY_ACTOR.test(acting)) return 'city_review'
  if (SCHOOL_ACTOR.test(acting)) return 'school_submission'
  return undefined
}

/** Asks why the program exists (article 一), not which documents it rests on (the preamble). */
const PURPOSE_ASK =
  /目的|意义|宗旨|初衷|为了(啥|什么|干啥|干什么)|为啥(要)?(办|搞|做|开展|组织|设立|推出)|为什么(要)?(办|搞|做|开展|组织|设立|推出)|图(啥|什么)|有什么用|(办|搞)(这个|它).{0,4}(干啥|干什么)/
/** Asks for the documents or the spirit the plan follows: the preamble's answer. */
const BASIS_ASK = /依据|根据|文件|精神|贯彻|落实|政策|出台|通知|上级|二十大|背景/

/** The kinds of mentor the plan lists (四（一）), each with the words that name it in a question. */
const MENTOR_TITLES: { name: string; pattern: RegExp }[] = [
  { name: '院士', pattern: /院士/ },
  { name: '“长江学者”特聘教授', pattern: /长江学者/ },
  { name: '国家杰出青年科学基金获得者', pattern: /杰青|杰出青年/ },
  { name: '国家级教学名师', pattern: /国家级的?教学名师|国家教学名师/ },
  { name: '省级教学名师', pattern: /(省级|自治区级|区级)的?教学名师/ },
  { name: '相关专业领域专家', pattern: /专家/ },
]
/** Titles people ask about that the list does not name. */
const OTHER_TITLES =
  /(市级|县级|校级)?的?教学名师|副教授|教授|副研究员|研究员|讲师|助教|博士后|博士|硕士|博导|硕导|工程师|中学(老师|教师)|高中(老师|教师)|大学老师|老师|教师/
/** Asks whether someone may be a mentor of the program. */
const MENTOR_ROLE_ASK =
  /(当|做|担任|成为|聘为|作为|应聘|申请|报)[^，,。？?]{0,10}导师|导师[^，,。？?]{0,4}(资格|条件|要求)|(够|有)(没有)?资格[^，,。？?]{0,6}导师|(能|可以|算)(不能|不可以)?(当|做)?导师/

// ---------------------------------------------------------------------------------------------
// Asks the plan settles in one or two articles, routed by what is asked, not by shared words.

/** The answer made of some facts (by id), with an optional lead sentence before them. */
function factsReply(ctx: Context, ids: string[], lead = '', confidence = 0.85, intent = 'fact'): QaAnswer | undefined {
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  if (facts.length === 0) return undefined
  const answer = joinWithin([lead, ...facts.map((f) => f.answer)].filter(Boolean))
  const used = facts.filter((f) => answer.includes(f.answer))
  const cited = used.length > 0 ? used : facts.slice(0, 1)
  return {
    answer,
    intent: (facts[0] as ProgramFact).intent ?? intent,
    sources: cited.map((f) => ({ section: f.section, title: f.title })),
    confidence,
    facts: cited.map(factOf),
  }
}

/** The broader fact a question is about and that the plan names nothing of the qualifier asked. */
function qualifierAnswer(top: ScoredFact, word: string): QaAnswer {
  const f = top.fact
  const answer = clamp(`方案（${f.section}）提到的是：${f.answer}但没有提到“${word}”，这一点方案没有规定。`)
  return {
    answer,
    intent: 'not_in_document',
    sources: [{ section: f.section, title: f.title }],
    confidence: 0.5,
    facts: [factOf(f)],
  }
}

/** Asks in what field the experts who guide the students work (一, 三（三）), not who may be a mentor. */
const FIELD_ASK =
  /(哪方面|哪些方面|什么方面|啥方面|什么领域|啥领域|哪个领域|哪些领域|哪个方向|什么方向|哪类|哪一类|什么类型|哪个学科|什么学科|哪些学科|哪方向)[^，,。？?]{0,6}(专家|导师|教授|老师)|(专家|导师|教授)[^，,。？?]{0,4}(是|属于|来自)?(哪方面|什么领域|哪个领域|哪些领域|哪个方向|什么方向|哪个学科|什么学科)/

/** The field of the experts: article 一 says who guides the students, 三（三） which subjects. */
function fieldAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!FIELD_ASK.test(q)) return undefined
  const purpose = ctx.factsById.get('purpose')
  const subjects = program.subjects
  const lead =
    `学生进大学后，是在自然科学基础学科领域的专家指导下参加科学研究、学术研讨和科研实践（${purpose?.section ?? '一'}）；` +
    `学科范围是${subjects.names.join('、')}${subjects.open ? '等' : ''}（${subjects.section}）。`
  const reply = factsReply(ctx, ['subjects', 'mentor_qualification'], lead)
  if (!reply) return undefined
  const answer = joinWithin([lead, ctx.factsById.get('mentor_qualification')?.answer ?? ''].filter(Boolean))
  return {
    ...reply,
    answer,
    sources: [{ section: purpose?.section ?? '一', title: purpose?.title ?? '目的意义' }, ...reply.sources],
  }
}

/** Asks for the conditions a student must meet to apply (四（二）1–2), not how to hand in the form. */
const CONDITION_WORD = /要求|条件|门槛|资格|标准|硬性|限制/
const CONDITION_WHO = /报名|报考|申请|参加|参与|入选|选拔|遴选|学生|孩子|报这个|能报/
const NOT_CONDITION =
  /交|提交|怎么报|如何报|在哪报|材料|申请表|报名表|导师|老师|教师|团队|培养期间|培养过程|到校|次数|日志|评价|考核|中期|年度|名额|截止|几月|时间|优先|其他|还有|除了|此外|除此|成绩|排名|年级|高[一二三]|初[一二三]|专利|竞赛|获奖|审核|公示|学校要|中学要|高校要|格式|年龄|身体|户籍|户口|学籍|家长/

/** The selection conditions in brief: who (四（二）1), the two conditions and the priority items (四（二）2). */
function conditionsAnswer(program: Program, ctx: Context, q: string): QaAnswer | undefined {
  if (!CONDITION_WORD.test(q) || !CONDITION_WHO.test(q) || NOT_CONDITION.test(q)) return undefined
  const e = program.eligibility
  const cities = program.cities.map((c) => c.name).join('、')
  const answer =
    `报名对象是${cities}辖区内的${e.grades.allowed.join('、')}学生（${e.grades.section}）。遴选条件（四（二）2）：` +
    `（1）品学兼优、热爱科学，对自然科学、基础学科有浓厚兴趣，有良好的学科基础知识和突出的科技特长；` +
    `（2）相应学科成绩在本校年级前${e.rank.subjectTopPercent}%，或综合成绩排名前${e.rank.overallTopPercent}%；` +
    `（3）初中或高中阶段在科技竞赛/活动或中学生五项学科竞赛中获自治区级及以上奖项，或获科技类发明专利、实用新型专利授权的，可优先推荐。`
  const ids = ['target', 'qualities', 'rank', 'priority']
  const facts = ids.map((id) => ctx.factsById.get(id)).filter((f): f is ProgramFact => f !== undefined)
  return {
    answer: clamp(answer),
    intent: 'fact',
    sources: facts.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: facts.map(factOf),
  }
}

/** The number of visits a question gives (digits or Chinese numerals up to 99), read before 次. */
function visitCount(q: string): number | undefined {
  const m = q.match(/(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*次/)
  if (!m) return undefined
  const raw = m[1] as string
  if (/^\d+$/.test(raw)) return Number(raw)
  // Several digits without 十 (二三次) are a range, not a number.
  if (!raw.includes('十') && raw.length > 1) return undefined
  return chineseNumberToInt(raw)
}

/** Whether a question is about going to the university a number of times. */
const VISIT_TOPIC =
  /次数|(去|到|跑|来|进)(了)?[^，,。？?]{0,4}(大学|高校|学校|实验室)|到校|培养|活动|见面|参加|去了|跑了|少去|缺席|请假/
/** Asks whether a count meets the rule, whether fewer will do, or whether missed visits can be made up. */
const VISIT_JUDGE =
  /够|算|达标|完成|合格|行不行|行吗|就行|行了|可以了|可以吗|可不可以|满足|达到|符合|及格|过关|要求|少去|少几次|缺几次|缺了|补(?!贴|助|习|课|偿)/

/** 五（三）1 against a count: at least 10 visits in the cycle, the count said to meet it or not. */
function visitsAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const fact = ctx.factsById.get('visits')
  if (!fact) return undefined
  const n = visitCount(q)
  const fewer = /少去|少几次|少(来|到|跑)|缺(了|席)?几次|不去几次|没去够|次数不够|不够次数/.test(q)
  if (!VISIT_TOPIC.test(q) || !VISIT_JUDGE.test(q)) return undefined
  const makeUp = /补(?!贴|助|习|课|偿)/.test(q)
  if (n === undefined && !fewer && !makeUp) return undefined
  if (n !== undefined && !/次/.test(q)) return undefined
  const rule = `方案要求学生在一个培养周期内到高校参加培养不少于10次（${fact.section}）。`
  const parts = [rule]
  if (n !== undefined)
    parts.push(n >= 10 ? `${n}次不少于10次，达到了这项次数要求。` : `${n}次少于10次，不够，没有达到这项要求。`)
  else if (fewer) parts.push('少于10次就达不到这项要求。')
  if (makeUp) parts.push('次数不够能否补上，方案没有规定。')
  parts.push('每次活动后还要登录平台提交《成长日志》。')
  return {
    answer: clamp(parts.join('')),
    intent: fact.intent ?? 'process',
    sources: [{ section: fact.section, title: fact.title }],
    confidence: 0.85,
    facts: [factOf(fact)],
  }
}

/** A party that may get the incentives of 十（三）. */
const INCENTIVE_PARTY = /老师|教师|导师|教授|高校|大学|中学|学校|学生|孩子|参加的|参与的|单位|我们|娃/
/** Asks for incentives, benefits or whether the work counts (激励, 好处, 有什么用, 算不算工作量…). */
const INCENTIVE_ASK =
  /激励|好处|奖励|有什么用|有啥用|有用吗|有没有用|用处|益处|工作量|评职称|职称评聘|职称.{0,4}(优先|有用|加分|有帮助)|绩效|综合素质评价|综评|回报|优待|甜头/

/** 十（三）: what students, schools and teachers get from taking part. */
function incentivesAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!INCENTIVE_ASK.test(q) || !INCENTIVE_PARTY.test(q)) return undefined
  const ids = ['incentives']
  if (/奖励|表彰|评优/.test(q)) ids.push('commendation')
  return factsReply(ctx, ids)
}

/** A party other than the students that may itself be evaluated (九（五）). */
const EVALUATED_PARTY = /导师|老师|教师|学校|中学|高校|大学|单位/
const PARTY_EVALUATED = new RegExp(
  `(${EVALUATED_PARTY.source})[^，,。？?学生孩子]{0,6}(被|也要|也会|会不会|要不要|需不需要|需要|有没有|是否|会)[^，,。？?学生孩子]{0,3}(综合)?(评价|考核|考评|评估|评比|评)|对[^，,。？?]{0,4}(${EVALUATED_PARTY.source})[^，,。？?学生孩子]{0,8}(评价|考核|考评|评估|评比)`,
)

/** 九（五）: units, mentors and teachers are evaluated too, with the students, and commended. */
function partyEvaluationAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!PARTY_EVALUATED.test(q) || /怎么评价学生|评价学生|考核学生|学生的?(评价|考核)/.test(q)) return undefined
  return factsReply(ctx, ['commendation'])
}

/**
 * Whether a named title is among the mentor kinds the plan lists (四（一）): a yes for a listed
 * kind, and for any other title what the list holds and who decides. A structured check over the
 * list, so a bare yes is never given to a question it does not settle.
 */
function mentorTitleAnswer(ctx: Context, q: string): QaAnswer | undefined {
  if (!MENTOR_ROLE_ASK.test(q)) return undefined
  const fact = ctx.factsById.get('mentor_qualification')
  const team = ctx.factsById.get('mentor_team')
  if (!fact) return undefined
  const listed = MENTOR_TITLES.find((t) => t.pattern.test(q))
  const other = listed ? undefined : q.match(OTHER_TITLES)?.[0]
  if (!listed && !other) return undefined
  const appoint = '具体人选由参与高校推荐，管理办公室按导师条件审定后正式确定并颁发聘书。'
  const answer = listed
    ? `可以，${listed.name}属于方案所列导师人选（${fact.section}）：导师以院士、“长江学者”特聘教授、国家杰出青年科学基金获得者、国家级教学名师、省级教学名师及相关专业领域专家等为主。${appoint}`
    : `方案没有单独列出${other}：导师以院士、“长江学者”特聘教授、国家杰出青年科学基金获得者、国家级教学名师、省级教学名师及相关专业领域专家等为主（${fact.section}）。${appoint}另外，导师组建的培养团队成员原则上应具备博士学位或副高以上职称。`
  const used = listed ? [fact] : [fact, team].filter((f): f is ProgramFact => f !== undefined)
  return {
    answer: clamp(answer),
    intent: 'fact',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: listed ? 0.85 : 0.7,
    facts: used.map(factOf),
  }
}

export function answerQuestion(program: Program, question: string, now: Date): QaAnswer {
  const ctx = contextOf(program)
  const q = normaliseText(question)
  if (!q || GREETING.test(q.replace(/[，,。.!！?？~～]/g, ''))) return greetingAnswer(program)
  return withOfficeWhenSilent(ctx, answerMessage(program, question, q, now))
}

/** How one ask of a message is answered: the whole message as context, eligibility on or off. */
interface AskOptions {
  /** The whole message: cities and the student's profile are read from it. */
  context?: string
  /** False when the message asks something else and only mentions applying ("学校说可以报"). */
  eligibility?: boolean
}

/** One question (a whole message, or one ask of it), through the intents in order. */
function answerOne(program: Program, question: string, now: Date, opts: AskOptions = {}): QaAnswer {
  const ctx = contextOf(program)
  const q = normaliseText(question)
  if (!q || GREETING.test(q.replace(/[，,。.!！?？~～]/g, ''))) return greetingAnswer(program)

  const silentTopic = NOT_IN_PLAN.some((t) => t.pattern.test(q))
  const routed =
    fieldAnswer(program, ctx, q) ??
    visitsAnswer(ctx, q) ??
    (silentTopic ? undefined : (partyEvaluationAnswer(ctx, q) ?? incentivesAnswer(ctx, q)))
  if (routed) return routed

  const mentorTitle = mentorTitleAnswer(ctx, q)
  if (mentorTitle) return mentorTitle

  const eligibility = opts.eligibility === false ? undefined : eligibilityAnswer(program, opts.context ?? question, q)
  if (eligibility) return eligibility.answer
  // 保送资格, 加分条件: a 资格 or 条件 the plan never grants is a gap, not the applicants' conditions.
  const conditions = silentTopic ? undefined : conditionsAnswer(program, ctx, q)
  if (conditions) return conditions

  if (isIntroQuestion(question)) return introAnswer(program)

  // 联系 of keeping in touch or reaching a mentor does not make the contact list the answer.
  const keepingInTouch = new RegExp(NOT_CONTACT.source).test(q)
  const scored = searchFacts(ctx.index, q).filter((s) => !keepingInTouch || s.fact.intent !== 'contact')
  const confidence = Math.round(retrievalConfidence(scored) * (0.4 + 0.6 * coverage(ctx.index, q)) * 100) / 100
  const named = PROGRAM_NAMED.test(q)
  const evidence = programEvidence(ctx.scope, q)
  // A very short question ("几月开始", "孩子能去吗") only makes sense as one about the program.
  const inDomain =
    named ||
    evidence.length > 0 ||
    APPLY_ASK.test(q) ||
    [...q].length <= 8 ||
    synonymTerms(q).some((t) => t === '英才计划' || t === '科协')

  // A general task (translate, write, recommend food, weather, 志愿, other programs) is out of
  // scope unless the question also carries words only this program uses.
  // When such a question also touches a point the plan is silent on, or shares words with the
  // facts, the reply says both: the plan does not cover it, and who to ask.
  // Personal or family advice, and translation (judged without the words to translate), are
  // never about the program, even when they share a word with it.
  const request = TRANSLATE.test(q) ? withoutQuoted(q) : q
  if ((PERSONAL_ADVICE.test(q) || TRANSLATE.test(q)) && !PROGRAM_NAMED.test(request) && !CORE_TERMS.test(request))
    return outOfScopeAnswer()
  if ((OUT_OF_SCOPE.test(q) || GENERIC_TASK.test(q)) && !named && !CORE_TERMS.test(q)) {
    const silent = NOT_IN_PLAN.find((t) => t.pattern.test(q))
    if (silent) return notInDocumentAnswer(ctx, silent.label, undefined, 0.5)
    return evidence.length > 0 ? unsureAnswer(ctx, 0.4) : outOfScopeAnswer()
  }

  const person = personAnswer(program, q)
  if (person) return person

  const format = formatAnswer(ctx, q)
  if (format) return format

  const missing = NOT_IN_PLAN.find((t) => t.pattern.test(q))
  if (missing) {
    const named = missing.related ? ctx.factsById.get(missing.related) : undefined
    // A money question (alone) gets no fact that merely shares a word with it.
    const guess = !missing.alone && scored[0] && scored[0].score >= 8 ? scored[0] : undefined
    const related = named ? { fact: named, score: 99 } : guess
    const silent = notInDocumentAnswer(ctx, missing.label, related, 0.8)
    // "竞争激烈吗？南宁大概选多少个": the quota the plan does give comes first, then what it does not say.
    if (!/名额|推荐多少|带多少/.test(missing.label) && QUOTA.test(q) && citiesIn(program, q).inProgram.length > 0) {
      const quota = quotaAnswer(program, q, opts.context)
      const note = `关于${missing.label}，方案没有规定，如需了解请咨询管理办公室${officeContact(program).person}（${officeContact(program).phone}）。`
      return { ...quota, answer: joinWithin([quota.answer, note]), facts: [...quota.facts, ...silent.facts] }
    }
    return silent
  }

  if (isApplyWho(q)) return applyProcessAnswer(program, ctx, q, opts.context)
  if (isContactAsk(q)) return contactIn(program, ctx, q, opts.context)
  const result = resultAnswer(program, ctx, q)
  if (result) return result
  if (QUOTA.test(q)) return quotaAnswer(program, q, opts.context)
  const stepNamed = STEP_PATTERNS.some((s) => s.pattern.test(q.replace(/截止(时间|日期)?/g, '')))
  if (!stepNamed) {
    const byMonth = monthAnswer(program, ctx, q, scored, now)
    if (byMonth) return byMonth
  }
  const atUniversity = atUniversityAnswer(ctx, q)
  if (atUniversity) return atUniversity
  const activities = activitiesAnswer(ctx, q)
  if (activities) return activities
  if (!MONTH_REF.test(q)) {
    const duty = dutyAnswer(ctx, q)
    if (duty) return duty
  }
  // Before the schedule: "审核通过后下一步是什么" asks for the steps after that one, not the calendar.
  const next = nextStepAnswer(ctx, q)
  if (next) return next
  if (SCHEDULE.test(q)) return scheduleAnswer(program, now)
  const byDate = milestoneByDate(program, q)
  // "结业以后还会跟我们保持联系吗": whether the program keeps in touch, not when a step ends.
  const keepsInTouch = /保持联系|还.{0,4}(联系|跟踪|追踪)/.test(q) && !ASK_WHEN.test(q)
  if ((WHEN.test(q) || byDate) && !keepsInTouch) {
    const keys = [...new Set(STEP_PATTERNS.filter((s) => s.pattern.test(q)).map((s) => s.key))]
    // For a two-part question, 截止 names no step of its own ("…的截止时间分别是").
    const bare = q.replace(/截止(时间|日期)?/g, '')
    const partKeys = [...new Set(STEP_PATTERNS.filter((s) => s.pattern.test(bare)).map((s) => s.key))]
    if (!byDate && partKeys.length >= 2 && MULTI.test(q)) {
      const multi = multiDeadlineAnswer(program, partKeys, now)
      if (multi) return multi
    }
    const key = byDate?.key ?? actorStep(bare) ?? keys[0]
    const answer = key && deadlineAnswer(program, key, q, scored, now)
    if (answer) return withGap(ctx, q, withOtherParts(ctx, q, answer))
  }

  const university = universityMembershipAnswer(program, q)
  if (university) return university
  const subject = subjectMembershipAnswer(ctx, program, q)
  if (subject) return subject

  const places = citiesIn(program, q)
  if (places.outside.length > 0 && places.inProgram.length === 0)
    return outsideCityAnswer(program, places.outside, confidence)

  if (!inDomain) return unsureAnswer(ctx, 0.3)
  // "有机会出国交流吗": the plan has exchange activities but never names 出国; the broader fact and the gap.
  const qualifier = scored[0] && scored[0].score >= 6 ? unmatchedQualifier(ctx.vocabulary, q) : undefined
  if (qualifier) return qualifierAnswer(scored[0] as ScoredFact, qualifier)
  if (scored.length === 0 || confidence < 0.2) return notInDocumentAnswer(ctx, undefined, undefined, 0.3)
  const top = scored[0] as ScoredFact
  // The best fact is on the topic but may not hold what is asked (a date, a place, an amount…).
  const asked = askedType(q)
  if (asked && !factGives(asked, top.fact.answer)) {
    const related = top.score >= 6 && !misleading(asked, top.fact.answer) ? top : undefined
    const notice = ctx.factsById.get('public_notice')
    const extra =
      asked === 'url' && notice && related?.fact !== notice
        ? `方案只写明入选名单在广西青少年科技教育和科普活动云服务平台公示（${notice.section}）。`
        : undefined
    return notInDocumentAnswer(ctx, GAP_LABELS[asked], related, 0.5, extra)
  }
  // An activity the plan names without a date ("科学营什么时候办"): its fact, said with the gap.
  if (!asked && ASK_WHEN.test(q) && !factGives('date', top.fact.answer)) {
    // Two facts close in score may each be the activity meant (培训 of students or of teachers): both are said.
    const second = scored[1]
    const related = top.score < 6 ? [] : second && second.score >= 0.8 * top.score ? [top, second] : [top]
    return notInDocumentAnswer(ctx, GAP_LABELS.when, related, 0.5)
  }
  // "搞这个计划是为了啥": article 一's purpose, not the preamble's list of documents (asked with 依据/文件/精神).
  const purpose = ctx.factsById.get('purpose')
  // The purpose of a named step ("中期评价的目的是什么") stays with that step.
  const wholeProgram =
    top.fact.section === '序' ||
    !(NAMED_STEP.test(q) || /评价|日志|导师|原则|专利|竞赛|名额|名师|兴趣导向|双校|双师|英才库|跟踪/.test(q))
  if (purpose && PURPOSE_ASK.test(q) && !BASIS_ASK.test(q) && wholeProgram) {
    const first = { fact: purpose, score: top.score }
    return retrievalAnswer(
      ctx,
      q,
      [first, ...scored.filter((s) => s.fact !== purpose && s.fact.section !== '序')],
      Math.max(confidence, 0.6),
    )
  }
  if (confidence < HEDGE_BELOW) return hedgedAnswer(ctx, top, confidence)
  return withOtherParts(ctx, q, retrievalAnswer(ctx, q, scored, confidence))
}

// ---------------------------------------------------------------------------------------------
// Messages with more than one ask, and the office's number wherever the plan is silent.

/** Says the plan leaves something open: such an answer must also say whom to ask. */
const SILENT =
  /没有规定|未规定|未作规定|没有写|未写|没有明确|未明确|没有提及|未提及|没有给|没有说明|未说明|没有具体|没有找到/

/**
 * Adds the office's contact to an answer that says the plan does not settle a point (class of
 * rule, not of question): the reader must know whom to ask. Keeps the answer within 400 characters.
 */
function withOfficeWhenSilent(ctx: Context, answer: QaAnswer): QaAnswer {
  if (!SILENT.test(answer.answer) || answer.answer.includes(ctx.office.phone)) return answer
  const tail = `如需确认，请咨询管理办公室${ctx.office.person}（电话${ctx.office.phone}）。`
  const head = clamp(answer.answer, MAX_ANSWER_CHARS - [...tail].length)
  const facts = answer.facts.some((f) => f.text.includes(ctx.office.phone))
    ? answer.facts
    : [
        ...answer.facts,
        {
          section: ctx.office.section,
          title: '联系人及联系电话',
          text: `管理办公室${ctx.office.person}，电话${ctx.office.phone}`,
        },
      ]
  return { ...answer, answer: `${head}${tail}`, facts }
}

/** Words that make a clause a question (not a remark such as "学校说可以报" or "我记得是20"). */
const ASKING =
  /[?？]|吗|么|呢|吧|啥|怎|如何|哪|几|多少|是否|有没有|是不是|会不会|要不要|能不能|可不可以|行不行|对不对|够不够|分别|多久|多长|谁|(.)不\1/

/** Where one ask ends and another begins: sentence ends, commas, and words that add an ask. */
const CLAUSE_BREAK =
  /(?<=[，,？?。！!；;])|(?=另外|顺便)|(?<=[，,])(?=(?:还有|以及)(?!没有|机会|希望|名额|多少|几天|多久|时间))/

/** One ask of a message, with the remarks just before it. */
interface Ask {
  ask: string
  text: string
}

/** The asks of a message (normalised), each with the remarks that lead up to it. */
function messageAsks(q: string): Ask[] {
  const asks: Ask[] = []
  let pending = ''
  for (const raw of q.split(CLAUSE_BREAK)) {
    const piece = raw.replace(/^(另外|顺便(问一?下|问问|说一?下)?|还有|以及)/, '')
    if (!/[\u4e00-\u9fffa-z0-9]/.test(piece)) continue
    if (ASKING.test(piece)) {
      asks.push({ ask: piece, text: pending + piece })
      pending = ''
    } else {
      pending += piece
    }
  }
  const last = asks[asks.length - 1]
  if (last && pending) last.text += pending
  return asks
}

/** Characters that carry meaning, for telling a bare "能报吗" from a question of its own. */
const contentLength = (text: string) => text.replace(/[^\u4e00-\u9fffa-z0-9%]/g, '').length

/** An answer that says nothing useful on its own: not about the program, or not sure of itself. */
function isWeak(a: QaAnswer): boolean {
  return a.intent === 'out_of_scope' || a.intent === 'greeting' || a.confidence < 0.3
}

/**
 * A message as people write it: remarks and one or more asks. With one ask it is answered
 * whole (the remarks are context); with several, each ask is answered on its own (the message
 * giving the cities and the student's profile) and the answers are joined, an eligibility
 * verdict in its short form, all within 400 characters.
 */
function answerMessage(program: Program, question: string, q: string, now: Date): QaAnswer {
  // A message about a general task (高考志愿, weather, translation …) with no word only this
  // program uses is answered whole: splitting it would let one part meet an incidental fact.
  const generalTask = GENERIC_TASK.test(q) && !PROGRAM_NAMED.test(q) && !CORE_TERMS.test(q)
  const asks = generalTask ? [] : messageAsks(q)
  const applying = (text: string) => APPLY_ASK.test(text) || PRIORITY_ASK.test(text)
  if (asks.length < 2) {
    const only = asks[0]
    // "学校说可以报。申请表谁交？": the one ask is not whether the student may apply.
    const eligibility = !only || applying(only.ask) || contentLength(only.ask) <= 6 || !applying(q)
    return answerOne(program, question, now, { eligibility })
  }
  const parts: { answer: QaAnswer; text: string }[] = []
  const noted = new Set<string>()
  let previous = ''
  for (const { ask, text } of asks) {
    // A bare follow-up ("能报吗", "有啥建议") reads with the remarks before it, or else the ask before it.
    const own = contentLength(ask) > 6 ? ask : text !== ask ? text : previous ? `${previous}，${ask}` : ask
    let reply: { answer: QaAnswer; text: string } | undefined
    if (applying(ask)) {
      const e = eligibilityAnswer(program, question, normaliseText(ask))
      if (e) reply = { answer: e.answer, text: e.brief }
      // The verdict's note already says the plan sets none of the conditions the message raises.
      if (e) for (const label of offRuleLabels(q)) noted.add(label)
    }
    // "…能报吗，有没有年龄限制": the age ask is answered by the verdict's note.
    const raised = offRuleLabels(ask)
    if (!reply && raised.length > 0 && raised.every((l) => noted.has(l))) {
      previous = ask
      continue
    }
    if (!reply) {
      // A follow-up read with the ask before it stays with that reading (out of scope stays out).
      const candidates = own === text || own === ask ? [own, text, previous ? `${previous}，${ask}` : ''] : [own]
      let a = answerOne(program, own, now, { context: q, eligibility: false })
      for (const c of candidates.slice(1)) {
        if (!isWeak(a) || !c || c === own) continue
        a = answerOne(program, c, now, { context: q, eligibility: false })
      }
      // A hedged reply to a short ask of a longer message says its fact plainly: the message gives the context.
      const hedged = hedgedFacts.get(a)
      if (hedged) a = { ...a, intent: hedged.intent ?? 'fact' }
      if (!isWeak(a)) reply = { answer: a, text: hedged?.answer ?? a.answer }
    }
    previous = ask
    if (!reply) continue
    const said = reply.answer.answer
    if (
      parts.some(
        (p) =>
          p.answer.answer === said ||
          p.answer.answer.includes(said) ||
          (p.answer.intent === 'eligibility' && reply?.answer.intent === 'eligibility'),
      )
    )
      continue
    parts.push(reply)
  }
  if (parts.length === 0) return answerOne(program, question, now)
  if (parts.length === 1) return (parts[0] as { answer: QaAnswer }).answer
  return combine(parts)
}

/** The character pairs of a text's Chinese and digits, to tell how much of it was said already. */
function pairs(text: string): Set<string> {
  const t = text.replace(/[^\u4e00-\u9fff0-9]/g, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/** The sentences of a part that add something to what the earlier parts said (most of their pairs new). */
function newSentences(text: string, said: string): string {
  const known = pairs(said)
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [text]
  return sentences
    .filter((sentence) => {
      const own = [...pairs(sentence)]
      return own.length === 0 || own.filter((p) => known.has(p)).length / own.length < 0.8
    })
    .join('')
}

/** Several answers as one, each shortened at a sentence end until all fit in 400 characters. */
function combine(parts: { answer: QaAnswer; text: string }[]): QaAnswer {
  const texts: string[] = []
  for (const p of parts) {
    const full = /[。！？]$/.test(p.text) ? p.text : `${p.text}。`
    texts.push(newSentences(full, texts.join('')))
  }
  let total = texts.reduce((n, t) => n + [...t].length, 0)
  for (let guard = 0; total > MAX_ANSWER_CHARS && guard < 20; guard++) {
    let longest = 0
    texts.forEach((t, i) => {
      if ([...t].length > [...(texts[longest] as string)].length) longest = i
    })
    const t = texts[longest] as string
    const target = Math.max(40, [...t].length - (total - MAX_ANSWER_CHARS))
    texts[longest] = clamp(t, target)
    total = texts.reduce((n, x) => n + [...x].length, 0)
  }
  const first = parts[0]?.answer as QaAnswer
  const eligibility = parts.find((p) => p.answer.eligibility)?.answer.eligibility
  const sources = parts.flatMap((p) => p.answer.sources)
  return {
    answer: clamp(texts.join('')),
    intent: first.intent,
    sources: sources.filter((s, i) => sources.findIndex((o) => o.section === s.section && o.title === s.title) === i),
    ...(eligibility ? { eligibility } : {}),
    confidence: Math.min(...parts.map((p) => p.answer.confidence)),
    facts: parts.flatMap((p) => p.answer.facts),
  }
}

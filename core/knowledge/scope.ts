import { findPlaces } from '../rules/regions'
import { type PhraseFinder, phraseFinder } from './phrase-finder'
import type { FactIndex } from './retrieval'
import { retrievalText } from './retrieval'
import type { SynonymTable } from './synonyms'
import { getJieba, tokenize } from './tokenize'

/**
 * Two checks that keep the answerer from handing out a random fact: whether a question is about
 * this program at all (evidence from words only the program's facts use, not a city or 大学),
 * and whether the best fact actually holds the kind of information asked for (a date, a
 * duration, an amount, a place, a count, a rule about a choice).
 */

/** The question names the program itself. */
export const PROGRAM_NAMED = /英才|八桂|培养计划|这个计划|这个项目|本计划|该计划|本项目|该项目/

/**
 * General tasks an assistant of any kind gets asked (translate, write, solve, recommend food,
 * weather, travel, 高考志愿, other programs and exams). Out of scope unless the question also
 * carries program-specific words.
 */
export const GENERIC_TASK =
  /翻译|译成|译为|翻成|英文怎么说|英语怎么说|用英(语|文)(怎么)?(说|写|表达)|写[一1](篇|首|段|份|封)|帮我写|替我写|代写|写(作文|诗|稿|演讲|发言)|作文|发言稿|演讲稿|讲话稿|解题|这道题|这题|(这|一|几)道[^，,。？?]{0,4}题|(物理|数学|化学|生物)(题|作业)|做题|刷题|教辅|辅导书|参考书|竞赛书|限行|限号|尾号|补(物理|数学|化学|生物|英语|语文|课)|补习|家教|(推荐|买|选)[^，,。？?]{0,6}(书|教材)(?!面|记)|研学(旅行|路线|线路)|旅游(路线|攻略)|(路线|线路)推荐|练习册|习题集|练习题|四级|六级|备考|考级|考证|教师资格|教资|资格证|考研|考公|公务员考试|驾照|驾考|高铁|动车|火车票|大巴|坐车|自驾|航班|习题|出几道|出(一|几)?道题|试卷|复习|怎么学|学习方法|(怎么|如何)(理解|提高|提升|学好|补上去)|定律|定理|公式推导|(成绩|分数)(差|不好|下滑).{0,6}(怎么办|怎么提高|咋办)|好吃(?!亏)|美食|小吃|餐厅|饭店|螺蛳粉|米粉|老友粉|外卖|景点|好玩|旅游|攻略|天气|下雨|暴雨|大雨|雷雨|降雨|预警|寒潮|冰雹|及格(?!式)|优秀率|平均分|带伞|雨伞|气温|降温|台风|志愿(怎么|如何)?填|填报|报志愿|分数线|录取分|录取线|录取最低分|最低录取|投档线|采购|供应商|报价单|(手机|游戏|沉迷|叛逆|早恋)[^。？?]{0,12}(办法|怎么办|咋办)|(英语|语文|成绩|功课)[^。？?]{0,4}跟不上[^。？?]{0,8}(办法|怎么办|咋办)|(申报|晋升)(正高级|副高级|高级|中级)?职称|职称(申报|评审)(条件|材料|流程)|python|编程(培训|课|班)|培训机构|(哪家|哪个)[^，,。？?]{0,6}(培训班|补习班|辅导班)|招生简章|研究生招生|硕士研究生|博士研究生|科普基地[^。？?]{0,8}(申报|申请|认定|评定|评审|挂牌)|(申报|申请|认定|评定)[^。？?]{0,8}科普基地|书籍|入门书|科普书|课外读物|推荐(几|一)本|教学设计|教案|课件|说课稿|导学案|单元设计|备课|选科|物化生|物化地|物生地|史政地|选考科目|选课组合|科目组合|文理分科|学文还是学理|招标|投标|怎么补|补习|高考.{0,4}(多少分|分数|成绩|估分)|少年班|强基|自然科学基金|基金.{0,4}申请|社科基金|考研|考公|公务员|留学|雅思|托福|股票|股市|炒股|行情|(?<!科学)基金(?!获得)|理财|买房|房价|房贷|彩票|中奖|游戏|电影|电视剧|综艺|明星|追星|小说|歌曲|唱歌|笑话|星座|恋爱|减肥|健身|医院|挂号|看病|感冒|发烧|吃药|旅游|机票|酒店|购物|网购|淘宝|打折|优惠券|买(衣服|鞋|手机|电脑)/

/** A school's own calendar (校历, 期末考试时间, 放假安排): the school's business, not the program's. */
export const SCHOOL_CALENDAR =
  /校历|课程表|课表|作息时间|(期末|期中|月考|联考|分班考?|摸底考?)(考试)?[^，,。？?]{0,4}(时间|安排|日期|哪天|几号|什么时候|几时|考几天)|放假(时间|安排|日期|通知)|(什么时候|哪天|几号)(放假|开学)|开学(时间|日期)/

/**
 * Other exams and their schedules or cut-offs (学业水平考试, 中考体育, 高考本科线) and drafting a
 * document of one's own work (起草…工作总结): a school's or bureau's other business, out of
 * scope whatever words it shares with the program, unless it asks what the program does for
 * that exam (加分, 有用, 影响).
 */
export const OTHER_BUSINESS = new RegExp(
  `学业水平|(?<![数化文])学考(?!了)|合格性考试|选择性考试|会考|(?<!期)中考|体育考试|体考|本科线|一本线|二本线|专科线|特控线|控制线|批次线|投档线|录取(最低|最高)?分(数)?|最低录取|(高考|招生)[^，,。？?]{0,8}(分数线|录取线|报名|科目|时间|安排)|起草|代拟|代为拟|拟写|(申报|申请)书[^，,。？?]{0,16}(怎么|如何|应如何)(写|撰写)|教改|${SCHOOL_CALENDAR.source}`,
)
/** Writing a person's own text for them (自我介绍, 成长日志, 申请理由): never the assistant's, whatever it names. */
export const DRAFTING =
  /(帮|替|给)(我|我家|孩子|娃|他|她)(孩子|娃)?(写|起草|拟|润色|改写)|帮忙(写|润色)|代写|代笔|润色|(协助|帮助|帮忙|麻烦)[^，,。？?]{0,2}(草拟|起草|拟写|撰写)|(拟|起草|草拟|撰写)[一1](份|篇|个)[^，,。？?]{0,16}(通知|方案|总结|计划|报告|讲话|致辞|函)/
/** What the program does for another exam: asked of the program, not of the exam. */
export const EXAM_BENEFIT = /加分|保送|降分|优惠|优待|照顾|有用|有帮助|帮助|影响|冲突|耽误/

/**
 * Words that occur in the facts but say nothing about this program in particular: places,
 * school words, school subjects, time and question words. Matching only these is no evidence.
 */
const GENERIC_TERMS = new Set(
  (
    '大学 高校 科学 学校 中学 高中 学生 孩子 老师 家长 时间 什么时候 广西 城市 地方 地区 哪里 开始 结束 做什么 ' +
    '干什么 是什么 什么意思 介绍 建议 题目 读书 看书 上课 好处 有什么用 官方 靠谱 正规 能力 问题 国家 全国 自然 ' +
    '基金 科学基金 英语 语文 文科 高考 考试 推荐 东西 资料 文件 记录 服务 宣传 支持 保障 管理 专家 教授 发现 交流 ' +
    '其他 哪些 怎么 多少 几个 参加 意义 为什么 简介 项目 合作 哪个 哪所 学习 研究 科研 实验 实验室 报告 论文 ' +
    '科学兴趣 兴趣 写 什么 活动 开会 总结 外地 范围 ≈学生 ≈时间 ≈高校 ≈中学 ≈城市 ≈材料 ≈职责 ≈激励'
  ).split(' '),
)

/** A program's informative terms: word and synonym terms of its facts that are not generic. */
export interface Scope {
  informative: Set<string>
  /** The facts' keywords (3+ characters, not generic, naming no place) found verbatim in a question. */
  phrases: string[]
  /** `phrases`, to find in a question in one reading. */
  phraseFinder: PhraseFinder
  /** The program's synonym table, to read questions with. */
  synonyms: SynonymTable
}

/** Built once per fact index: every indexed word (2+ characters) or synonym term not generic and not a place. */
export function buildScope(index: FactIndex): Scope {
  const informative = new Set<string>()
  for (const term of index.idf.keys()) {
    if (term.startsWith('#')) continue
    if (GENERIC_TERMS.has(term)) continue
    if (!term.startsWith('≈') && [...term].length < 2) continue
    if (/^[\da-z%.]+$/.test(term)) continue
    if (!term.startsWith('≈') && findPlaces(term).length > 0) continue
    informative.add(term)
  }
  const phrases = [...index.phrases.keys()].filter(
    (p) => [...p].length >= 3 && !GENERIC_TERMS.has(p) && findPlaces(p).length === 0 && !/^[\da-z%.]+$/.test(p),
  )
  return { informative, phrases, phraseFinder: phraseFinder(phrases), synonyms: index.synonyms }
}

/** The program-specific terms a question (normalised) shares with the facts. */
export function programEvidence(scope: Scope, q: string): string[] {
  const found = new Set<string>()
  for (const t of tokenize(retrievalText(q), scope.synonyms)) {
    if (t.kind === 'bigram') continue
    if (scope.informative.has(t.term)) found.add(t.term)
  }
  for (const i of scope.phraseFinder.find(q)) found.add(scope.phrases[i] as string)
  return [...found]
}

/** The kind of information a question asks for, when it asks for one the facts can lack. */
export type AskedType =
  | 'date'
  | 'duration'
  | 'money'
  | 'place'
  | 'words'
  | 'limit'
  | 'choice'
  | 'change'
  | 'criteria'
  | 'both'
  | 'proportion'
  | 'url'
  | 'format'

/**
 * A translation request: the words to translate may contain program words (科学, 导师), so the
 * task is judged on the request without its quoted content.
 */
export const TRANSLATE = /翻译|翻成|译成|译为|英文怎么说|英语怎么说|用英(语|文)(怎么)?(说|写|表达)/

/** The request part of a translation ask: the content after a colon or inside quotes taken out. */
export function withoutQuoted(q: string): string {
  return q.replace(/[“"「『‘'][^”"」』’']*[”"」』’']/g, '').replace(/[:：].*$/, '')
}

/**
 * Personal, family and parenting matters (phones, rebellion, 早恋, not wanting to go to school):
 * never about the program, whatever words they share with it.
 */
export const PERSONAL_ADVICE =
  /叛逆|不听话|玩手机|沉迷|网瘾|早恋|青春期|厌学|不想上学|不爱学习|逃学|顶嘴|亲子关系|管不住|心理问题|抑郁|失眠|打游戏/

/** Asks for an amount of money or who pays (出钱, 自费, 报销, 耗材, 路费, 餐费, 住宿费…). */
const ASK_MONEY =
  /多少钱|费用|劳务费|报酬|酬金|课酬|薪酬|工资|补贴|经费|奖金|标准是多少|多少元|几元|津贴|出钱|自费|自己(买|出|付|掏|承担|负担)|花钱|掏钱|掏腰包|报销|买(材料|书|设备|器材|耗材)|耗材|材料费|路费|车费|交通费|餐费|伙食|住宿费|书费/
const ASK_WORDS = /多少字|字数|几个字|几字|多少页|几页|篇幅|多长的?(文章|报告|日志)/
const ASK_LIMIT = /上限|最多(能|可以)?|封顶|限额|不超过|最少|下限|至少(要)?(几|多少)/
const ASK_DURATION =
  /(每次|一次|1次|每天|每周|每回|单次).{0,8}(多长时间|多久|几个?小时|多少小时|几天|多少天|时长|待多久)|待多久|几个?小时|多少小时|多少分钟|时长/
/** "文号是…2022年几号": the number of a document asked, not a day. */
export const DOCUMENT_NUMBER_ASK = /文号|发文|字号|[发字][^，,。？?]{0,4}20\d\d/
const ASK_DATE =
  /哪天|哪1天|哪一天|几号|几月几|具体(日期|时间|哪天|几号)|日期是|开营|开幕|什么时候(开始|举行|开|办)|啥时候(开始|举行|开|办)/
const ASK_PLACE =
  /在哪(?!几|些|[一1]?[项类]|[一1]?个?(方面|环节|阶段|步|级|部分|材料|单位|部门|机构)|部分)|在哪里|在哪儿|哪个学校|哪所学校|哪个地方|什么地方|地点|哪里(开|举行|办|上课)|去哪(里|儿)?(开|上)|在[^，,。？?]{1,8}(开|办|举行|举办)还是在/
const ASK_CHOICE = /自己(挑|选|定|决定|指定|找)|自行(选|挑|确定)|自主(选|挑)/
/** A scoring standard, a cut-off or the criteria by which someone is marked. */
const ASK_CRITERIA =
  /评分标准|打分标准|评分细则|评分规则|怎么打分|怎么评分|分数线|录取线|入选线|及格线|多少分(才|能|可以)/
/** Two things at once (two subjects, two programs). */
const ASK_BOTH =
  /同时.{0,8}(报|申请|参加|选|学)|(两|2|多)个(学科|科目|方向|专业|项目).{0,4}(都|一起|同时|兼)|兼报|跨学科/
const ASK_CHANGE =
  /(能|可以|可否|能否|能不能|可不可以|还能|允许)(中途)?(换|更换|调换|改|变更|转)|换(导师|方向|学校|学科|课题|选题)/

/** A share or weight ("占多少比例", "权重"): the plan gives percentages only for the rank conditions. */
const ASK_PROPORTION = /比例|比重|占多少|占几成|权重|占比|所占|百分比是多少/
/** A web address, download place or account: the plan names a platform only for the public notice. */
const ASK_URL = /网址|链接|网站|官网|公众号|小程序|二维码|app|下载/

/**
 * The form or medium of what is handed in (纸质/电子版, 原件/复印件, 扫描, 格式, 几份, 照片, a
 * signature): the plan names the form (《申请表》, 附件2) and who stamps it, never its medium.
 */
const ASK_FORMAT =
  /纸质|纸版|纸本|电子版|电子档|电子稿|原件|复印件|复印|扫描|格式|(几|多少)份|照片|相片|证件照|寸照|打印|手写|word|pdf/
/** A signature asked of someone other than the school (whose 意见 and 公章 the plan does require). */
const ASK_SIGNATURE = /签字|签名/

/** Whether a question asks for the medium or form of a document (not its content or deadline). */
export function asksFormat(q: string): boolean {
  return ASK_FORMAT.test(q) || (ASK_SIGNATURE.test(q) && !/学校|校方|公章|盖章|科协/.test(q))
}

/** What a question asks for (the most specific kind first), or undefined for anything else. */
export function askedType(q: string): AskedType | undefined {
  if (ASK_URL.test(q)) return 'url'
  if (asksFormat(q)) return 'format'
  if (ASK_MONEY.test(q)) return 'money'
  if (ASK_WORDS.test(q)) return 'words'
  if (ASK_PROPORTION.test(q)) return 'proportion'
  if (ASK_CHOICE.test(q)) return 'choice'
  if (ASK_CHANGE.test(q)) return 'change'
  if (ASK_CRITERIA.test(q)) return 'criteria'
  if (ASK_BOTH.test(q)) return 'both'
  if (ASK_DURATION.test(q)) return 'duration'
  if (ASK_LIMIT.test(q)) return 'limit'
  if (ASK_DATE.test(q) && !DOCUMENT_NUMBER_ASK.test(q)) return 'date'
  if (ASK_PLACE.test(q)) return 'place'
  return undefined
}

const HAS_DATE = /\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日/
const HAS_DURATION = /每次.{0,10}(\d+|[一二两三四五六七八九十半])(个)?(小时|天|分钟|周)/
const HAS_MONEY = /\d+(\.\d+)?(元|万元)/
const HAS_WORDS = /\d+(字|页)/
const HAS_LIMIT = /最多|不超过|上限|以内|不少于|至少|限/
const HAS_PLACE =
  /(在|到|交到|提交到|报送|送到|依托)[^，。；：\d]{0,24}(平台|科协|管理办公室|实验室|基地|大学|高校|中学|学校|机构|市)/
const HAS_CHOICE = /自行|自主|自己|共同确定|一起确定/
const HAS_CHANGE = /更换|调换|调整|变更|不得改|不能改/
const HAS_CRITERIA = /评分|打分|分数线|\d+分/
const HAS_BOTH = /同时(申请|报名|参加)|兼报|(两|多)个(学科|方向)/
const HAS_PROPORTION = /\d+(\.\d+)?%|比例|权重|占比/
const HAS_URL = /云服务平台|https?:|www\./
const HAS_FORMAT = /纸质|电子版|原件|复印件|扫描件|(一式)?[一二两三四五\d]份|照片|格式/

/**
 * Whether a fact, offered as the closest thing to a question it does not answer, holds a value
 * of the asked kind that a reader could take for the answer (the one-year cycle for "每次待多久").
 */
export function misleading(type: AskedType, text: string): boolean {
  if (type === 'duration') return /一年|\d+个?(工作日|天|月|年|小时)/.test(text)
  if (type === 'words' || type === 'limit' || type === 'money') return /\d/.test(text)
  return false
}

/** For each kind of asked information, what a fact's text holds when it gives that kind. */
const GIVES: Record<AskedType, RegExp> = {
  date: HAS_DATE,
  duration: HAS_DURATION,
  money: HAS_MONEY,
  words: HAS_WORDS,
  limit: HAS_LIMIT,
  place: HAS_PLACE,
  choice: HAS_CHOICE,
  change: HAS_CHANGE,
  criteria: HAS_CRITERIA,
  both: HAS_BOTH,
  proportion: HAS_PROPORTION,
  url: HAS_URL,
  format: HAS_FORMAT,
}

/** Whether a fact's text gives the kind of information asked for. */
export function factGives(type: AskedType, text: string): boolean {
  // "在管理办公室指导下" says who guides, not where something happens.
  const read = type === 'place' ? text.replace(/在[^，。；]{0,16}指导下/g, '') : text
  // "每次活动后要登录平台提交": a time said by the event it follows answers when.
  return GIVES[type].test(read) || (type === 'date' && /每次[^，。；]{0,8}(后|之后|以后)/.test(read))
}

/** The jieba tags of content words a qualifier may be: nouns, other proper nouns, place nouns, verbs. */
const QUALIFIER_TAGS = new Set(['n', 'nz', 's', 'v', 'vn'])

/** A yes/no or "is there a chance of" question: only these may be answered "the plan does not mention X". */
const YES_NO = /吗|有没有|能不能|可不可以|会不会|是否|能否|是不是|机会|可能|允许|[?？]$/
/** Asking which, what, how or how many: a question mark alone does not make these yes/no questions. */
const WH_WORD = /哪|什么|啥|怎么|怎样|如何|多少|几|谁|何/

/**
 * Words of a question that say nothing of their own (manner, chance, time, persons, verbs of
 * asking): their absence from the plan is no sign that the plan leaves something out.
 */
const QUALIFIER_STOP = new Set(
  (
    '机会 表现 可能 的话 要是 如果 最近 现在 平时 一般 需要 能够 作为 配合 市里 县里 区里 省里 那边 这边 那里 这里 本地 当地 是不是 有没有 能不能 可不可以 会不会 可以 应该 ' +
    '属于 隶属 核实 判断 判定 正误 对错 核对 理解 表述 地处 县域 县城 位于 坐落 见识 看看 瞧瞧 逛逛 已经 我们 咱们 孩子 学生 老师 同学 家长 请问 知道 情况 这种 那种 比较 特别 非常 一些 一点 还是 然后 所以 ' +
    '因为 时候 东西 事情 具体 问题 允许 考虑 打算 希望 想要 愿意 或者 还有 以及 而且 并且 是否 能否 有无 有否 可否 有所 晓得 知道了 清楚 明白 照顾 关照 优待 倾斜 怎么样 ' +
    '怎么 什么 哪些 为什么 这样 那样 自己 大家 别人 其他 另外 顺便 一下 好的 优秀 厉害 不错 比如 例如 之类 ' +
    '了解 咨询 打听 听说 据说 真的 确实 肯定 一定 到底 究竟 是不是 本人 个人 家里 以后 之后 之前 期间 好好 ' +
    '不能 不用 不需要 不必 无需 跟不上 赶不上 等于 就算 拿到 用来 管用 有用 才能 咋办 分别 里面 这边 那边 后面 成绩好 表现好 突出 努力 认真 积极 主动 多久 多少 几次 一起 一块 一直 经常 偶尔 每次 每周 每天 今年 明年 仅限 只限 限于 仅仅 说明 列明 逐项 情形 方面 规定 要求 共有 一共 总共 有效 计入 算数'
  ).split(' '),
)

/**
 * The key content word of a yes/no question that appears nowhere in the program's vocabulary
 * (facts, keywords, structured data, synonyms), as in "有机会出国交流吗" (出国). Only whole
 * dictionary words of 2+ Chinese characters count (HMM off, so a typo or a name jieba does not
 * know falls apart into single characters and never fires), and never places, numbers or words
 * with no meaning of their own.
 */
export function unmatchedQualifier(vocabulary: string, q: string): string | undefined {
  if (!YES_NO.test(q)) return undefined
  if (WH_WORD.test(q) && !YES_NO.test(q.replace(/[?？]+$/, ''))) return undefined
  // "…天天捣鼓小发明，这种经历学校选人的时候有用吗": the remarks before the asking clause qualify nothing.
  const asking = q.split(/(?<=[，,。！!；;])/).filter((c) => YES_NO.test(c))
  const asked = asking.join('').replace(/[^\u4e00-\u9fff]/g, '').length >= 6 ? asking.join('') : q
  for (const { word: raw, tag } of getJieba().tag(asked, false)) {
    const word = raw.trim()
    if (!/^[\u4e00-\u9fff]{2,}$/.test(word)) continue
    // Content words only: nouns, place nouns and verbs; never names (nr), places (ns), times, adverbs.
    if (!QUALIFIER_TAGS.has(tag)) continue
    if (QUALIFIER_STOP.has(word) || GENERIC_TERMS.has(word) || /[吗呢吧啊]$/.test(word)) continue
    if (vocabulary.includes(word)) continue
    if (findPlaces(word).length > 0) continue
    // "听学长说…": who told the asker is no qualifier of the question.
    if (/^(说|讲|告诉|提过|讲过|说过)/.test(asked.slice(asked.indexOf(word) + word.length))) continue
    // A word whose parts are each program words (交流会 → 交流) is a variant, not a new qualifier.
    if ([...word].length >= 3 && vocabulary.includes(word.slice(0, 2)) && vocabulary.includes(word.slice(-2))) continue
    // 再审, 重报, 复评: a repeated action the plan names (审核, 报名, 评价) is not a new qualifier.
    if (/^[再重复又]/.test(word) && vocabulary.includes(word.slice(1))) continue
    // 交到, 报上, 送去: a verb with a result or direction says nothing new about the topic.
    if ([...word].length === 2 && /[到上下来去给完好过回起]$/.test(word) && vocabulary.includes(word.slice(0, 1)))
      continue
    return word
  }
  return undefined
}

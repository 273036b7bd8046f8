import { locatePlaces } from '../../rules/regions'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin, PLAN_NAME } from '../reply'
import type { Intent } from './intent'

/** Asks for a time, a schedule, a way in or a number: what this plan's dates and rules would answer. */
const ASKS_SPECIFICS =
  /什么时候|啥时候|何时|几时|几号|哪天|几月|时间|哪些|哪几|实施高校|日期|截止|报名|怎么报|条件|名额|多少人|几点|开门|开放|门票|闭馆|地点|在哪|分数线|多少分|录取线|申报|评审|流程|程序|日程|赛程|安排|时间表|通知|材料|规则|政策|招生|介绍|要求|考什么|题型|考点|怎么考|出题|难度|类似|同类|能报|能不能报|可以报|可不可以报|报不|能参加|(有没有|有无|有冇)[^，,。？?]{0,8}(英才|计划|项目)/
/** A cheap first look: words that name something other than this program. */
const NAMES_OTHER =
  /[“"「『][^”"」』]{2,14}(活动|大赛)[”"」』]|英才|计划|项目|大赛|竞赛|比赛|奥赛|奥林匹克|联赛|令营|高考|(?<!期)中考|学考|会考|水平考试|馆|录取分数|录取线|录取批次|招生录取|投档线|招生计划|学者|职称|示范|特色|星级|文明校园|基地/
/** An award or a priority asked about: the plan's own rules on awards answer it, whatever the contest. */
const ABOUT_AWARDS = /获奖|奖项|[一二三]等奖|拿过|得过|获得|优先|符合|(?<!参赛)资格|算不算|算吗|能报|能参加/

/**
 * Events and programs of others that are never part of this plan, whatever is asked about them
 * (全国科普日, 科技活动周, 强基计划): only whether taking part here helps with them is this plan's
 * open point, not theirs.
 */
const OTHER_EVENT = /(全国|广西|自治区|全区)?(科普日|科技活动周|科技周|科普周|科普月|科学节)|强基(计划)?|少年班/
/** Asks what taking part here does for the other thing ("对强基计划有帮助吗"): this plan's open point. */
const ASKS_BENEFIT = /帮助|有(冇|没有?|无)?用|用处|好处|加分|降分|减分|优惠|优势|照顾|作用|影响|有利|算不算|认不认/

/** A program named in quotes ("…学院“翱翔计划”") that is not this one. */
const QUOTED_NAME = /[“"「『](?![^”"」』]*(八桂|英才))([^”"」』]{2,12}(计划|工程|项目|活动|大赛))[”"」』]/

/** A place referred back to before a program's name ("那边有没有类似的英才计划"). */
const THERE = /(那边|那里|那儿|当地|他们那)[^，,。？?]{0,10}(英才|计划|项目)/

/** A program's own name after a place ("…后备人才培养计划"), not this one ("这个计划"). */
const OWN_NAME = /英才|(?<!这个|本|该|咱们?的?)(计划|项目|工程)/

/** Same-named or neighbouring things that are not this program, each with how it is said back. */
const ELSEWHERE: { pattern: RegExp; name: (m: RegExpExecArray) => string }[] = [
  // The national 英才计划 of 中国科协 and other national programs of the same name.
  {
    pattern:
      /(全国|国家|中国科协|科协的)(?![^，,。？?]{0,16}(?<!不是|非|而非|并非)八桂)[^，,。？?]{0,16}?[“"「『]?英才计划/,
    name: () => '中国科协的全国英才计划',
  },
  // Another program named in quotes ("北京…“翱翔计划”"), not this one.
  { pattern: QUOTED_NAME, name: (m) => m[2] ?? m[0] },
  // A post or title with its own 申报 and 评审 (八桂学者, a teacher's 职称), not a mentor's title.
  {
    pattern: /八桂学者|[\u4e00-\u9fff]{0,12}职称(?=[^，,。？?]{0,4}(评审|评定|申报|评聘))/,
    name: (m) => m[0].replace(/^.*(请问|关于|本人|我)/, ''),
  },
  // Contests and camps run by others (the plan only names awards in them); a school's 竞赛班 is a class, not a contest.
  {
    pattern:
      /[\u4e00-\u9fff]{0,8}(科技创新大赛|创新大赛|科创大赛|学科竞赛|奥赛|奥林匹克|联赛|竞赛|比赛|夏令营|冬令营)(?!获奖|的奖|奖|拿奖|得奖|班|队|生|小组|组|社)/,
    name: (m) =>
      m[0]
        .replace(/^.*?(请问|关于|请介绍|介绍一下|介绍|了解一下|了解|咨询|提供|给出|说明|告知)/, '')
        .replace(/^[供出明知问]/, ''),
  },
  // A school's own recognition with its own 申报 (示范性高中, 特色高中, 星级学校): not this plan's 学校推荐.
  {
    pattern:
      /[\u4e00-\u9fff]{0,6}?((示范性?|特色|星级|多样化)(普通)?(高中|中学|学校|校)|文明校园|科普教育基地|科普示范(学校|基地))/,
    name: (m) => m[0].replace(/^.*(申报|创建|评选|评为|成为|争创)/, ''),
  },
  // National exams, and a university's own admissions ("广西大学去年的录取分数线").
  {
    pattern: /高考|(?<!期)中考|(?<![数化文])学考(?!了)|会考|学业水平考试/,
    name: (m) => m[0],
  },
  // Admissions programs of the universities and the state ("高校专项计划的报名条件").
  { pattern: /(高校|国家|地方)专项(计划)?|专项招生计划/, name: (m) => (m[0].endsWith('计划') ? m[0] : `${m[0]}计划`) },
  {
    pattern: /(大学|高校|学院|广大|西大|桂师)[^，,。？?]{0,10}(录取分数线?|录取线|投档线|招生计划|录取批次|招生录取)/,
    name: () => '高校招生录取',
  },
  // A venue's own opening hours.
  {
    pattern: /[\u4e00-\u9fff]{0,6}(科技馆|博物馆|展览馆|图书馆)(?=[^，,。？?]{0,6}(几点|开门|开放时间|门票|闭馆|预约))/,
    name: (m) => m[0],
  },
]

/** Advice asked for an exam ("高考数学怎么才能提到130", "中考怎么复习"). */
const EXAM_ADVICE =
  /(高考|(?<!期)中考|学考|会考)[^，,。？?]{0,12}(怎么|如何|咋)[^，,。？?]{0,4}(提|复习|备考|学|考好|冲|提高|提分)/

/**
 * Another province's program: a place outside Guangxi named just before 英才/计划/项目 (the name may
 * run long, "广东省青少年科技创新后备人才培养计划", but stays within its clause), or referred back to
 * ("我外甥在广东深圳，那边有没有类似的英才计划").
 */
export function otherProvince(q: string) {
  if (!/英才|计划|项目/.test(q)) return undefined
  return locatePlaces(q).find(
    (p) =>
      !p.place.inGuangxi &&
      // "我们在长沙孩子高一…看到广西这个英才计划": a name after 广西 or 这个 is this program's.
      (OWN_NAME.test(q.slice(p.end, p.end + 24).split(/[，,。；;？?！!]|广西|八桂|这个|本计划/)[0] ?? '') ||
        THERE.test(q.slice(p.end))),
  )
}

/** Whether a text may name something other than this program (a cheap look before reading it as such). */
export const mayNameOther = (text: string) => NAMES_OTHER.test(text) || OTHER_EVENT.test(text) || THERE.test(text)

/** Whether a quoted name is the plan's own (a fact's title or words): "科学实践与成果展示交流活动". */
function ownName(ctx: Parameters<Intent['answer']>[1], name: string): boolean {
  const core = name.replace(/活动$|计划$|项目$/, '')
  return core.length >= 4 && ctx.program.facts.some((f) => f.title.includes(core) || f.answer.includes(core))
}

/** The national 英才计划 of 中国科协 (or the one the plan's basis names), as opposed to this one. */
const NATIONAL =
  /(全国|国家|中国科协|科协的|教育部)[^，,。？?]{0,6}英才计划|(和|跟|与|同)[“"「『]?英才计划|(?<!八桂[^，,。？?]{0,8})[“"「『]英才计划[”"」』]/
/** Asks how two things differ or relate. */
const COMPARE = /区别|不同|差别|差异|一样吗|一回事|同一个|什么关系|有关系|关系/

/**
 * "全国英才计划和八桂英才计划有什么区别": not the same program — what this plan says of its own
 * basis, organisers and cities, and that the national one's rules are not in it.
 */
function comparedWithNational(ctx: Parameters<Intent['answer']>[1]): QaAnswer | undefined {
  const facts = ['basis', 'organisers', 'cities'].map((id) => ctx.factsById.get(id))
  if (facts.some((f) => !f)) return undefined
  const [basis, organisers, cities] = facts as NonNullable<(typeof facts)[number]>[]
  const answer = joinWithin([
    `两者不是同一个项目。${PLAN_NAME}的方案只写了自己的情况：`,
    basis.answer.split('；')[0] + '。',
    organisers.answer,
    cities.answer.split('。')[0] + '。',
    '全国“英才计划”本身的规定不在本方案里，请以其主办方发布的通知为准。',
  ])
  return {
    answer,
    intent: 'fact',
    sources: [basis, organisers, cities].map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.8,
    facts: [basis, organisers, cities].map(factOf),
  }
}

/**
 * A same-named thing elsewhere (another province's 英才计划, the national one, a contest, 高考, a
 * museum's hours) asked for its dates or rules: out of scope, and never answered with this
 * plan's dates.
 */
export const elsewhere: Intent = {
  name: 'elsewhere',
  description: "a same-named thing elsewhere (another province's 英才计划, a contest, 高考, a venue's hours)",
  answer: (ask, ctx) => {
    const { q } = ask
    // "本方案依据的《…关于推广“英才计划”工作模式…的通知》文号": the plan's own basis, not another program.
    if (/文号|(所|本方案|方案)?依据的?《|发文字号/.test(q))
      return decline(ask, 'asks of the document the plan rests on')
    if (NATIONAL.test(q) && COMPARE.test(q)) {
      const compared = comparedWithNational(ctx)
      if (compared) return compared
    }
    const event = OTHER_EVENT.exec(q)
    if (event && !ASKS_BENEFIT.test(q) && !/获奖|奖项|[一二三]等奖|拿过|得过|优先/.test(q))
      return elsewhereAnswer(event[0].startsWith('强基') ? '强基计划' : event[0])
    // "广东那边也有英才计划吧": whatever is asked of another province's program is not this plan's.
    const away = otherProvince(q)
    if (away)
      return elsewhereAnswer(
        `${away.place.city}的${QUOTED_NAME.exec(q)?.[2] ?? (/英才计划/.test(q) ? '英才计划' : '项目')}`,
        ctx.office,
      )
    // "高考数学怎么才能提到130": advice for an exam is never this plan's.
    const advice = EXAM_ADVICE.exec(q)
    if (advice) return elsewhereAnswer(advice[1] as string)
    if (!NAMES_OTHER.test(q) || !ASKS_SPECIFICS.test(q))
      return decline(ask, 'asks for no date or rule of another thing')
    // Another province's program: a place outside Guangxi named just before 英才/计划/项目.
    // The name may run long ("广东省青少年科技创新后备人才培养计划"), but stays within its clause.
    const province = otherProvince(q)
    const quoted = QUOTED_NAME.exec(q)?.[2]
    let thing = province ? `${province.place.city}的${quoted ?? (/英才计划/.test(q) ? '英才计划' : '项目')}` : undefined
    if (!thing && !/八桂(青少年)?英才|本计划|这个计划/.test(q) && !ABOUT_AWARDS.test(q)) {
      for (const e of ELSEWHERE) {
        const m = e.pattern.exec(q)
        // "方案所述“科学实践与成果展示交流活动”": a name of the plan's own, quoted, is no other program.
        if (m && e.pattern === QUOTED_NAME && ownName(ctx, m[2] ?? '')) continue
        // "…能否计入科研工作量？在职称评聘方面有何政策": the program's own incentive for teachers.
        // "孩子参加过信息学竞赛，报名截止是哪天": a contest taken part in is the student's deed, not the thing asked.
        if (m && /(参加|参赛|比赛|考)(过|了)|获|拿/.test(m[0]) && /竞赛|比赛|联赛|奥赛|大赛|奥林匹克/.test(m[0]))
          continue
        if (m && /职称/.test(m[0]) && /工作量|指导|计入|本计划|英才/.test(`${q}${ask.context ?? ''}`)) continue
        if (m) {
          // The thing's own name, without the words that lead up to it ("参加全国…大赛" → "全国…大赛").
          thing = e.name(m).replace(/^.*(的|过|了|在|加|报)/, '')
          break
        }
      }
    }
    if (!thing) return decline(ask, 'names nothing outside this program')
    return elsewhereAnswer(thing, province ? ctx.office : undefined)
  },
}

/** The things an answer of this intent is about, with the office when it names it, to join several into one. */
const THINGS = new WeakMap<QaAnswer, { things: string[]; office?: { person: string; phone: string } }>()

/**
 * "…拟参加全国生物学联赛，报名渠道是什么？另外湖南省的同类计划何时申报？": several asks about other
 * things are one redirect naming each, in the place of the first.
 */
export function mergeElsewhere<P extends { answer: QaAnswer; text: string }>(parts: P[]): P[] {
  const others = parts.filter((p) => THINGS.has(p.answer))
  if (others.length < 2) return parts
  const said = others.map((p) => THINGS.get(p.answer) as NonNullable<ReturnType<typeof THINGS.get>>)
  const office = said.find((s) => s.office)?.office
  const answer = elsewhereAnswer([...new Set(said.flatMap((s) => s.things))].join('”“'), office)
  const first = others[0] as P
  return parts
    .filter((p) => p === first || !others.includes(p))
    .map((p) => (p === first ? { ...p, answer, text: answer.answer } : p))
}

/** The redirect for a thing that is not this program, naming both. */
function elsewhereAnswer(thing: string, office?: { person: string; phone: string }): QaAnswer {
  // Another province's program: whom to ask about this one, for a family moving here.
  const ask = office ? `，也可咨询管理办公室${office.person}（电话${office.phone}）` : ''
  const several = thing.includes('”“')
  const answer: QaAnswer = {
    answer: `您问的“${thing}”${several ? '都' : ''}不是${PLAN_NAME}的内容，我这里只有${PLAN_NAME}的实施方案，不能用本计划的日期或规定来回答；${several ? '它们' : thing}的安排请以其主办方发布的通知为准。关于${PLAN_NAME}本身（谁能报名、名额、截止日期、选拔流程等），欢迎问我${ask}。`,
    intent: 'out_of_scope',
    sources: [],
    confidence: 0.8,
    facts: [],
  }
  THINGS.set(answer, { things: thing.split('”“'), ...(office ? { office } : {}) })
  return answer
}

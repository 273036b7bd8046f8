import { type Context, decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factsReply } from '../reply'
import type { Intent } from './intent'

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1–99 in Chinese numerals, as headings count ("十一"). */
export function chineseCount(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`
}

/** Asks what something is made of ("哪几方面", "包括哪些部分", "分为几块"). */
const PARTS_ASK =
  /(哪|几)几?(个|些)?(方面|部分|板块|块|大项|项|点|条)|分为|分成|包括(哪|什么|几)|包含(哪|什么|几)|由哪|哪些内容|什么内容|主要内容/

/** The plan itself as the thing asked about ("方案共分几部分", "实施方案包括哪些内容"). */
const WHOLE_PLAN = /(实施)?方案|文件|通知/

/** The parts of the whole plan asked ("分为哪几个部分", "共几章"); "第九条（五）…包括哪些" asks inside one. */
const WHOLE_PARTS = /(几|哪几|哪些)个?(部分|章|板块|大块|大部分)/

/** A part of the plan named as such ("第十部分", "“相关要求”部分", "相关要求一节"). */
const NAMED_PART = /[”"」』]|部分|章节?|一节|板块|条(款|目)?/

/**
 * The plan's structure from the cohort's outline: the parts of a named article ("“相关要求”部分提出了
 * 哪几方面要求" → the four headings of 十), or the articles of the whole plan ("方案分哪几部分").
 */
function outlineAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const outline = ctx.vocab.outline
  const named = outline.find((a) => a.pattern.test(q))
  // "参与中学在组织保障部分的职责包括哪些": one part of the article named, that part's facts.
  const one = named?.parts?.findIndex((p) => q.includes(p)) ?? -1
  if (named && one >= 0) {
    const section = `${named.section}（${chineseCount(one + 1)}）`
    const ids = ctx.program.facts.filter((f) => f.section.startsWith(section)).map((f) => f.id)
    const reply = factsReply(ctx, ids)
    if (reply) return reply
  }
  if (named?.parts) {
    const parts = named.parts.map((p, i) => `（${chineseCount(i + 1)}）${p}`).join('；')
    return {
      answer: `方案第${named.section}部分“${named.title}”分${named.parts.length === 2 ? '两' : chineseCount(named.parts.length)}个方面：${parts}。想了解哪一方面的具体内容，可以接着问我。`,
      intent: 'fact',
      sources: [{ section: named.section, title: named.title }],
      confidence: 0.85,
      facts: [{ section: named.section, title: named.title, text: named.parts.join('、') }],
    }
  }
  if (named || !WHOLE_PLAN.test(q) || !WHOLE_PARTS.test(q)) return undefined
  const list = outline.map((a) => `${a.section}、${a.title}`).join('；')
  return {
    answer: `实施方案正文共${chineseCount(outline.length)}部分：${list}。想了解哪一部分的具体内容，可以接着问我。`,
    intent: 'fact',
    sources: [{ section: outline[0]?.section ?? '一', title: '实施方案' }],
    confidence: 0.8,
    facts: [{ section: '', title: '实施方案结构', text: outline.map((a) => a.title).join('、') }],
  }
}

/** An article asked by its number for its heading or what it covers ("第八部分的标题", "第八部分涉及哪些主体"). */
const TOP_REF = /第([一二三四五六七八九十]{1,3})(?:部分|章)(?:的)?(?:标题|题目|名称|是什么|讲(?:的)?(?:什么|啥)|涉及)/

/** Asks where in the plan something is ("出自方案哪一部分", "属于第几部分"). */
const WHERE_ASK =
  /出自|(哪|几)(一|个)?(部分|章|节)|第几(部分|条|项|章)|哪一条|属于(方案)?(的)?哪(一|个)?(部分|条|章)|在(方案)?(的)?哪(一|个)?(部分|条|章)/

/** "“健全激励机制”出自方案哪一部分？": the article and item a heading is, with that item's facts. */
function headingPlace(ctx: Context, q: string): QaAnswer | undefined {
  if (!WHERE_ASK.test(q)) return undefined
  // "学生跟踪与服务的内容在第几部分": an article's own title.
  const whole = ctx.vocab.outline.find((a) => a.pattern.test(q))
  if (whole) {
    const ids = ctx.program.facts.filter((f) => f.section.split('（')[0] === whole.section).map((f) => f.id)
    const reply = factsReply(ctx, ids, `“${whole.title}”是方案的第${whole.section}部分。`)
    if (reply) return reply
  }
  for (const article of ctx.vocab.outline) {
    const i =
      article.parts?.findIndex((p) => q.includes(p) || q.includes(p.replace(/^(强化|狠抓|健全|加强)/, ''))) ?? -1
    if (i < 0) continue
    const part = article.parts?.[i] as string
    const section = `${article.section}（${chineseCount(i + 1)}）`
    const ids = ctx.program.facts.filter((f) => f.section.startsWith(section)).map((f) => f.id)
    const lead = `“${part}”是方案第${article.section}部分“${article.title}”的第（${chineseCount(i + 1)}）项（${section}）。`
    return (
      factsReply(ctx, ids, lead) ?? {
        answer: lead,
        intent: 'fact',
        sources: [{ section, title: part }],
        confidence: 0.8,
        facts: [],
      }
    )
  }
  return undefined
}

/** The structure of the plan or of one of its articles. */
export const outline: Intent = {
  name: 'outline',
  description: 'the parts of the plan, or the headings of a named article ("相关要求提了哪几方面")',
  triggers: [PARTS_ASK, WHERE_ASK, TOP_REF],
  answer: (ask, ctx) => {
    // "按“相关要求”，参与中学还须开展学生哪些方面的跟踪": a party's follow-up is asked, by the article's name.
    if (ctx.vocab.followUpWords.test(ask.q) && ctx.vocab.parties.some((p) => p.pattern.test(ask.q)))
      return decline(ask, 'asks a party’s follow-up work, naming the article only as its source')
    const placed = headingPlace(ctx, ask.q)
    if (placed) return placed
    // "方案第八部分的标题是什么？分别涉及哪些主体": an article by its number, its heading and parts.
    const top = TOP_REF.exec(ask.q)
    const article = top ? ctx.vocab.outline.find((a) => a.section === top[1]) : undefined
    // An article with no headings of its own ("第七部分的标题及核心要求"): its title, then its facts.
    if (article && !article.parts) {
      const ids = ctx.program.facts.filter((f) => f.section.split('（')[0] === article.section).map((f) => f.id)
      const reply = factsReply(ctx, ids, `方案第${article.section}部分的标题是“${article.title}”。`)
      if (reply) return reply
    }
    if (article) {
      const parts = article.parts?.map((p, i) => `（${chineseCount(i + 1)}）${p}`).join('；')
      return {
        answer: `方案第${article.section}部分的标题是“${article.title}”${parts ? `，分为：${parts}` : ''}。想了解哪一项的具体内容，可以接着问我。`,
        intent: 'fact',
        sources: [{ section: article.section, title: article.title }],
        confidence: 0.85,
        facts: [{ section: article.section, title: article.title, text: article.parts?.join('、') ?? article.title }],
      }
    }
    if (!PARTS_ASK.test(ask.q)) return decline(ask, 'asks of no parts')
    const named = ctx.vocab.outline.find((a) => a.pattern.test(ask.q))
    // "学生评价包括哪几个方面" may ask the content of an article a fact covers whole; "相关要求" has no such fact.
    const covered = named && ctx.program.facts.some((f) => f.title.includes(named.title))
    if (named && !NAMED_PART.test(ask.q.replace(named.pattern, '')) && (covered || !/方面/.test(ask.q)))
      return decline(ask, 'names an article but not as a part of the plan')
    return outlineAnswer(ctx, ask.q) ?? decline(ask, 'names no article of the plan')
  },
}

/**
 * "请确认本年度实施城市、实施高校及学科范围": two or more parts of one article named in a list, each
 * part's facts, in the plan's order.
 */
export const articleParts: Intent = {
  name: 'article_parts',
  description: 'several parts of one article named together (实施城市、实施高校及学科范围): each part’s facts',
  triggers: [/[、和及与]/],
  answer: (ask, ctx) => {
    // "中期评价和年度评价各是星期几", "实施城市和高校怎么对应": a point of the parts is asked, not the parts.
    if (
      /几|多少|星期|礼拜|周[一二三四五六日几]|天|月|何时|时候|数量|统计|计算|之和|数|比|对应|一一|分配|哪所|哪个|相隔|相差|对口|对接|之间|关系/.test(
        ask.q,
      )
    )
      return decline(ask, 'asks a point of the parts it names')
    for (const a of ctx.vocab.outline) {
      const sections = (a.parts ?? []).flatMap((p, i) =>
        ask.q.includes(p) ? [`${a.section}（${chineseCount(i + 1)}）`] : [],
      )
      if (sections.length < 2) continue
      const ids = ctx.program.facts.filter((f) => sections.includes(f.section)).map((f) => f.id)
      const reply = factsReply(ctx, ids, '')
      if (reply) return reply
    }
    return decline(ask, 'names fewer than two parts of one article')
  },
}

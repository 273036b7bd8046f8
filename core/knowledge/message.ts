import { findPlaces } from '../rules/regions'
import { clamp, LATER_NOTE } from './reply'
import { MAX_ANSWER_CHARS, type QaAnswer } from './qa-answer'
import { ASKING } from './wording'

/** Where one ask ends and another begins: sentence ends, commas, and words that add an ask. */
const CLAUSE_BREAK =
  /(?<=[，,？?。！!；;])|(?=另外|顺便|另[，,])|(?<=[\u4e00-\u9fff])(?=[1-9][.、)）](?!\d)|[①②③④⑤⑥])|(?<=[\u4e00-\u9fff\s])(?=[1-9]是)|(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十])(?=[(（][1-9一二三四五六][)）](?![条款项]))|(?<=[，,])(?=(?:还有|以及)(?!没有|机会|希望|名额|多少|几天|多久|时间))/

/** Where a sentence of unpunctuated speech starts ("…读高一然后老师说…我想问一下柳州选多少人然后结果在哪公布"). */
const SPOKEN_BREAK = /(?<=[\u4e00-\u9fff])(?=然后|我想问一?下|想问一?下|再问一?下)/

/** A clause that sets the condition, the time or the comparison of the ask after it ("若…，", "周期结束后，", "与…相比，"). */
const CONDITION =
  /^(若|如果|假如|假设|假定|假使|要是|倘若|万一|一旦|如|当)|(若|如果|假如|假定|要是|倘若)|(后|以后|之后|期间|时|的话|相比|比较|对比|比起来|(跟|与|和|同)[^，,。？?]{1,6}比)[，,]$/

/** One ask of a message, with the remarks just before it. */
export interface MessageAsk {
  ask: string
  text: string
  /** Numbered or otherwise listed ("1.…", "(2)…", "②…", "二是…"). */
  enumerated?: boolean
}

/** An ask made of a question word alone ("几号", "在哪", "什么时候呢"). */
const BARE_ASK =
  /^(几号|几点|哪天|哪一天|什么时候|啥时候|何时|在哪|在哪里|在哪儿|哪里|什么地方|多少|几个|几次|谁|找谁)[呢啊呀吗?？。!！]*$/

/** An enumerated ask ("一是…；二是…", "1.…", "①…", "第二，…"): an ask even without a question word. */
const ENUMERATED =
  /^[:：]?(?:[一二三四五六1-9]是|[一二三四五六][、．](?![二三四五六七]年级|[二三]年)|其[一二三四五]|第[一二三四五六][，,、:：]?|[1-9][.、)）]|[①②③④⑤⑥]|[(（][一二三四五六1-9][)）])/

/**
 * "实施城市和实施高校分别是哪些", "请列明…的实施城市与实施高校": two things listed in one ask are two
 * asks (each its own fact). Not a count, sum, span or date of them ("南宁和柳州一共多少名",
 * "学校推荐和市级审核分别是哪天"), which their intents answer together, nor places or grades.
 */
const COORDINATED =
  /^(.*?)([^的，,。？?、与和及跟]{2,8})(与|和|以及|及|跟)([^的，,。？?、与和及跟]{2,8}?)((?:分别|各自)?(?:是|有|为)?(?:哪些|哪几[所个家项位]?|什么|谁|哪些单位)?[。？?！!]*)$/
const COUNTED_OR_DATED =
  /一共|合计|总共|总计|相差|相隔|之和|之差|多少|几[个名所家天项次月]|比|各有|哪天|几号|何时|什么时候|截止|日期|时间|星期|周几/
const GRADE = /高[一二三1-3]|初[一二三1-3]/
const placeOrGrade = (t: string) => GRADE.test(t) || findPlaces(t).length > 0

/** Words holding a joining character that joins nothing (参与, 涉及, 及时, 跟进 …). */
const NOT_JOINING = /参与|给与|授与|涉及|普及|及时|及格|来得及|总和|和谐|跟进|跟踪|跟着/g

/** "请明确本计划的主办单位、承办单位及管理办公室日常工作承担单位": a request to state several things, listed. */
const REQUESTED =
  /^(.*?(?:请|烦请|麻烦|望)(?:予以)?(?:明确|列明|列出|提供|告知|说明|介绍)(?:一下)?(?:本计划|该计划|本项目|该项目)?的?)(.+?)([，,。？?！!]*)$/
/** Attributes of one thing asked together ("联系人姓名及电话"): not separate things. */
const ATTRIBUTE = /^(姓名|电话|手机|号码|地址|邮箱|职务|单位|联系方式|时间|地点)$/

function requestedList(ask: string): string[] | undefined {
  const m = REQUESTED.exec(ask)
  // "请提供中国科协、教育部“英才计划”的安排": the bodies own one quoted thing, not two asks.
  if (!m || /[“"「『]/.test(m[2] ?? '')) return undefined
  const [, lead, list, end] = m as unknown as [string, string, string, string]
  const blanked = list.replace(NOT_JOINING, (w) => '口'.repeat(w.length))
  const items: string[] = []
  let from = 0
  for (const j of blanked.matchAll(/、|以及|及|和|与/g)) {
    items.push(list.slice(from, j.index))
    from = j.index + j[0].length
  }
  items.push(list.slice(from))
  if (items.length < 2 || items.some((i) => [...i].length < 3 || ATTRIBUTE.test(i) || placeOrGrade(i))) return undefined
  // "全国青少年科技创新大赛的评审规则及申报流程": what the first item belongs to, the others belong to too.
  const owner = items[0]?.slice(0, items[0].lastIndexOf('的') + 1) ?? ''
  return items.map((i, n) => `${lead}${n > 0 && !i.includes('的') ? owner : ''}${i}${end}`)
}

/** "A与B两个环节的衔接关系", "二者的区别": one ask about the things together, not one per thing. */
const TOGETHER = /(两|二|2|三|3|几)(个|项|者|级)|二者|两者|之间|彼此|相互|衔接|先后|关系|区别|异同|差异|不同/

export function coordinatedList(ask: string): string[] | undefined {
  if (COUNTED_OR_DATED.test(ask) || TOGETHER.test(ask)) return undefined
  const requested = requestedList(ask)
  if (requested) return requested
  // Matched on a copy with those words blanked (same length), cut from the ask itself.
  const m = COORDINATED.exec(ask.replace(NOT_JOINING, (w) => '口'.repeat(w.length)))
  if (!m) return undefined
  const at = (n: number) => m.slice(1, n + 1).reduce((sum, g) => sum + (g ?? '').length, 0)
  const whole = (n: number) => ask.slice(at(n - 1), at(n))
  const lead = /^(请问|请|烦请|麻烦)?(列明|列出|列举|说明|告知|介绍|明确)?/.exec(whole(2))?.[0] ?? ''
  const [pre, a, b] = [`${whole(1)}${lead}`, whole(2).slice(lead.length), whole(4)]
  if ([...a].length < 2 || placeOrGrade(a) || placeOrGrade(b)) return undefined
  // A list asked for: "…分别是哪些", or an ask to list ("请列明…A与B"); B a name, not a clause ("导师沟通吗").
  const listing = /哪些|哪几|什么|谁/.test(whole(5)) || /列明|列出|列举|说明|告知|介绍|明确/.test(pre)
  if (!listing || /[吗呢么吧要是有能会]/.test(b) || ATTRIBUTE.test(b.replace(/[，,。？?！!]+$/, ''))) return undefined
  const post = whole(5).replace(/分别|各自/, '')
  return [`${pre}${a}${post}`, `${pre}${b}${post}`]
}

/** A few, described ("几个娃娃很有兴趣", "有几位同学都想报"): no question of how many. */
export const A_FEW =
  /(就|只有|只|这|那|好)几(个|位|名)|几(个|位|名)[^，,。？?]{0,4}(很|都|挺|比较|也|特别|非常|蛮)|有几(名|个|位)[^，,。？?]{0,4}(学生|同学|孩子|人)(?=有意|想|打算|准备|希望|愿意)/g

/** The asks of a message (normalised), each with the remarks that lead up to it. */
export function messageAsks(q: string): MessageAsk[] {
  const asks: MessageAsk[] = []
  let pending = ''
  // The clauses of the sentence under way that set a condition or a time for its ask.
  let condition = ''
  // The last remark, which an ask beginning with 到 continues.
  let lastRemark = ''
  // A numbered condition whose ask follows in a clause of its own: that ask is the numbered one.
  let carried = false
  // Voice input with no punctuation at all runs its sentences together: the spoken joiners cut it.
  const breaks = /[，,？?。！!；;]/.test(q) ? CLAUSE_BREAK : new RegExp(`${CLAUSE_BREAK.source}|${SPOKEN_BREAK.source}`)
  // A comma or a question mark inside brackets ("（不含起始日，含截止日）", "（好像叫日志？）") cuts no ask.
  const kept = q.replace(/[（(][^（()）]*[)）]/g, (m) => m.replace(/[，,]/g, '\uE000').replace(/[？?]/g, '\uE001'))
  for (const raw of kept.split(breaks).map((r) => r.replace(/\uE000/g, ',').replace(/\uE001/g, '?'))) {
    const lead = raw.replace(
      /^(另外|另[，,]|顺便(问一?下|问问|说一?下)?|(还有|以及)(?!没有|机会|希望|名额|多少|几天|多久|时间|戏))/,
      '',
    )
    // "想咨询三个问题：一是…": the announcement is a remark, the enumerated pieces are the asks.
    const at = lead.search(
      /[:：](?=[一二三四五六1-9]是|[一二三四五六][、．]|其[一二三四五]|第[一二三四五六]|[1-9][.、)）]|[①②③④⑤⑥]|[(（][1-9一二三四五六][)）])/,
    )
    if (at > 0) pending += lead.slice(0, at + 1)
    const rest = at > 0 ? lead.slice(at + 1) : lead
    const numbered = ENUMERATED.test(rest)
    const piece = rest.replace(ENUMERATED, '')
    // "1.若公示自11月8日起算，…，最后一日为哪一天？": a numbered condition leads up to the ask it conditions.
    // "2.柳州、桂林两市名额相加，与南宁相比…？": so does a numbered clause that asks nothing before a comma.
    const numberedCondition = numbered && /[，,]$/.test(piece) && !ASKING.test(piece)
    const enumerated = (numbered && !numberedCondition) || (carried && ASKING.test(piece))
    if (numberedCondition) carried = true
    if (!/[\u4e00-\u9fffa-z0-9]/.test(piece)) continue
    const previous = asks[asks.length - 1]
    // "见面会在哪里开，几号": a bare question word asks more of the same subject, so it joins that ask.
    if (previous && !pending && !enumerated && BARE_ASK.test(piece)) {
      previous.ask += piece
      previous.text += piece
      continue
    }
    // "有个什么计划" names a thing vaguely; it asks nothing.
    // "读高几我记不清了": what the asker cannot remember is a remark, not an ask.
    const forgotten = /(记不清|不记得|记不得|忘了|忘记了)了?[，,。]?$/.test(piece)
    // "以前河池归柳州那边管吧，能不能算柳州的": a supposition ending in 吧/嘛 before a comma leads up to the ask after it.
    // ("中期评价是2月底前对吧，…": a claim put to be confirmed is an ask of its own.)
    const supposed =
      /(吧|嘛)[，,]$/.test(piece) &&
      !/(对|是|没错|没记错|对不对)吧[，,]$/.test(piece) &&
      !ASKING.test(piece.replace(/(吧|嘛)[，,]$/, ''))
    // "社里几个娃娃很有兴趣": 几个 of a few people described asks nothing.
    const vague = piece.replace(/(有|是)?(一)?个(什么|啥)/g, '').replace(A_FEW, '')
    // "请提供…电话，以及本计划的承办单位。": what is added with 以及/还有 is requested too.
    const added = /^(以及|还有|并)/.test(raw) && previous && !pending ? REQUESTED.exec(previous.ask)?.[1] : undefined
    if ((ASKING.test(vague) && !forgotten && !supposed) || enumerated || added) {
      carried = false
      // "10月开始培养，到中期截止隔几个月": an ask beginning at 到 ends the span the remark before it begins.
      const from = !condition && /^(一直)?(到(?!底)|至(?!少|多|今)|直到)/.test(piece) ? lastRemark : ''
      const listed = condition || from ? undefined : coordinatedList(piece)
      if (listed) for (const [i, one] of listed.entries()) asks.push({ ask: one, text: i === 0 ? pending + one : one })
      else if (added && !ASKING.test(vague)) asks.push({ ask: `${added}${piece}`, text: piece })
      else asks.push({ ask: condition + from + piece, text: pending + piece, ...(enumerated ? { enumerated } : {}) })
      pending = ''
      condition = ''
      lastRemark = ''
    } else {
      pending += piece
      lastRemark = piece
      // "周期结束后，学生若报名下一年度培养，导师是否会有所考虑": the ask is read with its conditions.
      condition =
        (condition || CONDITION.test(piece) || numberedCondition) && /[，,]$/.test(piece) ? condition + piece : ''
    }
  }
  const last = asks[asks.length - 1]
  if (last && pending) last.text += pending
  return asks
}

/** Characters that carry meaning, for telling a bare "能报吗" from a question of its own. */
export const contentLength = (text: string) => text.replace(/[^\u4e00-\u9fffa-z0-9%]/g, '').length

/** A polite lead of an ask that carries no point of its own ("请确认是否可以"). */
const POLITE_LEAD = /^(请|麻烦|烦请)?(帮忙|帮我)?(确认|核实|看看|判断)(一下)?/
/** How much an ask says besides its polite lead. */
export const pointLength = (ask: string) => contentLength(ask.replace(POLITE_LEAD, ''))

/** An answer that says nothing useful on its own: not about the program, or not sure of itself. */
export function isWeak(a: QaAnswer): boolean {
  return a.intent === 'out_of_scope' || a.intent === 'greeting' || a.confidence < 0.3
}

/** The character pairs of a text's Chinese and digits, to tell how much of it was said already. */
function pairs(text: string): Set<string> {
  const t = text.replace(/[^\u4e00-\u9fff0-9]/g, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/**
 * The sentences of a part that add something to what the earlier parts said (most of their pairs
 * new). When retrieval's part (`neighbours`: its best fact, then the next ones) starts with a fact
 * said already, the rest is only neighbouring facts: nothing of it is kept.
 */
function newSentences(text: string, said: string, neighbours = false): string {
  const known = pairs(said)
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [text]
  const fresh = (sentence: string) => {
    const own = [...pairs(sentence)]
    return own.length === 0 || own.filter((p) => known.has(p)).length / own.length < 0.8
  }
  if (neighbours && said && sentences[0] && !fresh(sentences[0])) return ''
  return sentences.filter(fresh).join('')
}

/** Several answers as one, each shortened at a sentence end until all fit in 400 characters. */
export function combine(parts: { answer: QaAnswer; text: string; neighbours?: boolean }[]): QaAnswer {
  const texts: string[] = []
  // The year note goes once at the end, after every asked point.
  const note = parts.map((p) => p.text.match(LATER_NOTE)?.[0]).find(Boolean) ?? ''
  const max = MAX_ANSWER_CHARS - [...note].length
  for (const p of parts) {
    const full = /[。！？]$/.test(p.text) ? p.text : `${p.text}。`
    texts.push(newSentences(full.replace(LATER_NOTE, ''), texts.join(''), p.neighbours))
  }
  let total = texts.reduce((n, t) => n + [...t].length, 0)
  for (let guard = 0; total > max && guard < 20; guard++) {
    let longest = 0
    texts.forEach((t, i) => {
      if ([...t].length > [...(texts[longest] as string)].length) longest = i
    })
    const t = texts[longest] as string
    const target = Math.max(40, [...t].length - (total - max))
    texts[longest] = clamp(t, target)
    total = texts.reduce((n, x) => n + [...x].length, 0)
  }
  const first = parts[0]?.answer as QaAnswer
  const eligibility = parts.find((p) => p.answer.eligibility)?.answer.eligibility
  // A part with nothing new left cites nothing.
  const kept = parts.filter((_, i) => texts[i])
  const sources = kept.flatMap((p) => p.answer.sources)
  return {
    answer: `${clamp(texts.join(''), max)}${note}`,
    intent: first.intent,
    sources: sources.filter((s, i) => sources.findIndex((o) => o.section === s.section && o.title === s.title) === i),
    ...(eligibility ? { eligibility } : {}),
    confidence: Math.min(...parts.map((p) => p.answer.confidence)),
    facts: kept.flatMap((p) => p.answer.facts),
  }
}

import type { Context } from './context'
import { contentLength, type MessageAsk } from './message'
import { openTopicIn } from './open-topics'
import { PROGRAM_NAMED } from './scope'
import { CORE_TERMS } from './wording'

/** The lead of a list of asks ("关于见面会，请告知：1. …"): its text and what it names. */
export interface ListLead {
  text: string
  /** Names a thing of the program (a step, a core term, an open topic). */
  named: boolean
  /** Is a topic for the numbered asks after it (named, or two characters of topic at least). */
  list: boolean
  /** Names a step. */
  step: boolean
}

/** "各位老师好，想了解学生选拔：": the topic of a list is its lead's last clause without the announcement. */
function listTopic(lead: string): string {
  const last =
    lead
      .replace(/[,，:：。]+$/, '')
      .split(/[,，。！!？?]/)
      .pop() ?? ''
  return last.replace(
    /请问|想|了解|咨询|请教|问一?下|说明|告知|答复|明确|关于|方面|这一?块|[一二三四五两几\d][个件]?(问题|事)|[:：]/g,
    '',
  )
}

/** Whether an ask names something of the program itself: a core term, a step or an open topic. */
export function namesProgramThing(ctx: Context, ask: string): boolean {
  return (
    PROGRAM_NAMED.test(ask) ||
    CORE_TERMS.test(ask) ||
    ctx.vocab.steps.some((s) => s.pattern.test(ask)) ||
    openTopicIn(ctx, ask) !== undefined
  )
}

const namesStep = (ctx: Context, text: string) => ctx.vocab.steps.some((s) => s.pattern.test(text))

/** What comes before the first ask of a message, read as the topic of the list after it. */
export function listLead(ctx: Context, first: MessageAsk | undefined): ListLead {
  const whole = first && first.text !== first.ask ? first.text.slice(0, first.text.lastIndexOf(first.ask)) : ''
  // "为做好校内宣传，请明确：": why the list is asked is no topic of it.
  const text = whole.replace(PURPOSE, '').replace(ASKS_FRAME, '')
  const named = text !== '' && namesProgramThing(ctx, text)
  return { text, named, list: named || contentLength(listTopic(text)) >= 2, step: namesStep(ctx, text) }
}

/** "教务处咨询两点：", "想请教以下问题：": how many asks follow, no topic of them. */
const ASKS_FRAME =
  /^[^，,。！!：:]{0,10}(咨询|请教|想问|询问|请问|问)(一下)?(以下|如下)?([两二三四几\d]+(点|个问题|个事项|件事|项)|问题|事项|几点)[：:，,]?/

/** "为做好校内宣传，", "为便于安排工作，": the purpose of a message, a clause of its own. */
const PURPOSE = /(?<=^|[，,。！!：:])为了?(做好|便于|方便|确保|准确|更好地?|进一步|配合|落实)[^，,。！!：:]{0,20}[，,]/g

/** "该日为星期几", "当天是周几": an ask about the day (or thing) the ask before it named. */
const ANAPHOR = /^(该|此|这|那|当)(日|天|一天|日期|截止日|时间|环节|步骤)|^(其|它)(的|是|为|在)/
/** "两个截止日分别为星期几", "两级审核的侧重点", "二者各在哪天": an ask about the steps the ask before it named. */
const PLURAL_ANAPHOR =
  /^(这|那)?(两|二|三|几|2|3)(个|项|级)?(?=截止日|截止日期|日期|时间|日子|天|环节|步骤|节点|审核|审查|评价)|^(这|那)?(两|二|2)(日|天)(?=分别|各)|^(两者|二者|三者|它们|它俩)(的)?/

/** The short titles (学校推荐, 中期评价) of the dated steps a text names, in the plan's order. */
function stepTitles(ctx: Context, text: string): string[] {
  const titles = (t: string) =>
    ctx.program.milestones
      .filter((m) => ctx.vocab.steps.some((s) => s.key === m.key && s.pattern.test(t)))
      .map((m) => m.title.split(/[：:（(，,]/)[0] as string)
  // "中期评价和年度评价的截止时间": a bare 截止 names the school's step only when no other step is named.
  const named = titles(text.replace(/截止(时间|日期|日)?/g, ''))
  return named.length > 0 ? named : titles(text)
}

/** "与学校提交的截止日期相差几天", "距中期评价截止相隔几个月": a span from one side only, the other being the subject before. */
const ONE_SIDED_SPAN =
  /^(与|和|跟|同|距离?|离|较|比)[^，,。？?]{1,30}(相差|相隔|间隔|隔|差|早|晚|多|少)[^，,。？?]{0,6}(几|多少|多久|多长)/

/** The ask before the next one, for reading a pointing-back ask: a chain of them ("该日…", "与…相差…") keeps its subject. */
export interface PreviousAsk {
  ask: string
  reading: string
  subject: string
}

/** The ask just read, as the previous ask of the next one. */
export function previousOf(ask: string, reading: string, before: PreviousAsk | undefined): PreviousAsk {
  return { ask, reading, subject: before && pointsBack(ask) ? before.subject : reading }
}

const pointsBack = (ask: string) => ANAPHOR.test(ask) || ONE_SIDED_SPAN.test(ask)

/** "我校作为参与中学，", "作为参与高校（桂师），": the part the asker plays, said before the ask. */
const ROLE = /作为([^，,。？?！!；;]{2,16}?)(（[^）]*）|\([^)]*\))?[，,]/

/**
 * "我校作为参与中学，按方案需承担哪些工作？": an ask naming no party of its own is about the party the
 * asker says it plays; "我校" in the ask is that party.
 */
function roleReading(ctx: Context, ask: string, text: string): string | undefined {
  const role = ROLE.exec(text.slice(0, Math.max(0, text.lastIndexOf(ask))))?.[1]
  if (!role || !ctx.vocab.parties.some((p) => p.pattern.test(role))) return undefined
  const own = ask.replace(/^(我校|本校|我们学校|我院|我单位|本单位)/, '')
  if (ctx.vocab.parties.some((p) => p.pattern.test(own))) return undefined
  return `${role}${own}`
}

/**
 * How an ask of a message is read: on its own, with the topic of the list it belongs to, with
 * the remarks before it, or — when it only points back ("该日为星期几", "与…相差几天") or is a bare
 * follow-up ("能报吗") — with the ask before it.
 */
export function askReading(
  ctx: Context,
  { ask, text, enumerated }: MessageAsk,
  lead: ListLead,
  previous: PreviousAsk | undefined,
): string {
  const span = ONE_SIDED_SPAN.test(ask)
  // "关于年度评价：…（3）距中期评价截止时间相隔几个月": the list's step is the other side of the span.
  // "…是几号前？比学校的截止日晚几天": an unnumbered span follows the ask before it, not the message's lead.
  if (span && lead.step && (enumerated || !previous)) return `${lead.text}${ask}`
  // "…相隔几天？两个截止日分别为星期几": the steps named before, each asked again.
  const steps = previous && PLURAL_ANAPHOR.test(ask) ? stepTitles(ctx, previous.subject) : []
  if (steps.length > 1) return `${steps.join('和')}的${ask.replace(PLURAL_ANAPHOR, '')}`
  if (previous && pointsBack(ask)) return `${previous.subject.replace(/[？?。！!；;]+$/, '')}，${ask}`
  // "中期考核方面，(1)什么时候 (2)谁负责": a numbered ask naming no step of its own is about the topic before the list;
  // a mere announcement before it ("想咨询三个问题：一是…") is no topic at all.
  // An unnumbered ask naming a thing of its own ("…20次，是否属实？《成长日志》应如何提交？") is about that thing.
  if (
    (enumerated ? lead.list : lead.step && !CORE_TERMS.test(ask)) &&
    !namesStep(ctx, ask.replace(/截止(时间|日期)?/g, ''))
  )
    return `${lead.text}${ask}`
  const played = roleReading(ctx, ask, text)
  if (played) return played
  if (contentLength(ask) > 6) return ask
  // A bare follow-up ("能报吗", "有啥建议") reads with the remarks before it, the message's topic, or the ask before it.
  if (text !== ask && !(enumerated && text.endsWith(ask) && !listTopic(text.slice(0, -ask.length)))) return text
  if (lead.named) return `${lead.text}${ask}`
  return previous && !enumerated ? `${previous.ask}，${ask}` : ask
}

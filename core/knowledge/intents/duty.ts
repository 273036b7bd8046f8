import { type Context, decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import { factOf, joinWithin } from '../reply'
import { MONTH_REF, NAMED_STEP, OTHER_ROLE, withoutExcepted } from '../wording'
import type { Intent } from './intent'

/** "作为参与高校": the role the asker speaks in. */
const AS_PARTY =
  /作为[^，,。？?]{0,3}?((参与|实施|承办)?(高校|大学|中学|学校|高中|市科协|科协|管理办公室|主办单位|承办单位))/

/** "我儿子上的那个高中…": the child's school named, the party the duty is asked of. */
const CHILDS_SCHOOL =
  /^(我们?家?的?)?(孩子|娃|小孩|女儿|儿子|闺女)(现在|目前)?所?(读|上|就读|念|在读|在)?的?(那个|那所|这所)?(?=中学|学校|高中)/

type Party = Context['vocab']['parties'][number]

/**
 * "参与高校要…；参与中学要…": of a fact that opens with one party's duties and goes on to another's,
 * the clauses of the parties asked; a fact about one party (or none by name) is kept whole.
 */
function clausesOf(ctx: Context, text: string, asked: Party[]): string {
  const clauses = text.replace(/。$/, '').split('；')
  const ownerOf = (c: string) => ctx.vocab.parties.find((p) => p.pattern.test(c.slice(0, 6)))
  if (clauses.length < 2 || !ownerOf(clauses[0] as string)) return text
  let owner: Party | undefined
  const kept = clauses.filter((c) => {
    owner = ownerOf(c) ?? owner
    return owner !== undefined && asked.includes(owner)
  })
  return kept.length === 0 || kept.length === clauses.length ? text : `${kept.join('；')}。`
}

/**
 * The duty facts of the parties a question names (the parties, their duty words and their facts
 * are the cohort's vocabulary); undefined when it asks no duty, or asks about a named step, whose
 * own fact says what each party does there.
 */
function dutyAnswer(ctx: Context, asked: string): QaAnswer | undefined {
  // "孩子读的中学要负责什么": the school the child attends is the party asked about, not the child.
  // "我系班主任，…我们中学要干些啥": who the asker is names no party asked about.
  const q = withoutExcepted(asked)
    .replace(CHILDS_SCHOOL, '')
    .replace(/^我(是|系)[^，,。？?]{0,8}(老师|教师|班主任|主任|校长)[，,]?/, '')
  const { dutyWords, followUpWords, parties } = ctx.vocab
  if (
    !dutyWords.test(q) ||
    OTHER_ROLE.test(q) ||
    // "娃入选之后学校这边还管不管": a school named with its duty is asked of, whoever the sentence starts with.
    (!/(学校|中学|高中|大学|高校)(这边|那边)?(还|就)?(管不管|还管|管吗|负不负责)/.test(q) &&
      /^(我(?!们(中学|学校|高中|高校|大学|学院)|校|院|单位|市|[在是][^，,。？?]{0,12}(大学|高校|中学|学校|高中|科协)|[是系][^，,。？?]{0,6}(老师|教师|班主任|主任|校长|教务))|学生|(孩子|娃)(?!(的|所在的?)?(中学|学校|高中))|家长)/.test(
        q,
      ))
  )
    return undefined
  // A named step ("市科协在遴选环节承担什么职责"): the party's facts that speak of that step.
  // Asked of several stages at once ("在遴选和培养启动阶段分别…"), every fact of the party is wanted.
  const step = /分别|各(个)?阶段/.test(q) ? undefined : NAMED_STEP.exec(q)?.[0]
  const ids: string[] = []
  const askedParties: Party[] = []
  // "学校作为参与高校要负责哪些": the party after 作为 is the one asked about, not the words around it.
  // "对承担指导任务的中学教师，高校负有什么职责": what the 对 phrase names is whom the duty is towards.
  const towards = /^对([^，,。？?]{1,24})[，,](?=[^，,。？?]*[\u4e00-\u9fff])/.exec(q)
  const rest = towards ? q.slice(towards[0].length) : q
  const named = AS_PARTY.exec(q)?.[1] ?? (towards && parties.some((p) => p.pattern.test(rest)) ? rest : q)
  // The parties in the order the question names them ("学校这边还管不管，还是全丢给大学": the school first).
  const inOrder = parties
    .filter((p) => p.pattern.test(named))
    .sort((a, b) => named.search(a.pattern) - named.search(b.pattern))
  for (const party of inOrder) {
    askedParties.push(party)
    const assisting = party.assisting
    const own =
      party.followUp && followUpWords.test(q)
        ? followUpFacts(ctx, party.followUp, followUpWords.exec(q)?.[0] ?? '')
        : // Whom a party assists (协助管理办公室) is said in its own fact, so that fact leads.
          assisting && /协助|配合谁|帮谁/.test(q)
          ? [assisting, ...party.facts.filter((id) => id !== assisting)]
          : party.facts
    for (const id of own) {
      if (ids.includes(id)) continue
      if (step && !ctx.factsById.get(id)?.answer.includes(step)) continue
      ids.push(id)
    }
  }
  // Duties towards someone named ("对…中学教师"): the articles that name them, when any does.
  const object = towards?.[1]?.slice(-4)
  const toward = object ? ids.filter((id) => ctx.factsById.get(id)?.answer.includes(object)) : []
  // A party whose duties the plan states in several articles gets each article's, its own clauses only.
  const facts = (toward.length > 0 ? toward : ids).flatMap((id) => ctx.factsById.get(id) ?? [])
  if (facts.length === 0) return undefined
  const texts = facts.map((f) => clausesOf(ctx, f.answer, askedParties))
  const answer = joinWithin(texts)
  const used = facts.filter((_, i) => answer.includes(texts[i] as string))
  return {
    answer,
    intent: 'fact',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.85,
    facts: used.map(factOf),
  }
}

/**
 * A party's follow-up facts for the follow-up word asked ("跟踪", "评估"): those that say it, the
 * one that says it most first ("学生跟踪的侧重点" is 七 before 十（二）); all of them when none does.
 */
function followUpFacts(ctx: Context, ids: readonly string[], word: string): string[] {
  const times = (id: string) => ctx.factsById.get(id)?.answer.split(word).length ?? 1
  const saying = ids.filter((id) => times(id) > 1).sort((a, b) => times(b) - times(a))
  return saying.length > 0 ? saying : [...ids]
}

/** What a party must do. */
export const duty: Intent = {
  name: 'duty',
  description: 'what a party (organisers, office, universities, schools, city 科协) must do',
  answer: (ask, ctx) =>
    MONTH_REF.test(ask.q)
      ? decline(ask, 'names a month: what happens then is a step, not a duty')
      : // "学校推荐环节需完成哪些工作": the work of a named step is that step's article.
        /(推荐|审核|遴选|公示|见面会|评价)环节[^。？?]{0,4}(需|要|须|应)?(完成|做|开展)/.test(ask.q)
        ? decline(ask, 'asks the work of a named step')
        : (dutyAnswer(ctx, ask.q) ?? decline(ask, 'asks no duty of a party the vocabulary names')),
}

import type { Context } from './context'
import type { ProgramFact } from './program'
import { FRAME, overlap, pieces } from './statement-words'

/**
 * A statement checked slot by slot against the plan's sentences: a number said with the words of
 * another number ("学科前20%或综合前15%", the two swapped), or a party given another party's task
 * ("真实性由市级科协审核", which the school does). Each check speaks only when the plan's sentence
 * is clearly the one meant, so loose wording is never called wrong.
 */

/** One sentence of the plan's facts, with the fact it belongs to. */
type Sentence = { text: string; fact: ProgramFact }

const sentencesOf = (facts: readonly ProgramFact[]): Sentence[] =>
  facts.flatMap((fact) => (fact.answer.match(/[^。；;]+/g) ?? []).map((text) => ({ text, fact })))

/** Each number of a text with the words just before it (back to the last number or clause end). */
function numbersWithLeads(text: string): { n: string; lead: string }[] {
  const out: { n: string; lead: string }[] = []
  let from = 0
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const lead =
      text
        .slice(from, m.index)
        .split(/[。；;，,（(、]/)
        .pop() ?? ''
    out.push({ n: m[0], lead: lead.slice(-14) })
    from = m.index + m[0].length
  }
  return out
}

/** How much of `a`'s two-character pieces `b` says (0 when `a` has none). */
const share = (a: string, b: string) => (a.replace(FRAME, '').length < 2 ? 0 : overlap(a, b))

/**
 * A number of the statement that the plan gives to other words: the statement's words before it
 * match the words before another of the plan's numbers clearly better than its own.
 */
export function swappedNumber(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  const said = numbersWithLeads(statement.replace(/20\d\d年/g, ''))
  for (const sentence of sentencesOf(facts)) {
    const plan = numbersWithLeads(sentence.text).filter((p) => !/^20\d\d$/.test(p.n))
    if (plan.length < 2) continue
    for (const { n, lead } of said) {
      if (!plan.some((p) => p.n === n)) continue
      const scores = plan.map((p) => ({ ...p, s: share(lead, p.lead) }))
      const best = scores.reduce((a, b) => (b.s > a.s ? b : a))
      const own = Math.max(...scores.filter((p) => p.n === n).map((p) => p.s))
      if (best.n !== n && best.s >= 0.6 && best.s - own >= 0.25) return sentence
    }
  }
  return undefined
}

/** A clause of the plan's facts with the parties that act in it (named, or carried from the clause before). */
type Clause = { text: string; fact: ProgramFact; parties: number[] }

/** The plan's clauses and how rare each two-character piece is among them, built once per program. */
const clausesOf = new WeakMap<Context, { clauses: Clause[]; weight: Map<string, number> }>()

function planClauses(ctx: Context) {
  const known = clausesOf.get(ctx)
  if (known) return known
  const clauses: Clause[] = []
  for (const fact of ctx.program.facts)
    for (const sentence of fact.answer.match(/[^。；;]+/g) ?? []) {
      let parties: number[] = []
      for (const text of sentence.split(/[，,]/)) {
        const named = ctx.vocab.parties.flatMap((p, i) => (p.pattern.test(text) ? [i] : []))
        if (named.length > 0) parties = named
        clauses.push({ text, fact, parties })
      }
    }
  const df = new Map<string, number>()
  for (const c of clauses) for (const w of new Set(pieces(c.text))) df.set(w, (df.get(w) ?? 0) + 1)
  const weight = new Map([...df].map(([w, n]) => [w, Math.log(1 + clauses.length / n)]))
  const built = { clauses, weight }
  clausesOf.set(ctx, built)
  return built
}

/**
 * The plan's clause that gives the task the statement names to another party: the statement
 * names one party, and the clause most like the rest of it (its rare words weighing most) is
 * another party's, clearly more like it than any clause of the statement's party.
 */
export function otherPartysTask(ctx: Context, statement: string): Sentence | undefined {
  const named = ctx.vocab.parties.flatMap((p, i) => (p.pattern.test(statement) ? [i] : []))
  if (named.length !== 1) return undefined
  const party = named[0] as number
  const found = likestClauses(
    ctx,
    statement.replace(new RegExp(ctx.vocab.parties[party]?.pattern.source ?? '', 'g'), ' '),
    (c) => c.parties.includes(party),
    (c) => c.parties.length > 0,
  )
  const { own, other } = found ?? { own: 0 }
  return other && other.s >= 0.3 && other.s - own >= 0.1 && other.s >= 1.25 * own
    ? { text: other.clause.text, fact: other.clause.fact }
    : undefined
}

/**
 * How like the statement (its rare words weighing most) the plan's clauses are: the best of those
 * `isOwn` accepts, and the best clause among those `isOther` accepts; undefined when the statement
 * says too little of the plan's words to tell.
 */
function likestClauses(
  ctx: Context,
  statement: string,
  isOwn: (c: Clause) => boolean,
  isOther: (c: Clause) => boolean,
): { own: number; other?: { s: number; clause: Clause } } | undefined {
  const { clauses, weight } = planClauses(ctx)
  const task = [...new Set(pieces(statement))].filter((w) => weight.has(w))
  const total = task.reduce((sum, w) => sum + (weight.get(w) ?? 0), 0)
  if (task.length < 3 || total === 0) return undefined
  let own = 0
  let other: { s: number; clause: Clause } | undefined
  for (const clause of clauses) {
    const s = task.reduce((sum, w) => sum + (clause.text.includes(w) ? (weight.get(w) ?? 0) : 0), 0) / total
    if (isOwn(clause)) own = Math.max(own, s)
    else if (isOther(clause) && s > (other?.s ?? 0)) other = { s, clause }
  }
  return { own, ...(other ? { other } : {}) }
}

/** A requirement the statement says is not needed ("无需报管理办公室"): what follows the negation. */
const DENIED = /(?:无需|无须|不需要?|不用|不必|不须|毋须)(?:再|另行|额外)?([\u4e00-\u9fff]{2,10})/g

/**
 * The plan's sentence that requires what the statement says is not needed: it says the same words
 * (nearly all of them) with no negation of its own just before them.
 */
export function deniedRequirement(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  for (const m of statement.matchAll(DENIED)) {
    const what = (m[1] as string).replace(/(即可|就行|就可以|了|的)$/, '')
    const first = what.slice(0, 2)
    for (const sentence of sentencesOf(facts)) {
      const at = sentence.text.indexOf(first)
      if (at < 0 || share(what, sentence.text) < 0.75) continue
      if (/[不无没未免非]/.test(sentence.text.slice(Math.max(0, at - 3), at))) continue
      return sentence
    }
  }
  return undefined
}

/** The bodies the plan names (organisers, undertakers, universities): who a statement may put in another's place. */
function bodiesOf(ctx: Context): string[] {
  const { organisers, undertakers } = ctx.program.bodies
  return [...organisers.names, ...undertakers.names, ...ctx.program.universities.map((u) => u.name)]
}

/**
 * The plan's clause that gives what the statement says of one body to another ("管理办公室的日常工作由
 * 广西科技馆负责", which 广西青少年科技中心 does): the clause most like the statement without the body
 * names a different body of the plan, and clearly more like it than any clause naming the body said.
 */
export function otherBodysPart(ctx: Context, statement: string): Sentence | undefined {
  const bodies = bodiesOf(ctx)
  const said = bodies.filter((b) => statement.includes(b))
  if (said.length !== 1) return undefined
  const body = said[0] as string
  const found = likestClauses(
    ctx,
    statement.replace(body, ' '),
    (c) => c.text.includes(body),
    (c) => bodies.some((b) => b !== body && c.text.includes(b)),
  )
  const { own, other } = found ?? { own: 0 }
  return other && other.s >= 0.5 && other.s - own >= 0.2
    ? { text: other.clause.text, fact: other.clause.fact }
    : undefined
}

/**
 * An item the statement adds to a list the plan gives ("材料包括课题报告、培养报告、成长日志及中学校长
 * 推荐信"): most items are in one of the plan's sentences, one is in none of them.
 */
export function addedListItem(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  const list = /(?:包括|包含|有|为|是)[:：]?([^。；;？?]+)/.exec(statement)?.[1]
  if (!list) return undefined
  const items = list
    .split(/[、，,]|以及|及|和|与/)
    .map((i) => i.replace(/^(等|还有)|等$|[”"“]/g, '').trim())
    .filter((i) => i.length >= 2)
  if (items.length < 3) return undefined
  for (const sentence of sentencesOf(facts)) {
    const said = items.filter((i) => sentence.text.includes(i))
    const extra = items.filter((i) => share(i, sentence.text) < 0.5)
    if (said.length >= 2 && said.length + extra.length === items.length && extra.length === 1) return sentence
  }
  return undefined
}

/** Units that exclude one another: a statement with one where the article says the other is wrong. */
const RIVAL_UNITS: readonly (readonly [string, string])[] = [
  ['工作日', '自然日'],
  ['月底', '月初'],
  ['月底', '月中'],
]

/** "公示期为5个自然日" against "5个工作日": the number kept, its unit swapped. */
export function swappedUnit(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  for (const pair of RIVAL_UNITS) {
    for (const [said, other] of [pair, [pair[1], pair[0]]] as const) {
      if (!statement.includes(said)) continue
      const sentence = sentencesOf(facts).find((s) => s.text.includes(other) && !s.text.includes(said))
      if (sentence) return sentence
    }
  }
  return undefined
}

/**
 * "学校推荐—导师遴选—资格审核—公示公布": steps of the selection said in an order the plan's chain does
 * not have. Three steps or more, each in its own part of the statement, make it a stated order.
 */
export function swappedOrder(ctx: Context, statement: string): Sentence | undefined {
  if (statedOrder(ctx, statement) !== 'wrong') return undefined
  const { chain } = ctx.vocab.selection
  const first = ctx.factsById.get(chain[0]?.fact ?? '')
  const parent = first?.section.replace(/\d+$/, '')
  const fact = ctx.program.facts.find((f) => f.section === parent) ?? first
  return fact ? { text: fact.answer, fact } : undefined
}

/** Whether a statement says three or more steps of the selection in the plan's order, or not, or names no order. */
export function statedOrder(ctx: Context, statement: string): 'right' | 'wrong' | undefined {
  const { chain } = ctx.vocab.selection
  const at = statement
    .split(/[—-]+>?|→|、|，|,|然后|接着|之后|再/)
    .map((part) => chain.findIndex((step) => step.pattern.test(part)))
    .filter((i) => i >= 0)
  if (at.length < 3) return undefined
  return at.every((i, k) => k === 0 || i >= (at[k - 1] as number)) ? 'right' : 'wrong'
}

/**
 * "市级奖项也在优先条件之内" against "…市级…的奖项不在优先条件之内": the article's words said without
 * its negation. The four characters after the article's 不 are said with no negation before them,
 * in a statement that shares half the sentence's words.
 */
export function droppedNegation(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  for (const sentence of sentencesOf(facts)) {
    for (const m of sentence.text.matchAll(/不(?=[\u4e00-\u9fff\d]{4})/g)) {
      const tail = sentence.text.slice(m.index + 1, m.index + 5)
      const at = statement.indexOf(tail)
      if (at < 0 || /[不无没未非]/.test(statement.slice(Math.max(0, at - 2), at))) continue
      if (share(statement, sentence.text) >= 0.5) return sentence
    }
  }
  return undefined
}

/**
 * "省级教学名师不在导师人选范围内" against a list that names 省级教学名师: an item the article lists,
 * said to be left out. The item is the longest end (four characters or more) of the words before
 * the negation that the article says.
 */
export function deniedListItem(statement: string, facts: readonly ProgramFact[]): Sentence | undefined {
  for (const m of statement.matchAll(/([\u4e00-\u9fff]{4,12})(?:不在|不属于|不包括|不算|不能担任|不可担任|不可以)/g)) {
    const words = m[1] as string
    for (let start = 0; start <= words.length - 4; start++) {
      const item = words.slice(start)
      const sentence = sentencesOf(facts).find(
        (s) =>
          s.text.includes(item) &&
          !/[不无没未非]/.test(s.text.slice(Math.max(0, s.text.indexOf(item) - 2), s.text.indexOf(item))),
      )
      if (sentence) return sentence
    }
  }
  return undefined
}

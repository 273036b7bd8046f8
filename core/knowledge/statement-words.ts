/**
 * How close a statement someone asks to be checked is to the plan's articles: the share of its
 * two-character pieces an article says, and a clause's verdict from its numbers and words.
 */

/** Words of the statement that say nothing of its content. */
export const FRAME =
  /请核实|请予?确认|【核实】|以下|以上|理解|表述|说法|(我|本)(中心|校|院|单位|处|市|局|们)|是否|准确|正确|属实|无误|有误|有(教师|老师|学校|人)(认为|反映|说)|认为|据了解|方案规定|方案要求|我们|此|该|的|了|吗|呢|[“”"‘’：:，,。？?；;！!（）()]/g

/** Characters that join words rather than say content (须, 为, 可, 并, 在, 以, 等 …). */
const FUNCTION_CHAR = /[的了是为在和与及或并可须需应中等以予其之对把被将从由于也都就还而且但如则即所]/

/** A statement's words as their two-character pieces, its frame left out: 每学期须到高校 → 每学, 学期, 期须 … */
export function pieces(statement: string): string[] {
  return [...statement.replace(FRAME, ' ').matchAll(/[\u4e00-\u9fff\d]{2,}/g)].flatMap((m) =>
    [...m[0]].slice(0, -1).map((_, i) => m[0].slice(i, i + 2)),
  )
}

/** The statement's words of two characters and more, and how many of them the fact says too. */
export function overlap(statement: string, fact: string): number {
  const all = pieces(statement)
  // Pieces across a word's edge with a function character ("项须", "作可", "予以") say nothing the
  // article must repeat: only pieces of content characters are weighed, when there are enough of them.
  const content = all.filter((w) => !FUNCTION_CHAR.test(w))
  const words = content.length >= 3 ? content : all
  if (words.length === 0) return 0
  return words.filter((w) => fact.includes(w)).length / words.length
}

/**
 * One clause of a statement against the articles about it: right when it says their numbers and
 * most of their words with no negation of its own, wrong when it says a number they do not or
 * little of their words; unsure between.
 */
export function clauseVerdict(clause: string, facts: string[]): 'right' | 'wrong' | 'unsure' {
  const near = Math.max(0, ...facts.map((f) => overlap(clause, f)))
  const numbers = clause.replace(FRAME, ' ').match(/\d+/g) ?? []
  const agree = numbers.every((n) => facts.some((f) => f.includes(n)))
  const negated = /不|无|没|未|非/.test(clause.replace(/是否|不少于|不低于|不超过|不得少于/g, ''))
  if (numbers.length > 0 && !agree) return 'wrong'
  if (near >= 0.85 || (near >= 0.6 && numbers.length > 0) || (near >= 0.7 && !negated)) return 'right'
  return near < 0.5 ? 'wrong' : 'unsure'
}

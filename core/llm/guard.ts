/**
 * The guard between a language model and a person: the model may only rephrase or combine the
 * facts we retrieved, so every date, number, percentage and phone number in its answer must
 * already be in those facts (or in the deterministic answer they produced), and every article
 * it cites must be one we gave it. Pure functions, no I/O, so each case is a unit test.
 *
 * Comparison is by value, not by spelling: 10月24日 = 2023-10-24's month and day, 十次 = 10次,
 * 百分之十五 = 15%, ０７７１—２８０９２１８ = 0771-2809218. The user's question is deliberately NOT
 * an allowed source: a model that confirms a wrong date the user suggested must be dropped.
 */

import { chineseNumberToInt } from '../chinese-numbers'
import { locatePlaces } from '../rules/regions'

/** A retrieved fact as the model saw it. */
export interface GuardFact {
  section: string
  title: string
  text: string
}

/** What the guard decides about one model answer; `reason` is for logs, not for people. */
export type GuardVerdict = { ok: true } | { ok: false; reason: string }

/** A date as written: any of its parts may be absent (10月24日 has no year, 2月底 no day). */
export interface DateMention {
  y?: number
  m?: number
  d?: number
  /** 底/末 (end), 初 (start), 上旬/中旬/下旬. */
  part?: string
  raw: string
}

/** Every quantity a text mentions, by kind, after normalisation. */
export interface Quantities {
  dates: DateMention[]
  /** Plain numbers (30名 → 30, 十次 → 10, 2023 → 2023). */
  numbers: number[]
  /** Percentages (前15% → 15, 百分之二十 → 20). */
  percents: number[]
  /** Phone numbers as bare digits (0771-2809218 → 07712809218). */
  phones: string[]
  /** `m.d` forms like 10.24: a date or a decimal, covered if either is. */
  dotted: { m: number; d: number; value: number; raw: string }[]
}

/** The longest answer a person reads on a phone (CONTRACT §2). */
export const MAX_ANSWER_CHARS = 400

/** Units after a Chinese numeral that make it a quantity rather than part of a word (一起, 统一). */
const QUANTITY_UNIT =
  /^(?:个工作日|工作日|个月|个|次|名|人|位|所|项|家|年(?!级)|月|日|号|天|周|岁|篇|份|本|门|届|期|小时|分钟|倍|%)/
/** Counters after which a lone 一 only means "a/one" in ordinary phrasing, not a claim worth checking. */
const GENERIC_ONE = /^(?:个(?!工作日|月)|次|名|人|位|所|项|家|篇|份|本|门)/

/** Parses a run of Chinese numerals: 二十四 → 24, 十 → 10, 二〇二三 → 2023. */
export function chineseNumeralValue(run: string): number {
  return chineseNumberToInt(run) ?? 0
}

/**
 * Rewrites a text so quantities read the same however they were typed: full-width digits and
 * signs to ASCII, every dash to '-', and Chinese numerals that count something (十次, 五个工作日,
 * 二〇二三年, 百分之十五) to Arabic digits. Numerals inside words, grades (高二) and ordinals
 * (第一) are left alone because they state no quantity.
 */
export function normaliseQuantities(text: string): string {
  const ascii = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/％/g, '%')
    .replace(/／/g, '/')
    .replace(/[—–－‐‑―~～]/g, '-')
  return ascii.replace(
    /(百分之)?([〇零一二两三四五六七八九十百千万]+)/g,
    (match, percent, run, offset: number, whole: string) => {
      const before = whole.slice(Math.max(0, offset - 2), offset)
      const after = whole.slice(offset + match.length)
      if (percent) return `${chineseNumeralValue(run)}%`
      if (/(?:高|初|第|周)$/.test(before) || /(?:星期|礼拜)$/.test(before)) return match
      if (!QUANTITY_UNIT.test(after)) return match
      if (run === '一' && GENERIC_ONE.test(after)) return match
      return String(chineseNumeralValue(run))
    },
  )
}

/** Article numbers cited inline (九（二）1, 四(二)2(3)①) carry digits that are not quantities. */
const CITATION =
  /[一二三四五六七八九十]+\s*[（(]\s*[一二三四五六七八九十]+\s*[)）](?:\s*\d{1,2}(?:\s*[（(]\s*\d{1,2}\s*[)）])?[①-⑳]?)?/g

/** Finds every date, number, percentage and phone number a text states. */
export function extractQuantities(text: string): Quantities {
  let rest = normaliseQuantities(text.replace(CITATION, ' '))
  const found: Quantities = { dates: [], numbers: [], percents: [], phones: [], dotted: [] }
  // Each pattern consumes what it matched so a later, looser pattern cannot count it again.
  const take = (pattern: RegExp, onMatch: (m: RegExpExecArray) => void) => {
    rest = rest.replace(pattern, (...args) => {
      onMatch(args as unknown as RegExpExecArray)
      return ' '
    })
  }
  const part = (p: string | undefined) => (p === '末' ? '底' : p || undefined)
  take(/(?<!\d)(0\d{2,3})[-\s]?(\d{7,8})(?!\d)/g, (m) => found.phones.push(`${m[1]}${m[2]}`))
  take(/(?<!\d)(1[3-9]\d{9})(?!\d)/g, (m) => found.phones.push(m[1]!))
  take(/(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/g, (m) =>
    found.dates.push({ y: +m[1]!, m: +m[2]!, d: +m[3]!, raw: m[0] }),
  )
  take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) =>
    found.dates.push({ y: +m[1]!, m: +m[2]!, d: +m[3]!, raw: m[0] }),
  )
  take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(底|末|初|上旬|中旬|下旬)?/g, (m) =>
    found.dates.push({ y: +m[1]!, m: +m[2]!, part: part(m[3]), raw: m[0] }),
  )
  take(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) => found.dates.push({ m: +m[1]!, d: +m[2]!, raw: m[0] }))
  take(/(?<!\d)(\d{1,2})\s*月\s*(底|末|初|上旬|中旬|下旬)?/g, (m) =>
    found.dates.push({ m: +m[1]!, part: part(m[2]), raw: m[0] }),
  )
  take(/(\d{4})\s*年(?!级)/g, (m) => found.dates.push({ y: +m[1]!, raw: m[0] }))
  take(/(?<![\d.])(\d{1,2})\s*[日号]/g, (m) => found.dates.push({ d: +m[1]!, raw: m[0] }))
  take(/(\d+(?:\.\d+)?)\s*%/g, (m) => found.percents.push(Number(m[1])))
  take(/(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])/g, (m) => {
    const month = +m[1]!
    const day = +m[2]!
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      found.dotted.push({ m: month, d: day, value: Number(m[0]), raw: m[0] })
    } else {
      found.numbers.push(Number(m[0]))
    }
  })
  take(/\d+(?:\.\d+)?/g, (m) => found.numbers.push(Number(m[0])))
  return found
}

/** Writes an article number one way (full-width parentheses, no spaces) so 九(二)1 = 九（二）1. */
export function normaliseSection(section: string): string {
  return section.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

function dateCovered(date: DateMention, allowed: Quantities, years: Set<number>): boolean {
  return allowed.dates.some((f) => {
    if (date.m !== undefined && f.m !== date.m) return false
    if (date.d !== undefined && f.d !== date.d) return false
    if (date.part !== undefined && f.part !== date.part) return false
    if (date.y === undefined) return true
    // A fact may say 10月24日 where the answer writes the year out; the year must still be one the facts name.
    return f.y === date.y || (f.y === undefined && years.has(date.y))
  })
}

/**
 * The counts and percentages a text says of each place (by city): those after a place's name,
 * up to the next place or the end of the sentence ("南宁市选拔30名，柳州市15名" → 南宁市 30, 柳州市 15).
 */
function quantitiesByPlace(text: string): Map<string, Set<number>> {
  const normal = normaliseQuantities(text)
  const places = locatePlaces(normal)
  const out = new Map<string, Set<number>>()
  places.forEach((p, i) => {
    const next = places[i + 1]?.start ?? normal.length
    const stop = normal.slice(p.end).search(/[。；;！!？?\n]/)
    const end = Math.min(next, stop < 0 ? normal.length : p.end + stop)
    const q = extractQuantities(normal.slice(p.end, end))
    const set = out.get(p.place.city) ?? new Set<number>()
    for (const n of [...q.numbers, ...q.percents]) set.add(n)
    out.set(p.place.city, set)
  })
  return out
}

/**
 * A count said of one place that the facts say only of another ("桂林市选拔30名" when 30 is
 * 南宁's quota): the first such, or undefined. Numbers the facts tie to no place are not judged here.
 */
function misboundQuantity(answer: string, allowedText: string): string | undefined {
  const allowed = quantitiesByPlace(allowedText)
  for (const [city, numbers] of quantitiesByPlace(answer)) {
    for (const n of numbers) {
      if (allowed.get(city)?.has(n)) continue
      const owner = [...allowed].find(([, set]) => set.has(n))?.[0]
      if (owner) return `${n} is said of ${owner}, not of ${city}`
    }
  }
  return undefined
}

/** Chinese enough for a person: has Han characters and Latin letters are only incidental. */
function looksChinese(answer: string): boolean {
  const han = answer.match(/[\u4e00-\u9fff]/g)?.length ?? 0
  const latin = answer.match(/[A-Za-z]/g)?.length ?? 0
  return han > 0 && latin <= han * 0.3
}

/**
 * Checks one model answer against the facts it was given and the deterministic answer.
 * Returns `{ok: false, reason}` for the first problem found; never throws.
 */
export function guardAnswer(
  output: { answer: string; sources: string[] },
  context: { facts: GuardFact[]; fallbackAnswer: string },
): GuardVerdict {
  const answer = output.answer.trim()
  if (answer === '') return { ok: false, reason: 'empty answer' }
  if ([...answer].length > MAX_ANSWER_CHARS)
    return { ok: false, reason: `answer too long (${[...answer].length} chars)` }
  if (!looksChinese(answer)) return { ok: false, reason: 'answer is not Chinese' }

  const known = new Set(context.facts.map((f) => normaliseSection(f.section)))
  const stranger = output.sources.find((s) => !known.has(normaliseSection(s)))
  if (stranger !== undefined) return { ok: false, reason: `source not among the facts: ${stranger}` }

  // Only the facts the answer cites (and the deterministic answer) may hold its numbers and dates.
  const cited = new Set(output.sources.map(normaliseSection))
  const citedFacts = context.facts.filter((f) => cited.size === 0 || cited.has(normaliseSection(f.section)))
  const allowedText = [...citedFacts.flatMap((f) => [f.title, f.text]), context.fallbackAnswer].join('\n')
  const allowed = extractQuantities(allowedText)
  const said = extractQuantities(answer)
  const years = new Set([...allowed.dates.flatMap((d) => (d.y === undefined ? [] : [d.y])), ...allowed.numbers])
  const numbers = new Set([...allowed.numbers, ...years])
  const percents = new Set(allowed.percents)
  const phones = new Set(allowed.phones)

  for (const date of said.dates) {
    if (!dateCovered(date, allowed, years)) return { ok: false, reason: `invented date ${date.raw.trim()}` }
  }
  for (const d of said.dotted) {
    const asDate = dateCovered({ m: d.m, d: d.d, raw: d.raw }, allowed, years)
    if (!asDate && !numbers.has(d.value)) return { ok: false, reason: `invented date ${d.raw}` }
  }
  for (const p of said.phones) {
    if (!phones.has(p)) return { ok: false, reason: `invented phone number ${p}` }
  }
  for (const p of said.percents) {
    if (!percents.has(p)) return { ok: false, reason: `invented percentage ${p}%` }
  }
  for (const n of said.numbers) {
    if (!numbers.has(n)) return { ok: false, reason: `invented number ${n}` }
  }
  const misbound = misboundQuantity(answer, allowedText)
  if (misbound) return { ok: false, reason: `number bound to another place: ${misbound}` }
  return { ok: true }
}

/**
 * Parses the official text of a plan into articles numbered the way the plan is cited:
 * 一、 → '二'; （一） → '三（一）'; 1. → '四（二）1'; （1） → '四（二）2（3）'; ① → '四（二）2（3）①'.
 *
 * Choices, so readers of the result know what they get:
 * - `body` is the article's OWN text: the rest of its heading line and the lines up to the next
 *   heading of any level. Children are separate articles and are not repeated in the parent
 *   (a parent such as '四（二）2' may have an empty body); `quoteFor` (plan-articles.ts) falls
 *   back to the children's text when a parent has none of its own.
 * - `title` is the heading's label when the line reads `label：text` (1.遴选对象：… → 遴选对象),
 *   the whole heading when it is a short phrase (二、组织机构 → 组织机构), and otherwise its first
 *   phrase, cut at 30 characters.
 * - Lines before the first 一、 are the title block and the preamble: the 附件 line and short
 *   title lines are dropped; preamble sentences become one article '序' (title 前言).
 * - A line starting with 附件 after the articles ends the plan (annexes follow it).
 * - Full-width and half-width dots and parentheses, 1. 1． 1、, and stray spaces are all read alike.
 *   A section met twice (a typo in the source) keeps the first title and appends the body.
 */

/** One article of the plan. `position` is its order in the text, from 0. */
export interface PlanTextArticle {
  section: string
  title: string
  body: string
  position: number
}

/** The section of the preamble, before the first 一、. */
export const PREAMBLE_SECTION = '序'

const CN = '[一二三四五六七八九十]+'
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

/** The five heading levels, outermost first; `mark` builds this level's part of the number. */
const LEVELS: { pattern: RegExp; mark: (n: string) => string }[] = [
  { pattern: new RegExp(`^(${CN})\\s*[、.．]\\s*`), mark: (n) => n },
  { pattern: new RegExp(`^[（(]\\s*(${CN})\\s*[)）]\\s*`), mark: (n) => `（${n}）` },
  // 2.0 or 10.24 at a line start is a number, not a heading: the mark must not be followed by a digit.
  { pattern: /^(\d{1,2})\s*[.．、](?!\d)\s*/, mark: (n) => String(Number(n)) },
  { pattern: /^[（(]\s*(\d{1,2})\s*[)）]\s*/, mark: (n) => `（${Number(n)}）` },
  { pattern: new RegExp(`^([${CIRCLED}])\\s*`), mark: (n) => n },
]

const MAX_TITLE = 30
const ANNEX = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?/

/** Collapses stray spaces; a space between two Han characters (戴  溦) is dropped altogether. */
function cleanLine(line: string): string {
  return line
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/([\u4e00-\u9fff“”]) (?=[\u4e00-\u9fff“”])/g, '$1')
}

function headingOf(line: string): { level: number; mark: string; rest: string } | undefined {
  for (const [level, { pattern, mark }] of LEVELS.entries()) {
    const m = pattern.exec(line)
    if (m) return { level, mark: mark(m[1]!), rest: line.slice(m[0].length).trim() }
  }
  return undefined
}

function cut(text: string): string {
  const chars = [...text]
  return chars.length <= MAX_TITLE ? text : `${chars.slice(0, MAX_TITLE).join('')}…`
}

/** Splits a heading's text into its title and the body text it starts. */
function splitHeading(rest: string): { title: string; body: string } {
  const label = /^([^，。；：:,;！？、\s]{1,15})\s*[：:]\s*(.*)$/.exec(rest)
  if (label) return { title: label[1]!, body: label[2]!.trim() }
  const phrase = /^(.*?)[，。；！？,;!?]/.exec(rest)
  if (phrase === null) return { title: cut(rest), body: [...rest].length <= MAX_TITLE ? '' : rest }
  return { title: cut(phrase[1]!.trim() || rest), body: rest }
}

/**
 * Parses the text of a plan into its articles, in document order.
 * Returns an empty array when the text has no 一、-level heading.
 */
export function parsePlanText(text: string): PlanTextArticle[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => l !== '')
  const articles: PlanTextArticle[] = []
  const bySection = new Map<string, { title: string; lines: string[]; position: number }>()
  const preamble: string[] = []
  // stack[level] = section number of the open heading at that level
  const stack: string[] = []
  let current: { lines: string[] } | undefined

  for (const line of lines) {
    const heading = headingOf(line)
    const started = stack.length > 0
    if (!started && (heading === undefined || heading.level !== 0)) {
      // Before 一、: keep sentences of the preamble, drop the 附件 line and the title lines.
      if (!ANNEX.test(line) && (/[。；]$/.test(line) || [...line].length > 40)) preamble.push(line)
      continue
    }
    if (started && ANNEX.test(line)) break
    if (heading === undefined) {
      current?.lines.push(line)
      continue
    }
    stack.length = heading.level
    const parent = [...stack].reverse().find((s) => s !== undefined) ?? ''
    const section = parent + heading.mark
    stack[heading.level] = section
    const { title, body } = splitHeading(heading.rest)
    const existing = bySection.get(section)
    if (existing) {
      if (body) existing.lines.push(body)
      current = existing
      continue
    }
    const entry = { title: title || section, lines: body ? [body] : [], position: bySection.size }
    bySection.set(section, entry)
    current = entry
  }

  if (bySection.size === 0) return []
  const offset = preamble.length > 0 ? 1 : 0
  if (offset) articles.push({ section: PREAMBLE_SECTION, title: '前言', body: preamble.join('\n'), position: 0 })
  for (const [section, entry] of bySection) {
    articles.push({ section, title: entry.title, body: entry.lines.join('\n'), position: entry.position + offset })
  }
  return articles
}

const SECTION_PARTS = new RegExp(`^(${CN})(（${CN}）)?(\\d{1,2})?(（\\d{1,2}）)?([${CIRCLED}])?$`)

/**
 * The article one level up: 四（二）2（3）① → 四（二）2（3）, 九（二）1 → 九（二）, 二 → undefined.
 * Also undefined for a string that is not an article number.
 */
export function parentSection(section: string): string | undefined {
  const m = SECTION_PARTS.exec(section)
  if (m === null) return undefined
  const parts = m.slice(1).filter((p): p is string => p !== undefined)
  if (parts.length <= 1) return undefined
  return parts.slice(0, -1).join('')
}

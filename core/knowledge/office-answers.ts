import type { DataSource } from 'typeorm'
import { OfficeAnswer } from '../../entities/office-answer.entity'
import type { Logger } from '../logger'
import { normaliseText, toSimplified } from './normalise'
import { builtInProgram } from './program'

/** What the assistant says for a question the office has answered. */
export interface OfficeReply {
  id: number
  version: number
  answer: string
  sources: Array<{ section: string; title: string }>
}

/** Words around a question that do not change what it asks. */
const FILLER =
  /^(请问一下|请问|你好|您好|老师好|老师|麻烦问一下|想问一下|问一下|打扰一下|打扰了|我想问|我想知道|想了解一下|想了解)+|(谢谢你|谢谢您|谢谢|多谢|麻烦了|辛苦了)+$/g
const PUNCTUATION = /[\p{P}\p{S}]/gu
const PARTICLES = /(吗|呢|啊|呀|吧|哈|哦|嘛)+$/

/**
 * A question in the form office answers are matched by: simplified characters, normalised
 * (core/knowledge/normalise.ts), without punctuation, greetings and closing particles.
 * 「请问，南宁市的学生怎么报名呢？」 and 「南宁市的学生怎么报名」 have one key.
 */
export function questionKey(question: string): string {
  let s = normaliseText(toSimplified(question)).replace(PUNCTUATION, '')
  for (let i = 0; i < 2; i++) s = s.replace(FILLER, '').replace(PARTICLES, '')
  return s.slice(0, 191)
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2))
  return out
}

/** How alike two keys are (Dice over character bigrams), 0..1. */
function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return (2 * shared) / (a.size + b.size)
}

/** A paraphrase this close to an answered question gets its answer. */
const CLOSE = 0.85
const REFRESH_MS = 60_000
const FIRST_WAIT_MS = 500

interface Entry extends OfficeReply {
  key: string
  grams: Set<string>
}

/**
 * The office's answers, held in memory so the answer path never queries the database: loaded
 * at start, refreshed in the background once a minute (other instances' changes), and updated at
 * once by `put` when this process attaches an answer. A question is matched by its key, then by
 * a close paraphrase among the few answered questions of its cohort.
 */
export class OfficeAnswerBook {
  private byCohort = new Map<number, Map<string, Entry>>()
  private loadedAt = 0
  private loading: Promise<void> | undefined

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger?: Logger,
  ) {}

  /** The office's reply to a question, if it has one (synchronous: memory only). */
  find(cohort: number, question: string): OfficeReply | undefined {
    const answers = this.byCohort.get(cohort)
    if (!answers || answers.size === 0) return undefined
    const key = questionKey(question)
    const exact = answers.get(key)
    if (exact) return exact
    if (key.length < 4) return undefined
    const grams = bigrams(key)
    let best: Entry | undefined
    let bestScore = CLOSE
    for (const entry of answers.values()) {
      // Dice can reach CLOSE only between sets of similar size: most entries are passed over here.
      const [small, large] =
        grams.size < entry.grams.size ? [grams.size, entry.grams.size] : [entry.grams.size, grams.size]
      if (2 * small < CLOSE * (small + large)) continue
      const score = likeness(grams, entry.grams)
      if (score >= bestScore) {
        best = entry
        bestScore = score
      }
    }
    return best
  }

  /**
   * Makes sure the book has been loaded once (waiting at most FIRST_WAIT_MS the first time) and
   * starts a background refresh when it is older than a minute. Never throws.
   */
  async ready(now = Date.now()): Promise<void> {
    if (this.loadedAt > 0) {
      if (now - this.loadedAt > REFRESH_MS && !this.loading) void this.load(now)
      return
    }
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      this.load(now),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, FIRST_WAIT_MS)
      }),
    ]).finally(() => clearTimeout(timer))
  }

  /** Reads every question's newest answer from the database. Never throws (a failure is logged; the old book stays). */
  load(now = Date.now()): Promise<void> {
    this.loading ??= (async () => {
      try {
        const rows = await this.dataSource
          .getRepository(OfficeAnswer)
          .createQueryBuilder('o')
          .where(
            'o.version = (SELECT MAX(o2.version) FROM office_answer o2 WHERE o2.cohortYear = o.cohortYear AND o2.questionKey = o.questionKey)',
          )
          .getMany()
        const next = new Map<number, Map<string, Entry>>()
        for (const row of rows) {
          const entry = toEntry(row)
          if (!entry) continue
          const answers = next.get(row.cohortYear) ?? new Map<string, Entry>()
          answers.set(entry.key, entry)
          next.set(row.cohortYear, answers)
        }
        this.byCohort = next
        this.loadedAt = now
      } catch (err) {
        this.logger?.warn({ err }, 'office answers not reloaded: the database does not answer')
        if (this.loadedAt === 0) this.loadedAt = now - REFRESH_MS + 5_000
      } finally {
        this.loading = undefined
      }
    })()
    return this.loading
  }

  /** Takes a newly attached answer at once (this process); other instances pick it up on their next refresh. */
  put(row: OfficeAnswer): void {
    const entry = toEntry(row)
    if (!entry) return
    const answers = this.byCohort.get(row.cohortYear) ?? new Map<string, Entry>()
    const current = answers.get(entry.key)
    if (!current || current.version <= entry.version) answers.set(entry.key, entry)
    this.byCohort.set(row.cohortYear, answers)
  }
}

/** The reply an office answer gives: its own text, or the program fact it names (dropped when the fact is gone). */
function toEntry(row: OfficeAnswer): Entry | undefined {
  let answer = row.answer
  let title = '管理办公室答复'
  if (row.factId) {
    const fact = builtInProgram(row.cohortYear)?.facts.find((f) => f.id === row.factId)
    if (!fact) return undefined
    answer = fact.answer
    title = fact.title
  }
  if (!answer) return undefined
  return {
    id: row.id,
    version: row.version,
    answer,
    sources: [{ section: row.section, title }],
    key: row.questionKey,
    grams: bigrams(row.questionKey),
  }
}

const books = new WeakMap<DataSource, OfficeAnswerBook>()

/** The one book of office answers per data source in this process, shared by the API, the bot and the review queue. */
export function officeAnswersOf(ds: DataSource, logger?: Logger): OfficeAnswerBook {
  let book = books.get(ds)
  if (!book) {
    book = new OfficeAnswerBook(ds, logger)
    books.set(ds, book)
  }
  return book
}

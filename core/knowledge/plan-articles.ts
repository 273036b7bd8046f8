import type { DataSource } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import { PlanArticle } from '../../entities/plan-article.entity'
import { NotFoundError } from '../errors'
import { type PlanTextArticle, parentSection } from './plan-text'

/**
 * The official text of a cohort's plan, stored article by article (plan-text.ts parses it),
 * so an answer can quote the article it rests on next to the project's own wording.
 */

/** An article's title and own text, keyed by its section in `loadPlanArticles`' map. */
export interface PlanArticleText {
  title: string
  body: string
}

/** The longest quote shown next to an answer. */
export const MAX_QUOTE_CHARS = 200

/**
 * Replaces the cohort's articles with these, in one transaction, so a re-import never leaves a
 * mix of old and new text. Returns how many articles were stored.
 * @throws NotFoundError when no cohort of that year is loaded.
 */
export async function savePlanArticles(
  ds: DataSource,
  cohortYear: number,
  articles: readonly PlanTextArticle[],
): Promise<number> {
  return ds.transaction(async (m) => {
    const cohort = await m.findOneBy(Cohort, { year: cohortYear })
    if (cohort === null) throw new NotFoundError(`没有 ${cohortYear} 年的培养计划，请先加载该年度的计划`)
    await m.delete(PlanArticle, { cohortId: cohort.id })
    const rows = articles.map((a) =>
      m.create(PlanArticle, {
        cohortId: cohort.id,
        section: a.section,
        title: [...a.title].slice(0, 200).join(''),
        body: a.body,
        position: a.position,
      }),
    )
    // Chunks keep each INSERT well under SQLite's bound-parameter limit on a long plan.
    for (let i = 0; i < rows.length; i += 100) await m.insert(PlanArticle, rows.slice(i, i + 100))
    return rows.length
  })
}

/**
 * The cohort's articles in plan order, keyed by section (九（二）1). Empty when no text was
 * imported for that year, or the year is unknown: answers then simply carry no quote.
 */
export async function loadPlanArticles(ds: DataSource, cohortYear: number): Promise<Map<string, PlanArticleText>> {
  const rows = await ds
    .getRepository(PlanArticle)
    .createQueryBuilder('a')
    .innerJoin(Cohort, 'c', 'c.id = a.cohortId')
    .where('c.year = :year', { year: cohortYear })
    .orderBy('a.position', 'ASC')
    .select(['a.id', 'a.section', 'a.title', 'a.body'])
    .getMany()
  return new Map(rows.map((r) => [r.section, { title: r.title, body: r.body }]))
}

function clip(text: string): string {
  const chars = [...text.replace(/\s*\n\s*/g, ' ').trim()]
  return chars.length <= MAX_QUOTE_CHARS ? chars.join('') : `${chars.slice(0, MAX_QUOTE_CHARS - 1).join('')}…`
}

function isWithin(section: string, ancestor: string): boolean {
  for (let s = parentSection(section); s !== undefined; s = parentSection(s)) if (s === ancestor) return true
  return false
}

/**
 * A quote of at most 200 characters from the article `section`, or from its nearest parent
 * when the plan has no such article (四（二）2（3）④ → 四（二）2（3）). An article with no text of
 * its own (a heading over numbered items) is quoted through its children's text, in plan
 * order. Undefined when neither the article nor any parent is there.
 */
export function quoteFor(articles: ReadonlyMap<string, PlanArticleText>, section: string): string | undefined {
  for (let s: string | undefined = section; s !== undefined; s = parentSection(s)) {
    const article = articles.get(s)
    if (article === undefined) continue
    if (article.body.trim() !== '') return clip(article.body)
    const children = [...articles].filter(([k, a]) => isWithin(k, s!) && a.body.trim() !== '').map(([, a]) => a.body)
    return children.length > 0 ? clip(children.join(' ')) : undefined
  }
  return undefined
}

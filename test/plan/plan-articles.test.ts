import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuiltInPrograms } from '../../core/cohorts/load-program'
import { NotFoundError } from '../../core/errors'
import { loadPlanArticles, quoteFor, savePlanArticles } from '../../core/knowledge/plan-articles'
import { parsePlanText } from '../../core/knowledge/plan-text'
import { Cohort } from '../../entities/cohort.entity'
import { PlanArticle } from '../../entities/plan-article.entity'
import { type TestDataSource, testDataSource, testDbKinds } from '../helpers/db'

const sample = parsePlanText(readFileSync(join(__dirname, '..', 'fixtures', 'plan-sample.txt'), 'utf8'))

describe.each(testDbKinds())('plan articles on %s', (kind) => {
  let db: TestDataSource

  beforeAll(async () => {
    db = await testDataSource(kind)
    await ensureBuiltInPrograms(db.dataSource)
  })

  afterAll(async () => {
    await db?.close()
  })

  it('stores a cohort’s articles and loads them back in plan order', async () => {
    expect(await savePlanArticles(db.dataSource, 2023, sample)).toBe(sample.length)
    const loaded = await loadPlanArticles(db.dataSource, 2023)
    expect([...loaded.keys()]).toEqual(sample.map((a) => a.section))
    expect(loaded.get('四（二）1')).toEqual({ title: '招募对象', body: '甲市、乙市的初二学生，甲市12名，乙市8名。' })
  })

  it('replaces the previous import instead of adding to it', async () => {
    await savePlanArticles(db.dataSource, 2023, sample)
    await savePlanArticles(db.dataSource, 2023, sample.slice(0, 3))
    const loaded = await loadPlanArticles(db.dataSource, 2023)
    expect([...loaded.keys()]).toEqual(['序', '一', '二'])
    const cohort = await db.dataSource.getRepository(Cohort).findOneByOrFail({ year: 2023 })
    expect(await db.dataSource.getRepository(PlanArticle).countBy({ cohortId: cohort.id })).toBe(3)
  })

  it('refuses a cohort that is not loaded, and leaves stored articles alone', async () => {
    await expect(savePlanArticles(db.dataSource, 1999, sample)).rejects.toBeInstanceOf(NotFoundError)
    expect(await loadPlanArticles(db.dataSource, 1999)).toEqual(new Map())
    expect((await loadPlanArticles(db.dataSource, 2023)).size).toBe(3)
  })

  it('rolls back a failed import as a whole', async () => {
    await savePlanArticles(db.dataSource, 2023, sample)
    const clash = [
      { section: '一', title: '甲', body: '甲', position: 0 },
      { section: '一', title: '乙', body: '乙', position: 1 },
    ]
    await expect(savePlanArticles(db.dataSource, 2023, clash)).rejects.toThrow()
    expect((await loadPlanArticles(db.dataSource, 2023)).size).toBe(sample.length)
  })
})

describe('quoteFor', () => {
  const articles = new Map(sample.map((a) => [a.section, { title: a.title, body: a.body }]))

  it('quotes the article itself', () => {
    expect(quoteFor(articles, '四（二）2（3）②')).toBe('持有已授权的实用新型专利。')
  })

  it('falls back to the nearest parent when the article is missing', () => {
    expect(quoteFor(articles, '四（二）2（3）⑤')).toBe(quoteFor(articles, '四（二）2（3）'))
    expect(quoteFor(articles, '三（九）')).toBe('甲市、乙市。 示例理工大学。')
    expect(quoteFor(articles, '十')).toBeUndefined()
    expect(quoteFor(articles, '十（一）2')).toBeUndefined()
    expect(quoteFor(articles, '不是条款')).toBeUndefined()
  })

  it('quotes the children of a heading without text of its own, in plan order', () => {
    const quote = quoteFor(articles, '四（二）2')!
    expect(quote.startsWith('喜欢动手，愿意长期参与。 数学成绩')).toBe(true)
    expect(quote).toContain('持有已授权的实用新型专利。')
    expect(quote).not.toContain('学校统一报送')
  })

  it('cuts a long article to 200 characters', () => {
    const long = new Map([['一', { title: '长', body: '字'.repeat(250) }]])
    const quote = quoteFor(long, '一')!
    expect([...quote]).toHaveLength(200)
    expect(quote.endsWith('…')).toBe(true)
    expect(quoteFor(new Map([['一', { title: '短', body: '字'.repeat(200) }]]), '一')).toBe('字'.repeat(200))
  })
})

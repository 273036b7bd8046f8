import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parentSection, parsePlanText } from '../../core/knowledge/plan-text'

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'plan-sample.txt'), 'utf8')

describe('parsePlanText on the sample plan', () => {
  const articles = parsePlanText(sample)
  const bySection = new Map(articles.map((a) => [a.section, a]))

  it('numbers every heading the way the plan is cited, in document order', () => {
    expect(articles.map((a) => a.section)).toEqual([
      '序',
      '一',
      '二',
      '三',
      '三（一）',
      '三（二）',
      '四',
      '四（一）',
      '四（二）',
      '四（二）1',
      '四（二）2',
      '四（二）2（1）',
      '四（二）2（2）',
      '四（二）2（3）',
      '四（二）2（3）①',
      '四（二）2（3）②',
      '四（二）2（4）',
      '四（二）3',
      '五',
      '五（一）',
      '五（二）',
      '五（二）1',
      '五（二）2',
      '六',
    ])
    expect(articles.map((a) => a.position)).toEqual(articles.map((_, i) => i))
  })

  it('takes the title from the heading words or its label', () => {
    expect(bySection.get('二')?.title).toBe('组织机构')
    expect(bySection.get('三（二）')?.title).toBe('合作高校')
    expect(bySection.get('四（二）1')?.title).toBe('招募对象')
    expect(bySection.get('四（二）2')?.title).toBe('招募条件')
    expect(bySection.get('四（二）2（1）')?.title).toBe('喜欢动手')
    expect(bySection.get('四（二）2（3）')?.title).toBe('具备下列情形之一的')
    expect(bySection.get('四（二）2（3）①')?.title).toBe('获得市级及以上科技竞赛奖项')
    expect(bySection.get('五（二）2')?.title).toBe('结营展示')
    expect(bySection.get('序')?.title).toBe('前言')
  })

  it("keeps each article's own text, without its children's", () => {
    expect(bySection.get('二')?.body).toBe('发起单位：示例市科协\n执行单位：示例市少年科创中心')
    expect(bySection.get('四（二）1')?.body).toBe('甲市、乙市的初二学生，甲市12名，乙市8名。')
    expect(bySection.get('四（二）2')?.body).toBe('')
    expect(bySection.get('四（二）2（2）')?.body).toBe('数学成绩在本校年级前 25% 。')
    expect(bySection.get('四（二）2（3）②')?.body).toBe('持有已授权的实用新型专利。')
    // A line starting with a decimal (2.0) is text of the article above, not a heading.
    expect(bySection.get('四（二）3')?.body).toBe('学校统一报送。\n2.0版本的报名系统另行通知。')
    expect(bySection.get('五（二）1')?.body).toBe('每名营员到实验室活动不少于6次，每次活动后提交活动记录。')
  })

  it('drops the title block and stops at the annex line', () => {
    expect(bySection.get('序')?.body).toBe('为了让更多中学生接触真实的科研工作，结合本地实际，制定本方案。')
    expect(articles.some((a) => a.body.includes('实施方案') || a.body.includes('附件'))).toBe(false)
    // Stray spaces between Han characters go; the annex's own numbered lines are not articles.
    expect(bySection.get('六')?.body).toBe('组委会：李老师 0000—1234567')
    expect(articles.filter((a) => a.title === '姓名')).toEqual([])
  })

  it('finds nothing in a text without the numbering', () => {
    expect(parsePlanText('只是一段说明文字。\n没有编号。')).toEqual([])
    expect(parsePlanText('')).toEqual([])
  })

  it('merges a section met twice instead of failing', () => {
    const twice = parsePlanText('一、甲\n第一段。\n一、甲\n第二段。')
    expect(twice).toEqual([{ section: '一', title: '甲', body: '第一段。\n第二段。', position: 0 }])
  })
})

describe('parentSection', () => {
  it.each([
    ['四（二）2（3）①', '四（二）2（3）'],
    ['四（二）2（3）', '四（二）2'],
    ['九（二）1', '九（二）'],
    ['三（一）', '三'],
    ['十一', undefined],
    ['序', undefined],
  ])('%s → %s', (section, parent) => {
    expect(parentSection(section)).toBe(parent)
  })
})

/** The real plan stays outside the repo: beside the project, as in CI. */
const REAL_PLAN = join(__dirname, '../../../shared/program/plan-2023.txt')

describe.skipIf(!existsSync(REAL_PLAN))('parsePlanText on the 2023 plan (outside the repo)', () => {
  it('finds the articles the answers cite', () => {
    const articles = parsePlanText(readFileSync(REAL_PLAN, 'utf8'))
    const sections = new Set(articles.map((a) => a.section))
    for (const s of [
      '二',
      '三（一）',
      '四（二）1',
      '四（二）2（3）①',
      '六（一）',
      '九（二）1',
      '九（二）2（1）',
      '九（二）4',
      '十一',
    ]) {
      expect(sections, s).toContain(s)
    }
    const titles = new Map(articles.map((a) => [a.section, a.title]))
    expect(titles.get('二')).toBe('组织机构')
    expect(titles.get('三（一）')).toBe('实施城市')
    expect(titles.get('四（二）1')).toBe('遴选对象')
    expect(titles.get('九（二）2（1）')).toBe('市级审核')
    expect(titles.get('十一')).toBe('联系人及联系电话')
    expect(new Set(articles.map((a) => a.section)).size).toBe(articles.length)
  })
})

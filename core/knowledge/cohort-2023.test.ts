import { describe, expect, it } from 'vitest'
import { program, ask } from '../../test/helpers/qa'

describe('the facts of the 2023 program', () => {
  const sections = new Set(program.facts.map((f) => f.section))
  it.each([
    '一',
    '二',
    '三（一）',
    '三（二）',
    '三（三）',
    '四（一）',
    '四（二）1',
    '四（二）2（1）',
    '四（二）2（2）',
    '四（二）2（3）',
    '四（二）2（4）',
    '五（一）',
    '五（二）',
    '五（二）1',
    '五（二）2',
    '五（三）',
    '五（三）1',
    '五（三）2',
    '五（三）3',
    '六',
    '六（一）',
    '六（二）',
    '七',
    '八（一）',
    '八（二）',
    '八（三）',
    '八（四）',
    '九（一）',
    '九（二）',
    '九（二）1',
    '九（二）2（1）',
    '九（二）2（2）',
    '九（二）3',
    '九（二）4',
    '九（三）',
    '九（四）',
    '九（五）',
    '十（一）',
    '十（二）',
    '十（三）',
    '十（四）',
    '十一',
  ])('covers article %s', (s) => expect(sections.has(s)).toBe(true))
  it('keeps every fact short, with keywords, and unique ids', () => {
    const ids = new Set<string>()
    for (const f of program.facts) {
      expect([...f.answer].length).toBeLessThanOrEqual(300)
      expect(f.keywords.length).toBeGreaterThan(0)
      expect(ids.has(f.id)).toBe(false)
      ids.add(f.id)
    }
  })
})

describe('the plan key terms in paraphrased facts', () => {
  it.each([
    ['中期评价由谁评、依据什么', ['导师团队', '日常培养情况']],
    ['学校审核报名材料看什么', ['真实性和完整性']],
    ['市科协审核申请表看什么', ['完整性和规范性']],
    ['学生由哪个领域的专家指导', ['自然科学基础学科领域']],
    ['导师团队对学生有什么总体要求', ['严格要求', '精心培养', '科学志向', '拔尖科技创新人才']],
    ['方案贯彻什么精神、落实哪些文件', ['二十大', '十四五', '科学技术普及', '基础学科人才培养', '2.0']],
  ])('%s → %j', (q, terms) => {
    const a = ask(q).answer
    for (const t of terms) expect(a).toContain(t)
  })
})

describe('facts say only what the plan says', () => {
  it('adds no claim of its own about the organisers or the olympiads', () => {
    const text = (id: string) => program.facts.find((f) => f.id === id)?.answer ?? ''
    expect(text('organisers')).not.toMatch(/政府部门|正式项目/)
    expect(text('priority_olympiad')).not.toMatch(/通常指/)
  })
})

describe('facts keep the plan’s own terms for what people quote back', () => {
  it.each<[string, string]>([
    ['导师一般是哪些人', '相关专业领域专家'],
    ['研究方向由谁来定', '共同确定'],
    ['要吸引哪些单位和人参与', '专家学者'],
  ])('%s → %s', (q, term) => expect(ask(q).answer).toContain(term))
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerQuestion } from './answer'
import { readProgramFile } from './program'

/**
 * A second, invented cohort (fixtures/cohort-2031: other cities, quotas, dates, step names,
 * contacts, grades and ranks) answered with no code change: everything year-specific the
 * answerer says comes from the cohort's data and vocabulary.
 */
const program = readProgramFile(join(__dirname, 'fixtures/cohort-2031/2031.json'))
const NOW = new Date('2031-09-10T10:00:00+08:00')
const ask = (q: string) => answerQuestion(program, q, NOW)

describe('an invented cohort, loaded from a fixture', () => {
  it('validates with its own vocabulary', () => {
    expect(program.cohort).toBe(2031)
    expect(program.vocabulary.selection.chain.map((s) => s.name)).toContain('导师面谈')
  })

  it.each([
    ['梧州市选多少个学生', 'quota', ['梧州市选拔20名']],
    ['三个市一共选多少人', 'quota', ['55名']],
    ['梧州比北海多几个名额', 'quota', ['多10名']],
    ['学校初荐什么时候截止', 'deadline', ['2031年9月19日']],
    ['见面会什么时候开', 'deadline', ['2031年10月']],
    ['市级复核之后还要做什么', 'process', ['导师面谈', '公示']],
    ['去了6次够吗', 'process', ['不少于8次', '不够']],
    ['北海市科协的联系人是谁', 'contact', ['黄海生', '0779-5550303']],
    ['名单在哪里公示', 'process', ['北部湾青少年科创平台', '7个工作日']],
    ['住宿怎么安排', 'not_in_document', ['2031年的实施方案没有规定', '0771-5550101']],
    ['管理办公室负责什么', 'fact', ['安排导师面谈']],
    ['下一步做什么', 'schedule', ['2031年9月19日前：学校初荐']],
  ])('%s → %s', (q, intent, words) => {
    const r = ask(q)
    expect(r.intent).toBe(intent)
    for (const w of words) expect(r.answer).toContain(w)
  })

  it('says nothing of the 2023 plan: its cities, numbers and people', () => {
    for (const q of ['南宁市选多少个学生', '学校推荐什么时候截止', '联系电话多少', '住宿怎么安排', '去了9次够吗']) {
      expect(ask(q).answer).not.toMatch(/2023|0771-2809218|覃毅峰|不少于10次|30名/)
    }
  })

  it('checks eligibility against its own cities, grades and ranks', () => {
    expect(ask('玉林高一，综合排名前11%，能报名吗').eligibility).toEqual({ verdict: 'eligible', priority: false })
    expect(ask('我家孩子在玉林读高二，物理前5%，能报吗').eligibility?.verdict).toBe('ineligible')
    expect(ask('南宁的高一学生数学年级前5%能报吗').eligibility?.verdict).toBe('ineligible')
  })
})

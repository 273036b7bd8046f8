import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devSetFile, readJsonl } from '../../test/helpers/eval-sets'
import { answerQuestion, MAX_ANSWER_CHARS, type QaAnswer } from './answer'
import { builtInProgram, type Program, programSchema } from './program'

const program = builtInProgram(2023) as Program
const BEFORE = new Date('2023-10-20T10:00:00+08:00')
const AFTER = new Date('2023-10-26T10:00:00+08:00')
const ask = (q: string, now = BEFORE): QaAnswer => answerQuestion(program, q, now)

/** The judging of ../shared/eval/run-eval.mjs: normalise, every `all` group met, no `none` string, ≤ 400 chars. */
function normalise(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—－–‐‑]/g, '-')
}
function judge(answer: string, all: string[][] = [], none: string[] = []): boolean {
  const a = normalise(answer)
  return (
    all.every((g) => g.some((alt) => a.includes(normalise(alt)))) &&
    none.every((s) => !a.includes(normalise(s))) &&
    [...answer].length <= MAX_ANSWER_CHARS
  )
}

/** Every number an answer may contain: those in the program data (dates, phones, quotas, percentages). */
const PROGRAM_NUMBERS = new Set(JSON.stringify({ ...program, vocabulary: undefined }).match(/\d+/g) ?? [])
const numbersIn = (text: string) => text.match(/\d+/g) ?? []

/** The acceptance checks' dev sample, beside the project (as in CI); the suite skips it where it is absent. */
const DEV_QA = devSetFile('qa-dev.jsonl')

describe.skipIf(!DEV_QA.present)('answerQuestion: the dev sample', () => {
  it('answers at least 95% of ../shared/eval/qa-dev.jsonl as the acceptance run judges', () => {
    const file = DEV_QA.file
    const cases = readJsonl<{ id: string; question: string; expect: { all?: string[][]; none?: string[] } }>(file)
    const misses = cases.filter((c) => !judge(ask(c.question).answer, c.expect.all, c.expect.none)).map((c) => c.id)
    expect(cases.length).toBeGreaterThanOrEqual(50)
    expect((cases.length - misses.length) / cases.length, `misses: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.95)
  })
})

describe('answerQuestion: our own paraphrases of every article', () => {
  const cases = readJsonl<{ q: string; all?: string[][]; none?: string[]; intent?: string }>(
    join(__dirname, 'fixtures/own-questions.jsonl'),
  )
  it('has at least 60 questions of our own', () => expect(cases.length).toBeGreaterThanOrEqual(60))
  it('gets at least 95% of them right (key facts present, nothing forbidden, the expected intent)', () => {
    const misses = cases.filter((c) => {
      const r = ask(c.q)
      return !judge(r.answer, c.all, c.none) || (c.intent !== undefined && c.intent !== r.intent)
    })
    expect(misses.length / cases.length, `misses: ${misses.map((c) => c.q).join(' | ')}`).toBeLessThanOrEqual(0.05)
  })
})

describe('quota', () => {
  it.each([
    ['南宁市有多少名额', '30名'],
    ['柳州市选几个学生', '15名'],
    ['桂林招多少人', '15名'],
  ])('%s → %s', (q, want) => {
    const r = ask(q)
    expect(r.intent).toBe('quota')
    expect(r.answer).toContain(want)
    expect(r.sources[0]?.section).toBe('四（二）1')
  })
  it('adds up the cities named when asked for a total', () => {
    expect(ask('柳州和桂林一共多少名额').answer).toContain('一共30名')
    expect(ask('南宁加上桂林总共选多少人').answer).toContain('一共45名')
    expect(ask('三个市总共选拔多少学生').answer).toContain('60名')
  })
  it('places a county in its city and reads 邕 as 南宁', () => {
    expect(ask('阳朔县有几个名额').answer).toContain('桂林市选拔15名')
    expect(ask('在邕读书的能选几个人').answer).toContain('南宁市选拔30名')
  })
  it('says a city outside the program has no quota, without a number for it', () => {
    const r = ask('玉林市有多少名额')
    expect(r.answer).toContain('玉林市不在')
  })
  it('reads Chinese numbers in the question', () => {
    expect(ask('南宁是三十个名额吗').answer).toContain('30名')
  })
})

describe('contact', () => {
  it.each([
    ['南宁的联系电话', '戴溦', '0771-5828180'],
    ['柳州找谁咨询', '覃佩娟', '0772-2628531'],
    ['桂林联系人是谁', '张逢芳', '0773-2819313'],
    ['管理办公室电话多少', '覃毅峰', '0771-2809218'],
    ['临桂区的学生有问题打什么电话', '张逢芳', '0773-2819313'],
  ])('%s → %s %s', (q, person, phone) => {
    const r = ask(q)
    expect(r.intent).toBe('contact')
    expect(r.answer).toContain(person)
    expect(r.answer).toContain(phone)
    expect(r.sources.some((s) => s.section === '十一')).toBe(true)
  })
  it('gives the office and every city for a general question', () => {
    const r = ask('有问题找谁')
    for (const phone of ['0771-2809218', '0771-5828180', '0772-2628531', '0773-2819313'])
      expect(r.answer).toContain(phone)
  })
})

describe('deadline', () => {
  it('says the date with the year and how far it is, from a pinned now', () => {
    const before = ask('申请表几号前交')
    expect(before.intent).toBe('deadline')
    expect(before.answer).toContain('2023年10月24日')
    expect(before.answer).toContain('还有 4 天')
    expect(before.sources[0]?.section).toBe('九（二）1')
    const after = ask('申请表几号前交', AFTER)
    expect(after.answer).toContain('已于2023年10月24日截止')
  })
  it('finds the step by the date the question names', () => {
    const r = ask('10月27号前要做什么', BEFORE)
    expect(r.answer).toContain('2023年10月27日')
    expect(r.sources[0]?.section).toBe('九（二）2（1）')
  })
  it('keeps month-only steps to their month', () => {
    const r = ask('师生见面会什么时候开')
    expect(r.answer).toContain('2023年11月')
    expect(r.answer).not.toContain('11月30日')
  })
  it('says an undated step has no date in the plan', () => {
    const r = ask('导师遴选什么时候进行')
    expect(r.answer).toContain('没有')
    expect(r.sources[0]?.section).toBe('九（二）3')
  })
  it('does not promise next year a date', () => {
    const r = ask('明年什么时候报名', AFTER)
    expect(r.answer).toContain('下一年度的日期方案没有规定')
  })
})

describe('eligibility', () => {
  it('checks a described student and returns the verdict', () => {
    const r = ask('我家孩子在南宁读高一，数学年级前10%，能报吗')
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: false })
  })
  it('refuses a grade outside 高一、高二', () => {
    expect(ask('柳州高三，综合年级前5%，能报吗').eligibility?.verdict).toBe('ineligible')
  })
  it('answers a general question about who may apply as a fact, not a check', () => {
    const r = ask('要读高几才能报名')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toContain('高一')
    expect(r.sources[0]?.section).toBe('四（二）1')
  })
  it('answers a bare priority question by the rule', () => {
    const r = ask('市级比赛一等奖可以优先推荐吗')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toContain('自治区级')
  })
})

describe('not in the plan', () => {
  const questions = [
    '参加要交多少钱',
    '住宿怎么安排',
    '结业证书有吗',
    '导师遴选要面试吗',
    '每所学校能推荐几个',
    '高考能加分吗',
    '有交通补贴吗',
    '能不能保送',
  ]
  it.each(questions)('%s → says the plan is silent and gives the office number', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toMatch(/没有规定|没有提及|没有找到/)
    expect(r.answer).toContain('0771-2809218')
  })
  it.each(questions)('%s → no number that is not in the program data', (q) => {
    for (const n of numbersIn(ask(q).answer)) expect(PROGRAM_NUMBERS.has(n), n).toBe(true)
  })
  it('does not mistake a covered topic for a silent one', () => {
    expect(ask('年度评价要交哪些材料').intent).not.toBe('not_in_document')
    expect(ask('中期评价不合格怎么办').intent).not.toBe('not_in_document')
  })
})

describe('out of scope and greetings', () => {
  it.each(['明天会下雨吗', '这道题怎么解：x²-1=0', '讲个笑话', '高考志愿怎么填'])(
    '%s → a polite redirect naming the program',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('out_of_scope')
      expect(r.answer).toContain('八桂青少年英才培养计划')
      expect(numbersIn(r.answer)).toEqual([])
    },
  )
  it('greets back with what it can answer', () => {
    const r = ask('你好')
    expect(r.intent).toBe('greeting')
    expect(r.answer).toContain('名额')
  })
  it('introduces the program when asked what it is', () => {
    const r = ask('八桂英才计划是什么？')
    expect(r.answer).toContain('品学兼优')
    expect(r.sources[0]?.section).toBe('一')
  })
})

describe('every answer', () => {
  const all = readJsonl<{ q: string }>(join(__dirname, 'fixtures/own-questions.jsonl')).map((c) => c.q)
  it('stays within 400 characters, cites a section, and carries a confidence in 0..1', () => {
    for (const q of [...all, '什么', '', '啊啊啊啊'.repeat(100)]) {
      const r = ask(q)
      expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
      expect(r.confidence).toBeGreaterThanOrEqual(0)
      expect(r.confidence).toBeLessThanOrEqual(1)
      if (!['greeting', 'out_of_scope'].includes(r.intent)) expect(r.sources.length, q).toBeGreaterThan(0)
    }
  })
  it('is deterministic, also for a fresh copy of the program', () => {
    const copy = programSchema.parse(JSON.parse(JSON.stringify(program)))
    for (const q of all) {
      const a = ask(q)
      expect(ask(q)).toEqual(a)
      expect(answerQuestion(copy, q, BEFORE)).toEqual(a)
    }
  })
  it('marks a vague question for review with a confidence under 0.5', () => {
    expect(ask('英才计划里那个东西怎么弄').confidence).toBeLessThan(0.5)
  })
})

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

describe('a message with several asks', () => {
  it('answers a question after remarks that mention applying, without an eligibility check', () => {
    const r = ask('孩子在南宁读高一，老师说可以报。材料是谁交？交给谁？')
    expect(r.eligibility).toBeUndefined()
    expect(r.answer).toMatch(/市级科协|市科协/)
    expect(r.answer).toContain('2023年10月24日')
  })
  it('gives a short verdict and the other answer, within 400 characters', () => {
    const r = ask('我们柳州的，孩子读高一，能报吗？柳州一共选几个')
    expect(r.eligibility?.verdict).toBe('unknown')
    expect(r.answer).toContain('15%')
    expect(r.answer).toContain('柳州市选拔15名')
    expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
  })
  it('keeps a full verdict when the only ask is whether the student may apply', () => {
    const r = ask('孩子在桂林读高二，物理年级前8%，能报吗？能优先吗？')
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: false })
    expect(r.answer).toContain('结论')
  })
  it('answers every ask of a message split by commas and connectors', () => {
    const r = ask('成绩要排前多少？另外各市名额是多少')
    expect(r.answer).toContain('15%')
    expect(r.answer).toContain('南宁市30名')
  })
  it('answers a general "能报吗" with the rule, not a profile interrogation', () => {
    expect(ask('是不是只有示范性高中的学生能报？普通高中有机会吗').answer).toContain('全体高一、高二')
    const rank = ask('孩子偏科，物理特别好总分一般，能报吗？成绩要求是什么')
    expect(rank.answer).toContain('15%')
    expect(rank.intent).not.toBe('out_of_scope')
  })
  it('names the competition gap and still gives the quota', () => {
    const r = ask('孩子在柳州读高一，想问下竞争激烈吗？柳州大概选几个人？')
    expect(r.answer).toContain('15名')
    expect(r.answer).toContain('0771-2809218')
  })
})

describe('what the plan leaves open', () => {
  it('adds the office number to any answer that says the plan does not specify something', () => {
    for (const q of [
      '南宁选多少人',
      '见面会是哪天',
      '高一高二名额怎么分',
      '化学学科有几个名额',
      '一个学生能同时报数学和物理两个学科吗',
    ]) {
      const a = ask(q).answer
      if (/没有规定|未规定|没有写|没有明确/.test(a)) expect(a, q).toContain('0771-2809218')
    }
    expect(ask('南宁选多少人').answer).toContain('0771-2809218')
  })
  it('says the grade and subject split of the quotas is not given, with the city quotas', () => {
    for (const q of ['高一和高二分别占几个名额', '生物学科分到多少名额']) {
      const a = ask(q).answer
      expect(a, q).toContain('没有规定')
      expect(a, q).toContain('南宁市选拔30名')
    }
  })
  it('counts a county in its city quota', () => {
    const a = ask('桂林的15个名额包括阳朔县、荔浦市的学生吗').answer
    expect(a).toContain('辖区内的全体高一、高二学生')
    expect(a).toContain('桂林市选拔15名')
  })
  it('corrects a wrong quota put as a guess', () => {
    expect(ask('桂林今年是招20个吧？我印象是20').answer).toContain('不是20名')
  })
  it('gives what the plan does say next to what it does not', () => {
    const online = ask('能不能在家网上参加培养').answer
    expect(online).toContain('10次')
    expect(online).toContain('当面指导')
    expect(ask('导师遴选有分数线吗').answer).toContain('没有规定')
  })
})

describe('step names, contacts and scope', () => {
  it('maps school and city steps in a two-date question', () => {
    const a = ask('学校报送和市里上报分别截止到哪天').answer
    expect(a).toContain('2023年10月24日')
    expect(a).toContain('2023年10月27日')
  })
  it('says who runs the office when asked where it is', () => {
    const a = ask('管理办公室设在哪，找谁').answer
    expect(a).toContain('广西青少年科技中心')
    expect(a).toContain('0771-2809218')
  })
  it('sends parenting advice and translation away, whatever words they contain', () => {
    for (const q of ['孩子天天玩手机不听话怎么办', '把这句翻译成英文：我想当导师的学生', '孩子厌学怎么办']) {
      const r = ask(q)
      expect(r.intent, q).toBe('out_of_scope')
      expect(r.answer).toContain('八桂青少年英才培养计划')
    }
  })
})

describe('contact words that do not ask for a contact, duties, months and undated details', () => {
  it('reads 保持联系 and 联系导师 as questions about tracking and liaison, not the phone list', () => {
    const kept = ask('结业以后还会跟我们保持联系吗')
    expect(kept.answer).toContain('英才库')
    expect(kept.answer).not.toContain('戴溦')
    expect(ask('学生平时怎么联系导师').intent).not.toBe('contact')
  })
  it('answers 找谁报 with the process through the school, and 对接的老师 with the city contact', () => {
    const r = ask('我想报名，应该找谁报')
    expect(r.intent).toBe('process')
    expect(r.answer).toContain('2023年10月24日')
    expect(r.answer).toContain('市级科协')
    const g = ask('桂林这边对接的老师是谁')
    expect(g.intent).toBe('contact')
    expect(g.answer).toContain('张逢芳')
    expect(g.answer).not.toContain('戴溦')
  })
  it('gives each party its own duties (八（一）–（四）, 十（二）)', () => {
    const organisers = ask('主办单位具体负责哪些事')
    expect(organisers.sources[0]?.section).toBe('八（一）')
    expect(organisers.answer).toContain('监督')
    expect(ask('管理办公室的职责是什么').sources[0]?.section).toBe('八（二）')
    expect(ask('参与高校要负责什么').sources[0]?.section).toBe('八（三）')
    const follow = ask('参与中学除了推荐学生，后面还要做哪些跟踪工作')
    expect(follow.sources.map((s) => s.section)).toEqual(['十（二）', '七'])
    // Going to a university is not the university's duty.
    expect(ask('每次去大学活动完了还要做啥吗').answer).toContain('成长日志')
  })
  it('finds the dated steps of a month the question names', () => {
    const feb = ask('明年2月底之前我们要干嘛')
    expect(feb.intent).toBe('deadline')
    expect(feb.answer).toContain('中期评价')
    expect(feb.answer).toContain('2024年2月')
    expect(ask('10月27日前要完成什么').answer).not.toContain('学校推荐的截止时间')
    const march = ask('3月份要做什么')
    expect(march.answer).toContain('没有给3月安排')
    expect(march.answer).toContain('2024年2月')
  })
  it('says what students do at the university, not only how often they go', () => {
    const a = ask('参加这个计划能去大学干些什么').answer
    for (const w of ['科技社团', '双校共学', '阅读书目', '课题研究']) expect(a).toContain(w)
  })
  it('says the plan gives no share, web address or date for undated activities, with the office', () => {
    for (const q of ['中期评价和年度评价的权重各占多少', '申请表在哪里下载', '科学营什么时候举办']) {
      const r = ask(q)
      expect(r.intent, q).toBe('not_in_document')
      expect(r.answer).toContain('0771-2809218')
    }
    expect(ask('报名网址是多少').answer).toContain('云服务平台')
    expect(ask('公示结果在哪个网站上看').answer).toContain('云服务平台')
    expect(ask('排名要求占多少比例').answer).toContain('15%')
  })
})

describe('narrow facts, next steps, where to begin and money the plan leaves open', () => {
  it('prefers the fact whose answer says the detail asked (开放, 档案, 组织), and names both evaluations', () => {
    expect(ask('大学会不会向学员开放实验室').answer).toContain('开放实验室')
    expect(ask('中学要帮学生填档案吗').answer).toContain('培养档案')
    const both = ask('学员的评价方式是怎样的').answer
    expect(both).toContain('中期评价')
    expect(both).toContain('年度评价')
  })

  it('adds the runner-up fact when it alone says a specific word of the question (毕业)', () => {
    const a = ask('学员毕业以后中学还跟踪吗').answer
    expect(a).toMatch(/追踪|跟踪/)
    expect(a).toContain('毕业升学')
  })

  it('answers "审核通过后是不是就入选了" with the steps still to come, not a yes', () => {
    const a = ask('自治区审核过了是不是就算选上了')
    expect(a.intent).toBe('process')
    expect(a.answer).toMatch(/^还不算入选/)
    expect(a.answer).toContain('遴选候选人')
    expect(a.answer).toContain('导师遴选')
    expect(a.answer).toContain('5个工作日')
    expect([...a.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
    expect(ask('导师遴选结束了然后呢').answer).toContain('公示')
  })

  it('answers where to begin with applying through the school, not the phone list first', () => {
    for (const q of ['第一步要找谁', '想报名最先找哪里']) {
      const a = ask(q)
      expect(a.intent, q).toBe('process')
      expect(a.answer.startsWith('报名通过学生所在的中学'), q).toBe(true)
      expect(a.answer, q).toContain('2023年10月24日')
    }
  })

  it('says the plan is silent on who pays for materials, travel or meals, with no unrelated fact', () => {
    for (const q of ['实验耗材要家长出钱吗', '阅读书目的书要自己买吗', '交通费自己出吗']) {
      const a = ask(q)
      expect(a.intent, q).toBe('not_in_document')
      expect(a.answer, q).toContain(program.contacts[0]?.phone ?? '0771-2809218')
      expect(a.facts.length, q).toBe(1)
    }
  })
})

describe('held-out miss classes', () => {
  it('answers a purpose question with article 一, and a basis question with the preamble', () => {
    const r = ask('搞这个计划到底是为了啥')
    expect(r.sources[0]?.section).toBe('一')
    expect(r.answer).not.toContain('二十大')
    expect(ask('这个方案是根据哪个文件制定的').answer).toContain('37号')
  })
  it('never answers a per-visit length or a meeting frequency with the one-year cycle', () => {
    for (const q of ['每次去大学培养大概多长时间', '导师多久跟孩子见一次面']) {
      const r = ask(q)
      expect(r.intent, q).toBe('not_in_document')
      expect(r.answer, q).not.toContain('一年')
      expect(r.answer, q).toContain('0771-2809218')
    }
    expect(ask('导师多久跟孩子见一次面').answer).toContain('10次')
  })
  it.each(['没被选上可以申诉吗', '入选后会被分到哪所大学', '培养期间孩子转学了怎么办', '缺席了一次培养活动会怎样'])(
    'says the plan describes no procedure for %s',
    (q) => expect(ask(q).intent).toBe('not_in_document'),
  )
  it('takes the step of the actor named as submitting', () => {
    expect(ask('柳州市科协几号之前要把申请表报上去').answer).toContain('2023年10月27日')
    expect(ask('申请表交到市科协截止几号').answer).toContain('2023年10月24日')
  })
  it('checks a named title against the mentor list, without a general yes', () => {
    expect(ask('我是省级教学名师，有资格当导师吗').answer.startsWith('可以，省级教学名师属于方案所列导师人选')).toBe(
      true,
    )
    const lecturer = ask('我是大学讲师，可以当导师吗').answer
    expect(lecturer.startsWith('可以')).toBe(false)
    expect(lecturer).toContain('审定')
    expect(ask('外观设计专利算吗').answer.startsWith('可以')).toBe(false)
  })
  it('says a priority achievement from 初中 counts', () => {
    const r = ask('初中时候拿到的专利授权现在还能算吗')
    expect(r.answer).toContain('初中')
    expect(r.answer).toContain('授权')
  })
})

describe('conditions the plan does not set, asked with a profile', () => {
  it.each([
    ['我在南宁读高二，但不是本地户口，能报吗', '户籍'],
    ['桂林私立高中高一，综合前15%，能参加吗', '民办'],
    ['柳州国际部高二，物理前5%，可以报名吗', '国际部'],
    ['在南宁借读的高一学生，数学前10%，能报吗', '借读'],
  ])('%s: the verdict, what 四（二）1 says, the gap and the office', (q, label) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.answer).toContain(label)
    expect(r.answer).toContain('辖区内的全体高一、高二学生')
    expect(r.answer).toContain('0771-2809218')
    expect([...r.answer].length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
  })
  it('adds no note when no such condition is raised', () => {
    expect(ask('南宁高二，数学前10%，能报吗').answer).not.toContain('没有提到')
  })
  it('answers the condition asked on its own with the gap and the target students', () => {
    const r = ask('外地户口能报名吗')
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('户籍')
    expect(r.answer).toContain('辖区内')
  })
  it('does not repeat the gap for an ask the verdict already covers', () => {
    const r = ask('孩子在桂林读高二，化学前10%，能报吗，有没有年龄限制')
    expect(r.answer).toContain('年龄')
    expect(r.answer.match(/辖区内/g)?.length).toBe(1)
  })
})

describe('what a selected student does, and how the result is learnt', () => {
  it.each(['孩子进去以后主要参加什么活动', '入选后一般干什么', '录取了以后要参加哪些活动'])(
    '%s → 五（三） first, then 五（三）3',
    (q) => {
      const r = ask(q)
      expect(r.sources[0]?.section).toBe('五（三）')
      expect(r.answer).toContain('双校共学')
      expect(r.answer).toContain('科学营')
    },
  )
  it('leaves the next step after a named step to the selection chain', () => {
    expect(ask('公示结束后干什么').answer).toContain('见面会')
    expect(ask('入选后下一步是什么').answer).toContain('见面会')
  })
  it.each(['怎么知道孩子有没有选上', '结果在哪看', '去哪查名单', '选没选上怎么查'])('%s → 九（二）4', (q) => {
    const r = ask(q)
    expect(r.sources[0]?.section).toBe('九（二）4')
    expect(r.answer).toContain('云服务平台')
    expect(r.answer).toContain('5个工作日')
  })
  it('says the plan names no personal notice, with the office', () => {
    const r = ask('录取结果会通知我们吗')
    expect(r.answer).toContain('云服务平台')
    expect(r.answer).toContain('0771-2809218')
  })
})

describe('the form or medium of a document', () => {
  it.each(['申请表交纸质版还是电子版', '报名材料要原件还是复印件', '申请表交几份', '申请表要贴照片吗'])(
    '%s: not set, the office, and the 《申请表》 fact',
    (q) => {
      const r = ask(q)
      expect(r.intent).toBe('not_in_document')
      expect(r.answer).toContain('0771-2809218')
      expect(r.answer).toContain('附件2')
      expect(r.answer).toContain('2023年10月24日')
    },
  )
  it("gives the school's signature and stamp where the plan requires them", () => {
    expect(ask('申请表需要学校盖章吗').answer).toContain('公章')
  })
})

describe('asks routed by what is asked (blind set 7 classes)', () => {
  it.each(['进了大学主要是跟哪方面的专家搞研究', '带我们做研究的是什么领域的专家', '指导学生的是哪个方向的专家'])(
    'the experts’ field: %s → 自然科学基础学科 (一) and the subjects (三（三）)',
    (q) => {
      const r = ask(q)
      expect(r.answer).toContain('自然科学基础学科')
      expect(r.answer).toContain('数学')
      expect(r.sources.map((s) => s.section)).toEqual(expect.arrayContaining(['一', '三（三）']))
    },
  )
  it.each(['报名对学生有什么基本要求', '报名条件有哪些', '对学生有啥要求', '学生报名的门槛是什么'])(
    'the conditions for applicants, not how to hand in: %s',
    (q) => {
      const a = ask(q).answer
      for (const want of ['品学兼优', '15%', '20%', '高一', '优先']) expect(a).toContain(want)
      expect(a).not.toContain('10月24日')
    },
  )
  it('compares a number of visits with the 10 of 五（三）1', () => {
    expect(ask('要是一年只去了8次大学，够不够数').answer).toMatch(/8次少于10次，不够/)
    expect(ask('去了十二次算完成吗').answer).toMatch(/12次不少于10次，达到/)
    expect(ask('少去几次行不行').answer).toContain('不少于10次')
    const makeUp = ask('去的次数不够能补吗')
    expect(makeUp.answer).toContain('没有规定')
    expect(makeUp.answer).toContain('0771-2809218')
    expect(ask('要是一年只去了8次大学，够不够数').intent).not.toBe('eligibility')
  })
  it.each([
    '高校老师当导师带学生，有啥激励没有',
    '中学老师有什么好处',
    '学生参加有什么用',
    '指导教师带学生算不算工作量',
  ])('incentives for a party → 十（三）: %s', (q) => {
    const r = ask(q)
    expect(r.sources[0]?.section).toBe('十（三）')
    expect(r.answer).toContain('工作量')
    expect(r.answer).toContain('综合素质评价')
  })
  it('keeps 团队 titles with 四（一）, not the incentives', () => {
    expect(ask('导师团队里的人是什么职称').sources[0]?.section).toBe('四（一）')
  })
  it.each(['我们中学指导老师也会被评价吗', '导师会被考核吗', '学校会不会被评', '对高校导师有没有考评'])(
    'units, mentors and teachers are evaluated too → 九（五）: %s',
    (q) => {
      const r = ask(q)
      expect(r.sources[0]?.section).toBe('九（五）')
      expect(r.answer).toContain('综合评价')
    },
  )
  it('says the plan names exchange activities but not 出国, with the office phone', () => {
    const r = ask('表现好的话有机会出国交流吗')
    expect(r.answer).toContain('交流会')
    expect(r.answer).toContain('没有提到“出国”')
    expect(r.answer).toContain('0771-2809218')
    expect(ask('有机会参加交流会吗').answer).not.toContain('没有提到')
  })
  it('does not take 基金 inside 国家杰出青年科学基金 as program evidence', () => {
    const r = ask('最近股市行情怎么样，能不能买点基金')
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).not.toContain('杰出青年')
  })
})

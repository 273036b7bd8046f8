import { describe, expect, it } from 'vitest'
import { answerQuestion } from './answer'
import { contextOf } from './context'
import { normaliseText } from './normalise'
import { builtInProgram, type Program } from './program'
import { factIndex } from './retrieval'
import {
  askedType,
  buildScope,
  factGives,
  GENERIC_TASK,
  PERSONAL_ADVICE,
  programEvidence,
  TRANSLATE,
  unmatchedQualifier,
  withoutQuoted,
} from './scope'

const program = builtInProgram(2023) as Program
const scope = buildScope(factIndex(program))
const NOW = new Date('2023-10-20T10:00:00+08:00')

describe('programEvidence', () => {
  it('finds program words, not a city, 大学 or 科学 alone', () => {
    expect(programEvidence(scope, normaliseText('南宁的大学好考吗'))).toEqual([])
    expect(programEvidence(scope, normaliseText('科学是什么'))).toEqual([])
    expect(programEvidence(scope, normaliseText('遴选要交申请表吗')).length).toBeGreaterThan(0)
  })
  it('knows a general task when it sees one', () => {
    expect(GENERIC_TASK.test('帮我写一篇英语作文')).toBe(true)
    expect(GENERIC_TASK.test('年度评价要交哪些材料')).toBe(false)
  })
})

describe('translation and personal advice', () => {
  it('judges a translation request without the words to translate', () => {
    const q = normaliseText('请把这句话译成英文：导师带我做科学研究')
    expect(TRANSLATE.test(q)).toBe(true)
    expect(withoutQuoted(q)).toBe('请把这句话译成英文')
    expect(withoutQuoted('把“申请表”翻译成英文')).toBe('把翻译成英文')
  })
  it('knows family matters from program questions', () => {
    expect(PERSONAL_ADVICE.test('孩子叛逆不听话怎么办')).toBe(true)
    expect(PERSONAL_ADVICE.test('孩子不合格会退出吗')).toBe(false)
  })
})

describe('askedType and factGives', () => {
  it.each([
    ['科学营哪天开营', 'date'],
    ['每次去大学待多久', 'duration'],
    ['劳务费标准是多少', 'money'],
    ['中期汇报在哪个学校开', 'place'],
    ['成长日志写多少字', 'words'],
    ['导师可以自己挑吗', 'choice'],
    ['研究方向还能换吗', 'change'],
    ['导师遴选的评分标准是什么', 'criteria'],
    ['入选有没有分数线', 'criteria'],
    ['能同时报数学和物理吗', 'both'],
    ['两个学科都想报可以一起报吗', 'both'],
    ['考核结果在综评里占多少比例', 'proportion'],
    ['两次评价的权重各是多少', 'proportion'],
    ['申请表在哪里下载', 'url'],
    ['有没有公众号', 'url'],
    ['申请表交纸质版还是电子版', 'format'],
    ['要不要原件', 'format'],
    ['申请表要交几份', 'format'],
    ['需要贴照片吗', 'format'],
    ['家长要签字吗', 'format'],
  ])('%s → %s', (q, type) => expect(askedType(normaliseText(q))).toBe(type))
  it('sees a place only where the fact names one, not in a date', () => {
    expect(factGives('place', '在广西青少年科技教育和科普活动云服务平台公示')).toBe(true)
    expect(factGives('place', '年度评价在2024年9月底前由管理办公室联合高校完成')).toBe(false)
  })
  it('sees a share only in a percentage and a web place only in the named platform', () => {
    expect(factGives('proportion', '相应学科成绩在本校年级前15%')).toBe(true)
    expect(factGives('proportion', '考核结果纳入学生综合素质评价')).toBe(false)
    expect(factGives('url', '在广西青少年科技教育和科普活动云服务平台公示')).toBe(true)
    expect(factGives('url', '每次活动后要登录平台提交《成长日志》')).toBe(false)
  })
  it('reads a signature asked of the school as the stamp the plan requires, not a question of form', () => {
    expect(askedType(normaliseText('申请表要学校签字盖章吗'))).toBeUndefined()
    expect(askedType(normaliseText('申请表什么时候交'))).toBeUndefined()
  })
  it('finds no fact that gives the medium or form of a document', () => {
    for (const f of program.facts) expect(factGives('format', f.answer), f.id).toBe(false)
  })
})

describe('answers resting on these checks', () => {
  const ask = (q: string) => answerQuestion(program, q, NOW)
  it('says a missing detail is not in the plan, naming the plan and the office', () => {
    for (const q of ['高校科学营具体哪天开营', '成长日志要写多少字', '导师可以自己挑吗']) {
      const r = ask(q)
      expect(r.intent, q).toBe('not_in_document')
      expect(r.answer).toContain('八桂青少年英才培养计划')
      expect(r.answer).toContain('0771-2809218')
    }
  })
  it('keeps the details the plan does give', () => {
    expect(ask('入选名单在什么地方公示').answer).toContain('云服务平台')
    expect(ask('一年要去大学几次').answer).toContain('10次')
  })
  it('sends a general task away, naming the program, with no number', () => {
    const r = ask('南宁哪家螺蛳粉最好吃，推荐一下')
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain('八桂青少年英才培养计划')
    expect(r.answer).not.toMatch(/\d/)
  })
  it('answers both parts of a two-part question', () => {
    const r = ask('学校交材料和市科协上报，截止日期各是哪天')
    expect(r.answer).toContain('2023年10月24日')
    expect(r.answer).toContain('2023年10月27日')
  })
  it('finds a contact by person and a county by its city', () => {
    expect(ask('张逢芳负责哪里').answer).toContain('桂林市')
    expect(ask('宾阳县的娃报名有疑问找哪里').answer).toContain('0771-5828180')
  })
  it('says a university or city outside the lists is not in them', () => {
    expect(ask('实施高校里有没有桂林电子科技大学').answer).toContain('不在本计划的实施高校之内')
  })
  it('compares and corrects quotas', () => {
    expect(ask('南宁比柳州多几个名额').answer).toContain('多15名')
    expect(ask('柳州是20个名额吧').answer).toContain('不是20名')
  })
})

describe('unmatchedQualifier', () => {
  const vocabulary = contextOf(program).vocabulary
  const of = (q: string) => unmatchedQualifier(vocabulary, normaliseText(q))
  it('finds the content word of a yes/no question that the program never uses', () => {
    expect(of('表现好的话有机会出国交流吗')).toBe('出国')
    expect(of('能不能去海外参加科学营')).toBe('海外')
  })
  it('stays silent on program words, places, names, typos and questions that are not yes/no', () => {
    expect(of('有机会参加交流会吗')).toBeUndefined()
    expect(of('科学营在南宁办吗')).toBeUndefined()
    expect(of('覃毅峰老师在吗')).toBeUndefined()
    expect(of('导帅会带我们做实验吗')).toBeUndefined()
    expect(of('出国交流的活动有哪些')).toBeUndefined()
  })
})

describe('GENERIC_TASK: finance, shopping, entertainment, travel, health', () => {
  it.each([
    '最近股市行情怎么样',
    '能不能买点基金',
    '买房划算吗',
    '彩票怎么中奖',
    '推荐个明星',
    '去哪旅游好',
    '怎么减肥',
    '看病挂哪个科',
  ])('%s is a general task', (q) => expect(GENERIC_TASK.test(normaliseText(q))).toBe(true))
  it('does not take the mentor title 国家杰出青年科学基金获得者 for a finance word', () => {
    expect(GENERIC_TASK.test('国家杰出青年科学基金获得者能当导师吗')).toBe(false)
  })
})

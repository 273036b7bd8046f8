import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

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

describe('the formal voice: enumerated asks, abbreviations, a party in a named step', () => {
  it('answers each enumerated ask, in order', () => {
    const r = ask(
      '您好，我是桂林市某中学教务处老师，想咨询三个问题：一是学校推荐材料的截止日期；二是报送给哪个单位；三是桂林市的名额。谢谢！',
    )
    const at = (s: string) => r.answer.indexOf(s)
    expect(at('2023年10月24日')).toBeGreaterThanOrEqual(0)
    expect(at('市级科协')).toBeGreaterThan(at('2023年10月24日'))
    expect(at('桂林市选拔15名')).toBeGreaterThan(at('市级科协'))
    const list = ask('1.报名截止时间 2.柳州名额 3.联系人').answer
    expect(list).toContain('2023年10月24日')
    expect(list).toContain('柳州市选拔15名')
    expect(list).toContain('覃佩娟')
  })
  it('reads 管办 and 桂师 as the office and 广西师范大学', () => {
    const r = ask('请问管办的联系电话是多少？另外，广大和桂师是否都是实施高校？')
    expect(r.answer.startsWith('八桂青少年英才培养计划工作管理办公室的联系人是覃毅峰')).toBe(true)
    expect(r.answer).toContain('广西师范大学')
  })
  it("gives a party's part in a named step, not the overview of the steps", () => {
    const r = ask('请问市科协在遴选环节承担什么职责')
    expect(r.answer).toContain('市级审核')
    expect(r.answer).toContain('导师遴选：由各市科协')
  })
})

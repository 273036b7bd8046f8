import { describe, expect, it } from 'vitest'
import { extractProfile } from '../../../core/rules/extract-profile'
import { ask } from '../../../test/helpers/qa'
import { splitAskerHeader } from '../asker-header'

const within = (a: string) => expect([...a].length).toBeLessThanOrEqual(400)

describe('an ask to recommend a described student is an eligibility question', () => {
  it.each([
    ['南宁二中高二学生，化学年级前8%，是否可推荐？', 'eligible'],
    ['柳州高一新生，综合成绩年级前百分之十八，学校能否推荐', 'eligible'],
    ['桂林十八中高二，物理排年级前12%，可推荐否？', 'eligible'],
    ['孩子在柳州读高一，总分年级前30%，可以推荐吗', 'unknown'],
    ['我校（柳州）高一学生，总分年级前30%，物理年级前25%，能推荐吗？', 'ineligible'],
    ['南宁高三学生，数学年级前5%，能不能推荐？', 'ineligible'],
    ['我是桂林的高一学生，综合排名前15%，老师问可否推荐', 'eligible'],
    ['贵港市某中学咨询：高一学生年级排名前10%，可否推荐？', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    const a = ask(q)
    expect(a.eligibility?.verdict).toBe(verdict)
    within(a.answer)
  })
  it('a count of places to recommend is no student’s verdict', () => {
    expect(ask('每所学校可推荐几名学生？').eligibility).toBeUndefined()
  })
})

describe('a grade size and a place with no city: both lines as places and which the place meets', () => {
  it('350人、综合第53名: within 前70名 by 综合, outside 前52名 as 学科, the fraction said', () => {
    const a = ask('我校高一学生，全年级350人，该生综合排名第53名，是否可推荐？')
    expect(a.eligibility?.verdict).toBeDefined()
    expect(a.answer).toContain('前52名')
    expect(a.answer).toContain('52.5')
    expect(a.answer).toContain('前70名')
    expect(a.answer).toMatch(/综合排名第53名，在前70名以内，满足综合成绩/)
    expect(a.answer).toMatch(/学科[^。]*前52名之外/)
    expect(a.answer).not.toContain('请告诉我')
    expect(a.answer).not.toContain('✔')
    within(a.answer)
  })
  it.each([
    // [question, must contain, must not contain]
    [
      '本校高二共有420名学生，这个孩子物理年级第60名，符合条件吗',
      ['前63名', '物理排名第60名，在前63名以内'],
      ['请告诉我'],
    ],
    ['年级一共240人，我家娃综合排第50名，能报吗', ['前48名', '前36名', '前48名之外'], ['✔']],
    ['咨询：高一年级有333人，该生数学排名第50名，够不够？', ['49.95', '前49名之外', '前66名以内'], ['请告诉我']],
  ])('%s', (q, wants, nots) => {
    const a = ask(q)
    for (const w of wants) expect(a.answer).toContain(w)
    for (const n of nots) expect(a.answer).not.toContain(n)
    expect(a.eligibility).toBeDefined()
    within(a.answer)
  })
  it('asks of the lines and of the place are numbered parts', () => {
    const a = ask('高二年级共400人，学科前15%是前多少名？某生物理排名第65名，是否满足条件？').answer
    expect(a).toMatch(/^1\. /)
    expect(a).toContain('\n2. ')
    // 某生物理 is a 物理 rank, not 生物.
    expect(a).toContain('物理排名第65名，在前60名之外')
    within(a)
  })
  it('a named city of the program gives the full check with the place as a percent', () => {
    const a = ask('我在桂林读高二，年级500人我排第60名，可否推荐')
    expect(a.eligibility?.verdict).toBe('eligible')
    expect(a.answer).toContain('12%')
  })
  it('a grade outside the range is said', () => {
    const a = ask('我校高三年级共300人，该生总分第20名，是否可推荐？')
    expect(a.eligibility?.verdict).toBe('ineligible')
    expect(a.answer).toContain('高三不在遴选范围内')
  })
})

describe('an asker header naming a place keeps it as the student’s place', () => {
  it.each([
    ['桂林市某中学咨询：高二学生综合前15%，能报吗', 'eligible'],
    ['钦州市某高中询问：高二学生物理年级前5%，可否推荐？', 'ineligible'],
    ['湖南省某中学来电咨询：高一学生数学前10%，可以报名吗？', 'ineligible'],
    ['柳江区某中学教务处询问：该生高一，综合前18%，是否可以推荐？', 'eligible'],
    ['关于推荐高二学生的请示：该生在南宁三中就读，物理年级前9%，能否推荐', 'eligible'],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a 请示 is a header', () => {
    expect(splitAskerHeader('关于推荐高二学生的请示：该生能报吗').header).toBe('关于推荐高二学生的请示：')
    expect(splitAskerHeader('南宁市科协的请示：名额怎么分').body).toBe('名额怎么分')
  })
  it('a header’s place is no topic of a question about something else', () => {
    const a = ask('贵港市某中学咨询：学校推荐的截止时间是哪天？').answer
    expect(a).toContain('10月24日')
  })
})

describe('a patent granted in a later clause counts for priority', () => {
  const priority = (q: string) => ask(q).eligibility?.priority
  it.each([
    ['南宁高二，物理年级前10%，我有个专利，去年申请的，今年已经授权了，实用新型的', true],
    ['柳州高一，综合前15%，孩子有一项专利，发明的，上个月刚批下来，能优先吗', true],
    ['桂林高二，数学前8%，有个专利，前年申报，已拿到证书，是实用新型', true],
    ['南宁高二，物理年级前10%，我有个专利，发明专利还在申请中，没授权', false],
    ['柳州高一，综合前15%，有一项专利，实用新型的，还在审查', false],
    ['南宁高二，物理前10%，有个专利，外观设计的，已经授权了，能优先吗', false],
    ['桂林高一，化学前12%，去年申请了外观设计专利，今年授权了，算优先吗', false],
  ])('%s → %s', (q, want) => {
    expect(priority(q)).toBe(want)
  })
  it('the later clauses give the type and the grant to the profile', () => {
    const { profile } = extractProfile('我有个专利，去年申请的，今年已经授权了，实用新型的')
    expect(profile.patents).toEqual([{ type: 'utility_model', granted: true }])
  })
})

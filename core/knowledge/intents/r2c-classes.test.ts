import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** Asking to apply in 桂柳话 (给 = 可以) or in an office's formal words: an eligibility question. */
describe('spoken and formal asks to apply after a profile', () => {
  it.each([
    ['我屋崽在西乡塘区读高二，化学全年级前5%，给报不', 'eligible'],
    ['女儿在七星区读高一，综合年级前12%，她给不给报哦？', 'eligible'],
    ['娃在城中区读初二，物理年级前3%，明年得不得报？', 'ineligible'],
    ['我侄子在鱼峰区读高二，数学年级前30%，总分年级前40%，报得了不？', 'ineligible'],
    ['孩子在江南区读高一，生物年级前6%，能报不', 'eligible'],
    ['兹有南宁市武鸣区某中学高二学生一名，数学学科年级前10%，请确认其资格。', 'eligible'],
    ['柳州市柳江区某校高一学生，学科年级前25%，综合年级前30%，该生资格是否符合？', 'ineligible'],
    ['桂林市荔浦市某中学高二学生一名，化学年级前7%，贵办能否确认该生资格？', 'eligible'],
  ])('%s → %s', (q, verdict) => {
    const r = ask(q)
    expect(r.intent).toBe('eligibility')
    expect(r.eligibility?.verdict).toBe(verdict)
  })
})

/** 第N名 with the grade's size said anywhere in the message is a share of the grade. */
describe('a place in the grade with the grade size elsewhere in the message', () => {
  it.each([
    ['崽在兴宁区读高二，物理年级第15名，他们年级一共500人，给报不', 'eligible', '3%'],
    ['我家在叠彩区，娃读高一，数学第45名，年级总共300人，能报吗', 'eligible', '15%'],
    ['柳州市柳北区某中学高二学生，综合排名年级第40名，该年级共400人，请确认其资格', 'eligible', '10%'],
    ['年级共500人，我家娃在良庆区读高二，数学第10名，给报不', 'eligible', '2%'],
    ['女儿在柳北区读高二，一个年级才250人，她综合排第75名，数学排第50名，能报不', 'ineligible', '30%'],
  ])('%s → %s', (q, verdict, share) => {
    const r = ask(q)
    expect(r.eligibility?.verdict).toBe(verdict)
    expect(r.answer).toContain(share)
  })
  it('初三 is outside the grades whatever the rank', () => {
    const r = ask('娃在秀峰区读初三，数学年级第3名，年级共600人，给报不咯')
    expect(r.eligibility?.verdict).toBe('ineligible')
    expect(r.answer).toContain('高一、高二')
  })
})

/** A field said to be missing is unknown, and the answer asks for it. */
describe('a profile with a field stated as missing', () => {
  it.each([
    '南宁市青秀区某中学推荐学生一名，数学学科年级前5%，申请表上年级没有填写，能否确认资格？',
    '我家孩子在柳州市城中区，综合年级前8%，报名表上年级忘了写，给报不',
    '桂林市临桂区某校学生，物理年级前4%，材料里没写年级，请确认其资格',
    '娃在青秀区，高一还是高二我也搞不清，数学年级前3%，给报不',
    '柳州市鱼峰区某校学生一名，综合年级前9%，高一或高二待核实，该生资格是否符合？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.eligibility?.verdict).toBe('unknown')
    expect(r.answer).toContain('年级')
  })
})

/** Whether only a club's or a special class's students may apply: every 高一、高二 student may. */
describe('a club or a special class is not a condition', () => {
  it.each([
    '只有竞赛班的学生才可以报名吗',
    '我家娃没进学校的科学社团，也能报名吗',
    '请问本计划是否仅限实验班、竞赛班学生申报？',
    '老师说兴趣小组的同学可以推荐，是不是一定要是兴趣小组的才能参加',
  ])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('全体高一、高二学生')
    expect(a).toContain('鼓励')
    expect(a).toContain('不是报名条件')
  })
})

/** Who issues the mentors' letters and what the team's members need, asked together. */
describe('聘书 and the training team, asked in two parts', () => {
  it.each([
    '1.导师的聘书是谁发的？2.导师团队里的成员要什么学历职称？',
    '请问：（1）导师聘书由哪个部门颁发？（2）培养团队成员原则上应具备何种条件？',
  ])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('管理办公室')
    expect(a).toContain('聘书')
    expect(a).toContain('博士')
    expect(a).toContain('副高')
  })
})

/** Which attachment is which: the plan itself is 附件1, the 申请表 附件2. */
describe('the attachments by number', () => {
  it.each([
    ['实施方案是第几个附件，申请表又是哪个附件', ['附件1', '附件2']],
    ['附件2是什么材料', ['附件2', '申请表']],
    ['请问学员申请表列为附件几？', ['附件2']],
  ])('%s', (q, wanted) => {
    const a = ask(q).answer
    for (const w of wanted) expect(a).toContain(w)
  })
})

/** A participating school's duties beyond selecting and recommending (十（二）). */
describe('a school’s work beyond recommending', () => {
  it.each([
    '我们学校除了推荐学生以外，还要做哪些工作？',
    '参与中学除组织遴选推荐之外，还应开展哪些工作？',
    '参与中学要开展哪些工作',
  ])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('中期评估')
    expect(a).toMatch(/升学|就业/)
  })
})

/** Another province's own program with a number asked: not this plan, no figure, the office. */
describe('another province’s program asked for a number', () => {
  it.each(['广东那边的英才计划一年招多少学生', '请问贵州省英才计划每年遴选多少名学生？与本计划相同吗'])('%s', (q) => {
    const a = ask(q).answer
    expect(a).toContain('2809218')
    expect(a).toMatch(/不属于本计划|不是八桂青少年英才培养计划的内容/)
    expect(a).not.toMatch(/广东[^。]*\d+名|贵州[^。]*\d+名/)
  })
})

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
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.eligibility?.verdict).toBe('unknown')
    expect(r.answer).toContain('年级')
  })
})

import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

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

import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

/** A point of an article asked by name gets that article, not a party's general duties or the student conditions. */
describe('aspect: a point of an article asked by name', () => {
  it.each<[string, string, string]>([
    ['方案里关于示范带动是怎么要求学校的', '十（四）', '向社会公布'],
    ['想问下高校和中学怎么带动更多单位参与进来', '十（四）', '专家学者'],
    ['责任落实这一块，对高校有什么要求', '十（二）', '导师推荐'],
    ['实验室开放方面，方案对大学有什么要求', '五（三）1', '定期'],
    ['中学老师带学生课题，大学会给我们老师培训吗', '五（三）1', '专项培训'],
    ['去了大学是看书还是做实验啊', '五（三）1', '阅读书目'],
    ['结业以后还管不管孩子了，有没有后续服务', '七', '往届'],
    ['孩子将来考进广西师范大学，这边还有后续吗', '七', '升入本校'],
    ['导师的聘书是哪个单位颁发的', '四（一）', '管理办公室'],
    ['是高校自己定导师还是管理办公室定', '四（一）', '审定'],
    ['导师会不会参与选拔学生', '九（二）3', '候选人'],
    ['咱们学校有没有老师负责跟进孩子', '五（三）2', '指导教师'],
    ['这个和中国科协的英才计划是不是同一个', '序', '科协办发'],
  ])('%s → %s', (q, section, word) => {
    const r = ask(q)
    expect(r.sources.map((s) => s.section)).toContain(section)
    expect(r.answer).toContain(word)
  })

  it('a point the plan gives comes first, with what the plan leaves open said after it', () => {
    const r = ask('一年至少得去高校多少趟？我们家离得远，路费能报吗')
    expect(r.answer).toContain('10次')
    expect(r.answer).toContain('没有规定')
    expect(r.answer).toContain('0771-2809218')
  })

  it('our school named with 我们/我校 is the school, not the student', () => {
    for (const q of ['我们学校在这个项目里主要负责什么', '我校作为参与中学要做哪些工作']) {
      const r = ask(q)
      expect(
        r.sources.map((s) => s.section),
        q,
      ).toContain('八（四）')
      expect(r.answer, q).toContain('宣传')
    }
    expect(ask('我校作为参与中学要做哪些工作').answer).toContain('科研技能')
  })
})

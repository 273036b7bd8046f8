import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe("a school's or another party's duty asked formally", () => {
  it('a school asked about following up its students gets the tracking duty, not the conditions to apply', () => {
    const r = ask('方案在参与中学对培养学生的后续追踪上有什么规定？')
    expect(r.answer).toMatch(/追踪|跟踪/)
    expect(r.answer).toContain('全部')
    expect(r.answer).not.toContain('前15%')
  })
  it('asked whom a school must keep in contact with, names the parties', () => {
    const r = ask('中学应当和哪些机构建立沟通机制？')
    expect(r.answer).toContain('导师团队')
    expect(r.answer).toContain('管理办公室')
    expect(r.answer).toMatch(/科协|青少年科技教育工作机构/)
  })
  it('what the participating units do for former students, and to what end', () => {
    const r = ask('针对往届学生，相关单位需要组织他们做些什么？')
    expect(r.answer).toMatch(/认同感|归属感/)
  })
  it('whether a school must make the programme public is the demonstration article', () => {
    const r = ask('参与的中学需不需要对外公布培养成效？')
    expect(r.answer).toContain('向社会公布')
  })
})

describe('a party asked about several stages at once', () => {
  it('gives its facts of every stage, not only the first stage named', () => {
    const r = ask('各市科协在审核环节和培养开始时分别要做什么？')
    expect(r.answer).toContain('见面会')
    expect(r.answer).toMatch(/审核|审查/)
  })
})

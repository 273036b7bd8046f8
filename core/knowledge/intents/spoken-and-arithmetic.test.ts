import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

describe('spoken Chinese: counts, dialect asks, slips', () => {
  it('去了3回，还要几趟 → visits still needed', () => {
    expect(ask('娃去了桂师3回了 还要跑几趟才够').answer).toContain('至少还要7次')
  })
  it('一回事 stays a phrase, not a count', () => {
    expect(ask('这个和全国的英才计划是一回事不').answer).toMatch(/^两者不是同一个项目/)
  })
  it('得不得行 asks whether the student may apply', () => {
    expect(ask('西乡塘区高一 化学年级前12% 得不得行').answer).toMatch(/^结论：按方案的报名条件，可以报名/)
  })
  it('一共好多个 at the end of an ask is how many; 有没有南宁多 compares with the sum', () => {
    const r = ask('桂林柳州两个市一共好多个 有没有南宁多')
    expect(r.answer).toContain('一共30名')
    expect(r.answer).toContain('两者相同')
  })
  it('图个啥 asks what the program is for, whatever the context says about universities', () => {
    expect(ask('娃要去大学做实验 搞这个到底图个啥').answer).toContain('目的和意义')
  })
  it('公式完了 is read as 公示完了', () => {
    expect(ask('公式完了然后呢').answer).toContain('公布入选学生名单')
  })
  it('明年3月 is not a later year when the cohort has nothing then, 明年2月 is the cohort’s February', () => {
    expect(ask('明年2月要干嘛').answer).toContain('中期评价')
    expect(ask('明年的报名什么时候').intent).toBe('not_in_document')
  })
})

describe('arithmetic the asker sets up', () => {
  it.each([
    ['要是11月1日开始公示5个工作日，最后一天是几号', '2023年11月7日结束'],
    ['年度评价截止在培养周期的第几个月', '是第12个月'],
    ['学校10月26号才交推荐材料，是不是晚了', '晚了2天'],
    ['学校10月20日交推荐材料算不算超过截止', '没有超过'],
    ['南宁桂林名额合计占全部的比例是多少', '占三市合计60名的75%'],
    ['如果每个月去两次大学，一年下来够不够次数', '共计24次，满足'],
    ['我们年级有800人，单科要排前多少名', '前120名以内'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

describe('the point asked, not a neighbour', () => {
  it('a team member with a master’s degree and a middle title → in principle not, with the rule', () => {
    const r = ask('请问导师可以让一位助理研究员（硕士）担任导师团队成员吗')
    expect(r.answer).toContain('原则上不符合团队成员的要求')
    expect(r.answer).toContain('博士学位或副高以上职称')
  })
  it('other signatures on the form → open, with the office', () => {
    const r = ask('申请表要不要家长签字')
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toContain('2809218')
  })
  it.each([
    ['大学对我们中学指导老师有没有培训', '专项培训'],
    ['中学要给学生指定什么样的老师', '学科教师'],
    ['学生是真正参与研究还是打打杂', '实质性参与'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

describe('h10’s classes, in other words', () => {
  it.each([
    ['一个月克两次大学够不够', '共计24次，满足'],
    ['孩子色弱有冇体检要求', '身体条件或体检要求'],
    ['国家那个科协办的英才计划几时开始报', '不是八桂青少年英才培养计划的内容'],
    ['要是公示从2023年11月1日起算5个工作日，中间没有节假日，应到哪天为止', '2023年11月7日结束'],
    ['指导学生的中学老师，这项工作在考核上怎么认定', '工作量'],
    ['资格审核分哪两级', '自治区级审核'],
    ['浙江省的青少年科技后备人才计划有哪些高校参加', '不是八桂青少年英才培养计划的内容'],
    ['柳州的名额是否面向所辖的县', '下辖的县、县级市和各城区的学校都在范围内'],
    ['确定研究方向之后的下一个节点是什么', '中期评价'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it('a school handing the form to the city is the school’s step', () => {
    expect(ask('1.学校向市级科协提交申请表的截止日；2.市级科协报管办的截止日').answer).toMatch(/^学校推荐的截止时间/)
  })
  it('a lecturer taken into a mentor’s team, asked without the word 导师 as a role', () => {
    expect(ask('王老师想把一名讲师纳入培养团队，符合要求吗').answer).toContain('原则上不符合团队成员的要求')
  })
})

describe('the step after one, and the party asked about', () => {
  it('名单公布后的第一项活动 → the meeting, with its month', () => {
    const r = ask('名单公布以后，第一个要参加的活动是什么？在几月？')
    expect(r.answer).toContain('师生见面会')
    expect(r.answer).toContain('11月')
  })
  it('高校在导师方面的职责 → the universities’ duties (推荐导师人选), not the mentors’', () => {
    expect(ask('参与高校在导师方面要做什么').answer).toMatch(/^参与高校负责推荐导师人选/)
  })
  it('是不是研究生带 → the mentor’s team and its rule', () => {
    expect(ask('导师会不会让研究生师姐来带').answer).toContain('博士学位或副高以上职称')
  })
})

describe('h11’s classes, in other words', () => {
  it.each([
    ['临桂区高一 数学前10% 得不得报', '结论：按方案的报名条件，可以报名'],
    ['桂琳高二 综合年级前15% 能报不', '桂林市'],
    ['外孙女在南宁读高中，化学前8%，读高几我忘记了，能报这个不', '还需要确认几项信息'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it.each([
    ['柳州市科协：我市名额与桂林是否一样？比南宁少几名？', '两市名额一样多'],
    ['南宁桂林加起来是不是比柳州多', '与柳州市的15名相比，多30名'],
    ['1.学校推荐何时截止？2.该时限比市级审核截止早几天？', '相差3天'],
    ['从开始培养到年度评价截止一共约几个月', '约12个月'],
    ['参加完见面会后，下一个时间节点是什么', '确定研究方向和选题'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
  it('whether each university serves one city → open', () => {
    expect(ask('桂林的学生是不是固定由桂师培养').intent).toBe('not_in_document')
  })
})

describe('h12’s classes, in other words', () => {
  it.each([
    ['假定公示从2023年11月6日开始，哪一天公示期满', '2023年11月10日结束'],
    ['南宁和柳州加一起是不是还没桂林多', '与桂林市的15名相比，多30名'],
    ['三市平均每个市几个名额', '平均每市20名'],
    ['中学会不会派老师跟着管', '指导教师'],
    ['对中学指导教师，大学方面有什么安排', '专项培训'],
  ])('%s → %s', (q, expected) => {
    expect(ask(q).answer).toContain(expected)
  })
})

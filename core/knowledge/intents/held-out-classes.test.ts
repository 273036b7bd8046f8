import { describe, expect, it } from 'vitest'
import { ask } from '../../../test/helpers/qa'

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
  it('reads 卡线上/压线上 as exactly on the bound, not as taking part online', () => {
    for (const q of ['化学正好年级前15%，压线上了，算吗', '综合前20% 踩线上 行不行']) {
      const r = ask(q)
      expect(r.answer, q).not.toContain('线上参加')
      expect(r.answer, q).toMatch(/也算|符合/)
    }
  })
})

describe('a topic before a numbered list of asks is the topic of each', () => {
  it('each item is answered about the topic, none dropped for a neighbouring article', () => {
    const r = ask('关于中期评价，请说明：1. 截止时间；2. 组织者；3. 由谁评价。')
    expect(r.answer).toContain('2024年2月')
    expect(r.answer).toContain('管理办公室')
    expect(r.answer).toContain('导师团队')
    expect(r.answer).not.toContain('10月24日')
  })
  it('a retrieval part that only repeats what was said adds no neighbouring facts', () => {
    const r = ask('关于见面会：1.什么时候开；2.谁来组织；3.哪些人参加')
    expect(r.answer).toContain('家长')
    expect(r.answer).toMatch(/科协|青少年科技教育工作机构/)
    expect(r.answer).not.toContain('中期评价')
  })
})

describe('framing words are not a qualifier the plan is silent on', () => {
  it.each([
    '本校位于柳州市柳城县，县城中学的高二学生属于遴选对象吗？',
    '我们学校坐落在南宁市马山县，县域学校的高一学生在遴选范围内吗？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.answer).not.toContain('没有提到')
    expect(r.answer).toContain('县')
  })
})

describe('activities besides the named ones', () => {
  it('asked for other activities than lab work, gives the exchanges first', () => {
    const r = ask('培养期间除了跟导师做研究，还能参加什么活动？')
    expect(r.answer).toMatch(/学术会议|论坛|科学营|交流会/)
  })
})

describe('several asks in one unpunctuated voice message', () => {
  it('each ask is answered', () => {
    const r = ask(
      '你好我女儿在桂林十八中读高二然后班主任说有个什么英才计划我想问一下桂林一共选几个人然后什么时候出名单',
    )
    expect(r.answer).toMatch(/15名/)
    expect(r.answer).toMatch(/公示/)
  })
})

describe('who runs the program, asked colloquially', () => {
  it.each([
    '这个英才计划是哪个部门搞的啊',
    '谁牵头的这个项目😂',
    '主办方是谁呀',
    '八桂英才到底是哪个单位在办的，靠谱不',
    '请问本计划由哪些单位主办、哪些单位承办？',
  ])('%s names the organisers', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('自治区科协')
    expect(r.answer).toContain('教育厅')
    expect(r.answer).not.toContain('二十大')
  })
})

describe('where schools are encouraged to find students', () => {
  it.each([
    '学校一般从哪里找学生推荐啊',
    '候选学生主要从哪些群体中产生？',
    '推荐的学生一般从哪来',
    '老师会从啥班里挑人 实验班吗🤔',
    '方案鼓励中学从哪些学生群体中选拔推荐对象？',
  ])('%s gives the groups of 四（二）2（4）', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('兴趣小组')
    expect(r.answer).not.toContain('没有提到')
  })
})

describe('the score and ranking conditions, asked formally', () => {
  it.each([
    '请问对学生的学业水平有何要求？',
    '学业成绩需达到什么标准',
    '综合排名要求是多少',
    '申报学生的成绩条件具体如何规定？',
    '学科成绩排名需满足什么条件',
  ])('%s gives both bounds', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('15%')
    expect(r.answer).toContain('20%')
  })
})

describe('what mentors do and assign', () => {
  it.each([
    '导师的职责是什么',
    '导帅平时都干些啥',
    '导师会给娃布置啥任务 要读书吗',
    '请问高校导师在培养过程中承担哪些工作？',
    '导师团队负责什么',
  ])('%s says what the mentor does', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('阅读书目')
    expect(r.answer).toContain('课题')
    expect(r.answer).not.toContain('参与中学的职责')
  })
  it('a research project is what a mentor guides, not a gap', () => {
    const r = ask('导师会不会布置课题')
    expect(r.answer).toContain('课题研究')
    expect(r.answer).not.toContain('没有提到')
  })
})

describe('to whom a research direction is reported (报备 is 备案)', () => {
  it.each([
    '选题要报备吗 报备给谁',
    '研究方向定了之后要报给谁',
    '课题定下来要交到哪里备案',
    '研究方向确定后应向何单位报备？',
    '孩子的研究方向要不要跟管办报备一下',
  ])('%s names the office', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('管理办公室备案')
    expect(r.answer).not.toContain('10月24日')
    expect(r.answer.startsWith('报名')).toBe(false)
  })
})

describe("the universities' duties toward school teachers", () => {
  it.each([
    '高校对中学教师有什么培训',
    '高校要给中学老师做什么',
    '大学和中学老师之间有交流吗',
    '请问参与高校对中学指导教师承担哪些职责？',
    '中学老师能得到大学的啥支持😅',
  ])('%s: the special training leads', (q) => {
    const r = ask(q)
    expect(r.answer).toContain('专项培训')
    expect(r.answer.indexOf('专项培训')).toBeLessThan(80)
  })
  it('asked when the training is, says the plan gives no date', () => {
    const r = ask('中学指导教师的专项培训什么时候举办')
    expect(r.answer).toContain('专项培训')
    expect(r.answer).toContain('0771-2809218')
  })
})
describe('what follows the public notice', () => {
  it.each(['公示之后呢', '公示完了干嘛', '名单出来以后下一步是什么', '结果公布了然后呢', '公示期满后还有哪些环节？'])(
    '%s: the list is published, then the meeting',
    (q) => {
      const r = ask(q)
      expect(r.answer).toContain('公布')
      expect(r.answer).toContain('见面会')
      expect(r.answer).not.toContain('10月24日')
    },
  )
  it('what follows the meeting is the research direction', () => {
    expect(ask('见面会之后干嘛').answer).toContain('研究方向')
  })
})

describe('parents in the lab and other points the plan does not address', () => {
  it.each([
    '家长可以陪孩子进实验室吗',
    '家长能不能跟着去大学旁听',
    '进实验室家长能陪同不',
    '请问学生赴高校实验室时，家长可否入内陪同？',
  ])('%s: not specified, with the office', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('not_in_document')
    expect(r.answer).toMatch(/没有规定|没有提到/)
    expect(r.answer).toContain('0771-2809218')
  })
  it('parents at the meeting are in the plan', () => {
    expect(ask('见面会家长要参加吗').answer).toContain('家长')
  })
})
describe('events and programs elsewhere are out of scope', () => {
  it.each([
    '全国科普日是哪天',
    '今年全国科普日有什么活动',
    '科技活动周在哪举办',
    '强基计划什么时候报名',
    '强基计划和这个有关系吗',
    '请问广东省青少年科技创新后备人才培养计划的申报条件？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.intent).toBe('out_of_scope')
    expect(r.answer).toContain('八桂青少年英才培养计划')
    expect(r.answer).not.toMatch(/20(23|24)年\d{1,2}月/)
  })
  it('whether taking part helps with 强基 is a point the plan leaves open', () => {
    expect(ask('参加这个对强基计划有帮助吗').answer).toContain('0771-2809218')
  })
})
describe("a city's liaison, asked colloquially", () => {
  it.each([
    ['柳州那边找谁', '覃佩娟'],
    ['桂林那边有啥联系方式没😊', '0773-2819313'],
    ['阳朔的孩子有问题找谁', '张逢芳'],
    ['横州那边咨询打哪个电话', '0771-5828180'],
    ['请提供南宁市青少年科技教育工作机构的联系人及电话。', '戴溦'],
  ])('%s → %s', (q, want) => expect(ask(q).answer).toContain(want))
  it.each(['梧州的联系人电话', '北海那边找谁', '钦州市科协电话多少', '百色那边问谁', '贵港的老师找谁报名'])(
    '%s: outside the program, with the office',
    (q) => {
      const r = ask(q)
      expect(r.answer).toContain('不在本计划的实施城市')
      expect(r.answer).toContain('0771-2809218')
    },
  )
})

describe("every Guangxi city's liaison", () => {
  it.each(['南宁', '柳州', '桂林'])('%s那边找谁 gives that city’s person', (city) => {
    expect(ask(`${city}那边找谁`).answer).toContain(`${city}市青少年科技教育工作机构的联系人`)
  })
  it.each(['梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左'])(
    '%s那边联系谁 says the city is outside, with the office',
    (city) => {
      const r = ask(`${city}那边联系谁`)
      expect(r.answer).toContain(`${city}市不在本计划的实施城市`)
      expect(r.answer).toContain('0771-2809218')
    },
  )
})

describe('a patent not yet granted is not a priority condition', () => {
  it.each([
    '南宁高一，物理前10%，有个发明专利在审，能优先吗',
    '柳州高二 数学年级前5% 专利已受理 能优先推荐不',
    '孩子桂林读高一，综合排名前15%，有一个实用新型专利申请中，可以优先吗🙏',
    '南宁高一物理前12%有个专利已经受理了能不能报能不能优先',
    '请问：本校（柳州市）高二学生，数学成绩年级前10%，其发明专利已获受理但尚未授权，可否作为优先推荐对象？',
  ])('%s', (q) => {
    const r = ask(q)
    expect(r.eligibility).toEqual({ verdict: 'eligible', priority: false })
    expect(r.answer).toContain('尚未授权')
  })
})

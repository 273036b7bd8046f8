import { describe, expect, it } from 'vitest'
import { extractProfile } from '../../../core/rules/extract-profile'
import { ask, hasEach, LATE, within } from '../../../test/helpers/qa'
import { contextOf } from '../context'
import { correctHomophones } from '../homophones'
import { coordinatedList, messageAsks } from '../message'
import { normaliseText } from '../normalise'
import { program } from '../../../test/helpers/qa'

describe('messages cut into their asks', () => {
  it('能报不 before a comma is an ask, and an emoji before the comma reads as nothing', () => {
    const asks = messageAsks(normaliseText('娃在南宁读高三了还能报不🙏，另外南宁这次一共招几个人啊'))
    expect(asks.map((a) => a.ask)).toHaveLength(2)
    const a = ask('娃在南宁读高三了还能报不🙏 另外南宁这次一共招几个人啊')
    expect(a.eligibility?.verdict).toBe('ineligible')
    hasEach(a.answer, [['高三'], ['30名']])
  })
  it('a claim put with 对吧 is confirmed, and the ask after it answered too', () => {
    const a = ask('中期评价是2024年2月底前对吧，那年2月底是28号还是29号啊？我同学说那年是闰年', LATE)
    hasEach(a.answer, [['对'], ['29日']])
  })
  it('a supposition ending in 吧 still leads up to the ask after it', () => {
    expect(messageAsks(normaliseText('以前河池归柳州那边管吧，能不能算柳州的'))).toHaveLength(1)
  })
  it('a comma inside brackets cuts no ask', () => {
    const q =
      '请计算：自市级审核截止日（2023年10月27日）至中期评价截止日（2024年2月底）共计多少天（不含起始日，含截止日）？'
    expect(messageAsks(normaliseText(q))).toHaveLength(1)
    expect(ask(q).answer).toContain('125天')
  })
  it('请明确 A、B及C: three requested things, three answers', () => {
    expect(coordinatedList('请明确本计划的主办单位、承办单位及管理办公室日常工作承担单位。')).toHaveLength(3)
    const a = ask('市科协咨询：请明确本计划的主办单位、承办单位及管理办公室日常工作承担单位。')
    hasEach(a.answer, [['教育厅'], ['科技馆'], ['青少年科技中心']])
  })
  it('a person’s name and phone are one thing; 以及 adds a requested thing', () => {
    expect(coordinatedList('请提供管理办公室联系人姓名及电话，')).toBeUndefined()
    const a = ask('南宁市科协关于对接事宜：请提供管理办公室联系人姓名及电话，以及本计划的承办单位。')
    hasEach(a.answer, [['0771-2809218'], ['科技馆']])
    expect(a.answer.indexOf('2809218')).toBeLessThan(a.answer.indexOf('科技馆'))
    expect(a.answer).not.toContain('戴溦')
    within(a.answer)
  })
  it('往届的娃还有后续活动没 asks, and is answered with the tracking of former students', () => {
    expect(ask('听说一年结束了就没人管了？往届的娃还有后续活动没').answer).toMatch(/往届|英才库/)
  })
})

describe('sound-alike slips that overlap', () => {
  const ctx = contextOf(program)
  it('the longer program word wins (成长日治是 → 成长日志是, not 成长日只是)', () => {
    expect(correctHomophones('成长日治是啥子东西哦', ctx.homophones)).toBe('成长日志是啥子东西哦')
  })
  it('起至 is not read as 起止', () => {
    expect(correctHomophones('自该日次日起至市级审核截止日', ctx.homophones)).toContain('起至')
  })
})

describe('arithmetic over the plan', () => {
  it('working days after a given day up to a step’s day', () => {
    const a = ask('经查2023年10月24日为星期二。请计算自该日次日起至市级审核报送截止日（含当日）共有几个工作日。')
    expect(a.answer).toContain('3个工作日')
  })
  it('working days between two days said outright count both ends', () => {
    expect(ask('从10月25日到10月27日有几个工作日').answer).toContain('3个工作日')
  })
  it('the counts of cities, universities and subjects added up', () => {
    const a = ask('请计算：实施城市数、实施高校数与方案所列学科数三者之和。')
    expect(a.answer).toContain('=11')
    expect(ask('请统计：本计划涉及实施城市几个、实施高校几所？学科范围列举了几个学科？').answer).toContain('5个学科')
  })
  it('the months from the training’s start to a step, asked as 已进行几个月', () => {
    const a = ask('培养周期自2023年10月起至2024年9月止，共计多少个月？至中期评价截止时约已进行几个月？')
    hasEach(a.answer, [['12个月'], ['5个月']])
    expect(a.answer).not.toContain('名额')
  })
  it('visits for the number of students the message gives', () => {
    expect(ask('我校今年入选3名学生，按方案规定的最低到校次数，培养周期内合计最少到校多少人次？').answer).toContain(
      '30人次',
    )
  })
})

describe('statements about the quotas are checked against them', () => {
  it.each([
    ['请核对：本年度三个实施城市合计遴选学生60名，其中南宁市占一半，是否准确？', '正确'],
    ['柳州有20个名额对吧', '不正确'],
    ['据了解南宁30名、桂林15名，合计60名，是否准确', '正确'],
  ])('%s → %s', (q, verdict) => {
    const a = ask(q)
    expect(a.answer.startsWith(verdict)).toBe(true)
    expect(a.answer).toContain('南宁市30名')
  })
})

describe('what the plan leaves open, and what it does say', () => {
  it('which five contests, and whether 信息学 is one, is open; the priority rule is said', () => {
    const a = ask('听说五项学科竞赛拿奖能优先，五项是哪五项啊？信息学算不算')
    hasEach(a.answer, [['没有规定'], ['自治区级']])
  })
  it('计算机也算吗 of the subjects is the subject list, not the contests', () => {
    expect(ask('计算机也算吗？我是搞信息学竞赛的，还以为只有数理化生').answer).toContain('计算机')
  })
  it('privacy of the talent pool is open, after what the pool is', () => {
    const a = ask('英材库是个啥 娃的资料会被放进去吗？会不会泄露隐私')
    hasEach(a.answer, [['英才库'], ['没有规定']])
  })
  it('a program year other than the cohort’s is another plan', () => {
    expect(ask('请问2024年度实施城市是否扩大至百色、梧州等市？').intent).toBe('not_in_document')
    expect(ask('2024年的中期评价什么时候').intent).toBe('deadline')
  })
  it('choosing exam subjects is out of scope', () => {
    expect(ask('高二选科物化生和物化地哪个好啊 求建议🙏').intent).toBe('out_of_scope')
  })
  it('an experience asked to count in the selection is the schools’ pools, with no word of it called missing', () => {
    const a = ask('娃在学校科技社团待了两年，天天捣鼓小发明，这种经历学校选人的时候有用吗')
    expect(a.answer).toContain('科技创新工作室')
    expect(a.answer).not.toContain('没有提到')
  })
  it('the labs open to students, with no word of who may apply', () => {
    const a = ask('大学实验室平时能让我们进去吗，还是只有导师安排的时候')
    expect(a.answer).toContain('开放实验室')
    expect(a.answer).not.toContain('不是只有这些学生才能报')
  })
})

describe('profiles read more exactly', () => {
  it.each([
    [
      '桂林中学咨询：高二学生陈某，综合成绩年级第110名（年级共500人），最好的单科为物理，位列年级前18%，是否符合遴选条件？',
      { subjectRankPercent: 18, overallRankPercent: 22 },
    ],
    ['湖南省永州市某中学高二学生（户籍桂林全州），化学单科年级前3%，可否报名本计划？', { city: '湖南省永州' }],
    ['我们是桂林灵川县的，县里的高中也能报吗，还是只限桂林市区', { city: '灵川县' }],
  ])('%s', (q, fields) => {
    expect(extractProfile(q).profile).toMatchObject(fields)
  })
  it('the verdicts follow', () => {
    expect(
      ask('湖南省永州市某中学高二学生（户籍桂林全州），化学单科年级前3%，可否报名本计划？').eligibility?.verdict,
    ).toBe('ineligible')
    expect(ask('宾阳高二，生物第30名一共200人，总分第50名/200人，能上不').eligibility?.verdict).toBe('eligible')
    expect(ask('我们是桂林灵川县的，县里的高中也能报吗，还是只限桂林市区').answer).toContain('辖区内的县')
  })
})

describe('how to apply, asked bare', () => {
  it.each(['这个怎么报', '咋报名啊？', '请问怎么申请'])('%s → through the school, with the contacts', (q) => {
    const a = ask(q)
    expect(a.intent).toBe('process')
    hasEach(a.answer, [['中学'], ['0771-2809218']])
  })
})

describe('round two: asks to apply, claims with a day, rules stated, mentors', () => {
  it.each([
    ['叠彩区高一，物理年级前16%，总分前21%，差一点点，能不能通融', 'ineligible'],
    ['柳江高二，数学年级前14.9%，刚刚好卡进去吧？', 'eligible'],
    ['南宁市第二中学拟推荐高一（3）班李明同学：数学学科年级第12名（年级共480人），请问是否符合遴选条件？', 'eligible'],
    [
      '百色高级中学拟推荐高二学生：全国中学生物理竞赛（广西赛区）一等奖，物理年级第2名（共600人），请问可否申报？',
      'ineligible',
    ],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('the day of a month’s end asked in a claim', () => {
    expect(ask('请确认：中期评价须于“2024年2月底前”完成，该截止日具体为几月几日？').answer).toContain('2月29日')
  })
  it.each([
    ['请确认：学生须同时满足相应学科成绩年级前15%与综合成绩年级前20%两项条件方可报名。', '不正确'],
    ['请确认：学生只要满足学科前15%或综合前20%其中一项即可报名，是否准确', '正确'],
  ])('an either-or rule stated: %s → %s', (q, verdict) => {
    const a = ask(q)
    expect(a.answer).toContain(verdict)
    expect(a.answer).toContain('满足其一')
    expect(a.eligibility).toBeUndefined()
  })
  it('a listed mentor kind and a team member judged together', () => {
    const a = ask(
      '广西师范大学物理科学与技术学院关于八桂英才计划导师推荐的咨询：本院拟推荐一名省级教学名师担任导师，并由一名具有博士学位但职称为讲师的青年教师作为培养团队成员，请问二者是否符合方案规定的条件？',
    )
    hasEach(a.answer, [['省级教学名师'], ['符合团队成员']])
  })
  it('choosing one’s mentor is open', () => {
    const a = ask('娃特别崇拜广西大学的一个教授，能不能自己指定让他当导师？')
    hasEach(a.answer, [['没有规定'], ['2809218']])
  })
  it('which university trains a city’s students is open', () => {
    expect(ask('方案是否明确南宁市入选学员由哪一所实施高校负责培养？').intent).toBe('not_in_document')
  })
  it('hearsay asked to be true is answered as the open topic it raises', () => {
    const a = ask('听说入选了有奖学金，一个月几百块，是真的不😍')
    hasEach(a.answer, [['没有规定'], ['2809218']])
  })
  it('the research topic is chosen together', () => {
    expect(ask('孩子研究啥课题是老师直接定还是孩子可以自己选啊').answer).toContain('共同确定')
  })
  it.each([
    ['柳州和桂林的名额加起来有南宁多吗？', '两者相同'],
    ['请确认：柳州市、桂林市名额合计与南宁市名额相同。', '柳州市15名'],
    ['南宁有柳州的两倍多吗', '2倍'],
    ['请计算：学校推荐截止日与市级科协向管理办公室报送截止日之间相隔几个自然日？', '3天'],
  ])('%s', (q, said) => {
    expect(ask(q).answer).toContain(said)
  })
  it.each(['请提供一份高二物理“电磁感应”单元的教学设计方案。', '请介绍全国青少年科技创新大赛的评审规则及申报流程。'])(
    'out of scope: %s',
    (q) => {
      const a = ask(q)
      expect(a.intent).toBe('out_of_scope')
      expect(a.answer).not.toMatch(/2023年10月/)
    },
  )
})

describe('round three: a teacher asking for the school, evaluations, counts of the plan', () => {
  it('我系班主任…我们中学要干些啥: the schools’ duties, with no word of the documents', () => {
    const a = ask('我系班主任，领导直接甩了个文件给我让我负责这个👀 我们中学这边到底要干些啥？')
    hasEach(a.answer, [['宣传发动'], ['推荐']])
    expect(a.answer).not.toContain('科协办发')
  })
  it('参与中学有哪些职责 asks duties, not which schools take part', () => {
    expect(ask('参与中学有哪些职责').answer).toContain('宣传发动')
    expect(ask('参与中学有哪些').intent).toBe('not_in_document')
  })
  it.each(['两次评价分别什么时候截止', '请列明培养周期内两个学生评价节点的截止时间。'])(
    '%s → both evaluations',
    (q) => {
      hasEach(ask(q).answer, [['2024年2月底'], ['2024年9月底']])
    },
  )
  it('the ratio of a sum to a city’s places', () => {
    expect(ask('请计算柳州、桂林两市选拔名额合计，及其与南宁市名额之比。').answer).toContain('1:1')
  })
  it('the plan’s phone numbers counted by area code', () => {
    expect(ask('方案所列四个联系电话中，区号为0771的共有几个？').answer).toContain('有2个')
  })
  it('the months of the training asked in the next ask', () => {
    expect(ask('学生培养周期自何时起至何时止？共计几个月？').answer).toContain('12个月')
  })
  it('books in general are out of scope; the mentors’ reading lists are not', () => {
    expect(ask('请推荐几本适合高中生阅读的量子力学入门书籍。').intent).toBe('out_of_scope')
    expect(ask('导师会推荐几本书给孩子读吗').answer).toContain('指定阅读书目')
  })
  it('hearsay that the school’s recommendation decides is met with the mentors’ selection', () => {
    const a = ask('听说入选就是看学校推荐，学校推了就定了，不用导师再挑？')
    expect(a.answer).toContain('导师遴选')
    expect(a.answer).not.toContain('没有提到')
  })
})

describe('round four: where a county belongs, and asks found trying it as a new user', () => {
  it.each([
    ['宾阳县的学生归南宁管吗', '宾阳县属于南宁市', '遴选范围内'],
    ['灵川县是柳州的吗', '不属于柳州市', '桂林市是本计划的实施城市'],
    ['柳江属于哪个市', '柳江区属于柳州市', '遴选范围内'],
    ['合浦县是不是北海的', '合浦县属于北海市', '不在本计划的实施城市之内'],
  ])('%s', (q, first, second) => {
    hasEach(ask(q).answer, [[first], [second]])
  })
  it('a county named with an event held in its city is no question of where it belongs', () => {
    expect(ask('阳朔中学的见面会是不是在桂林开').answer).not.toContain('阳朔县属于桂林市')
  })
  it.each([
    ['请问市级科协审核完之后交到哪里', '管理办公室'],
    ['学生退出后名额会补吗', '没有规定'],
    ['管理办公室设在哪个单位', '广西青少年科技中心'],
    ['导师团队谁来组建', '每位导师再组建培养团队'],
    ['方案要求参与高校提供哪些保障', '保障'],
  ])('%s', (q, said) => {
    const a = ask(q)
    expect(a.answer).toContain(said)
    expect(a.answer).not.toContain('关于具体地点')
  })
})

describe('round five: days said without a month, working days asked every way, exits and contacts', () => {
  it.each([
    ['学校24号交，市里27号前交上去，那中间市里就只审几天？', '3天'],
    ['学校是24号前交表，市里27号前要报上去，两个截止日相差几天？怕来不及补材料', '3天'],
    [
      '学校推荐截止为2023年10月24日（周二），市级审核截止为10月27日（周五）。自10月24日次日起至10月27日止，市科协可用于审核的工作日为几个？',
      '3个工作日',
    ],
    ['学校推荐截止日（2023年10月24日）为星期几？其与市级科协报送截止日之间相隔几个工作日？', '3个工作日'],
    ['我校高一年级共480人，按相应学科成绩年级前15%的条件，学科排名在第几名以内的学生符合要求？', '前72名'],
  ])('%s', (q, said) => {
    expect(ask(q).answer).toContain(said)
  })
  it('日止 is no slip for 日志', () => {
    expect(correctHomophones('至10月27日止', contextOf(program).homophones)).toBe('至10月27日止')
  })
  it('leaving midway is open, with what the plan says of leaving', () => {
    const a = ask('万一孩子中途跟不上或者不适合继续搞了咋办，能退出吗')
    hasEach(a.answer, [['退出'], ['没有规定']])
  })
  it('a contact asked by surname for the full name', () => {
    expect(ask('柳州那边管这个的是覃老师吧，全名叫啥来着').answer).toContain('覃佩娟')
  })
  it('the document number of the basis, under a long header', () => {
    expect(
      ask('关于2023年八桂英才计划实施方案的咨询：请问该方案依据的中国科协办公厅、教育部办公厅通知文号是多少？').answer,
    ).toContain('37号')
  })
  it.each([
    '我单位拟申报自治区级科普基地，请问申报条件有哪些？',
    '请问申报自治区级科普基地需要提交哪些材料？',
    '请提供全国中学生物理竞赛复赛的具体日程安排。',
  ])('out of scope: %s', (q) => {
    const a = ask(q)
    expect(a.intent).toBe('out_of_scope')
    expect(a.answer).not.toMatch(/2023年10月/)
  })
  it('a statement of several clauses is set against each clause’s article', () => {
    const a = ask(
      '请确认以下表述：资格审核分市级与自治区级两级；自治区级审核由管理办公室负责，审核通过者确定为遴选候选人。',
    )
    hasEach(a.answer, [['市级'], ['自治区级'], ['候选人']])
    expect(a.answer).not.toContain('不正确')
  })
  it('which university a city’s students go to is open', () => {
    expect(ask('我们在桂林，娃要是选上了是去广西师大上课吧？还是要跑南宁那边的大学').intent).toBe('not_in_document')
  })
  it('a county’s schools asked to count are said to count', () => {
    const a = ask('我们是县里的高中，归桂林管的，县城学校的学生能报不？还是只要市区的')
    expect(a.answer).toContain('不限于市区')
  })
})

describe('round six: found by trying it as a family would', () => {
  it.each([
    ['南宁二中今年推荐了几个', '每所学校能推荐多少名学生'],
    ['能不能多报几个学科', '同时申请两个或多个学科'],
    ['八桂英才计划今年还搞吗', '是否继续举办'],
  ])('%s → the open topic', (q, label) => {
    const a = ask(q, LATE)
    expect(a.intent).toBe('not_in_document')
    expect(a.answer).toContain(label)
  })
  it('落选了有通知吗 is how the outcome is learnt, not the document the plan rests on', () => {
    const a = ask('落选了有通知吗')
    expect(a.answer).toContain('公示')
    expect(a.answer).not.toContain('科协办发')
  })
  it('今年 with a quota is still this plan’s quota', () => {
    expect(ask('今年南宁招多少人', LATE).answer).toContain('30名')
  })
})

describe('round seven: dialect, stages, who still looks after the student', () => {
  it('初中 awards count, said without the words of the hearsay', () => {
    const a = ask('听说初中拿的奖不算数了？只认高中的？')
    expect(a.answer).toContain('初中')
    expect(a.answer).not.toContain('只认高中')
  })
  it('奖状 is open, with the commendation the plan does name', () => {
    hasEach(ask('搞完一年有冇奖状表扬啊').answer, [['没有规定'], ['表彰']])
  })
  it.each([
    ['娃年级600人 单科前15%系前几多名？综合20%又系几多', ['前90名', '前120名']],
    ['我校高二年级共480人，请按方案成绩条件分别折算单科、综合排名符合条件的名次上限。', ['前72名', '前96名']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q).answer,
      said.map((s) => [s]),
    )
  })
  it('the school asked of before the university', () => {
    const a = ask('娃入选之后学校这边还管不管 还是全丢给大学')
    expect(a.answer.indexOf('中学')).toBeLessThan(a.answer.indexOf('高校'))
    expect(a.answer).toContain('指导教师')
  })
  it('after university, the tracking', () => {
    expect(ask('娃搞完这个上大学了 还有人跟进冇').answer).toContain('英才库')
  })
  it.each([
    ['宾阳 高二 综合前22% 化学前16% 初中拿过全国科创大赛二等奖 有得报冇', 'ineligible'],
    ['资源县某中学咨询：本校初三学生数学年级前1%，能否提前推荐？', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
})

describe('a claim of a step’s date and of who carries it out', () => {
  it('the date corrected, and the parties said from the step’s article', () => {
    const a = ask('请核实以下表述是否符合方案：“中期评价由各参与中学自行组织，于2024年3月底前完成。”')
    hasEach(a.answer, [['不对'], ['2月底'], ['管理办公室联合高校']])
    within(a.answer)
  })
})

describe('round eight: asks to apply said every way, steps passed, averages, statements of a party', () => {
  it.each([
    ['我们在贵港，娃高二😎 化学年级排名靠前，想去南宁参加这个英才计划可以吗', 'ineligible'],
    ['我家在湖南永州，离桂林很近🚄 娃高一数学年级前3%，能来桂林报这个不', 'ineligible'],
    ['娃在广州读高一，物理全年级前2%，暑假回桂林外婆家住，能在桂林报吗', 'ineligible'],
    [
      '百色市科协咨询：本市某高中高一学生，物理年级前3%，高中阶段获全国青少年科技创新大赛一等奖，能否纳入本期培养？',
      'ineligible',
    ],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a clause with 不 is no ask of its own (the 不\\1 of ASKING keeps its group)', () => {
    expect(messageAsks(normaliseText('我在南宁读高二，但不是本地户口，能报吗'))).toHaveLength(1)
  })
  it.each([
    ['班主任说10月底前交就行？我怕记错了😓 学校把材料交给市科协的截止是几号啊', ['不对', '10月24日']],
    ['老师说娃资格审核过了🎉 这是不是就稳了？还是要导师再挑一轮', ['还不算入选', '导师遴选']],
    [
      '我校拟于2023年10月20日（周五）完成校内初选。至提交市级科协的截止日，还剩几个工作日（不含10月20日当天）？',
      ['2个工作日'],
    ],
    [
      '经办人员测算需求：1.培养周期共计几个月？2.若学生培养周期内到校不少于10次，平均每月至少约几次？',
      ['12个月', '0.83'],
    ],
    [
      '本人为广西大学物理学院教授，拟担任导师，请问：1.导师由谁审定并颁发聘书？2.方案对学生到校次数及活动后记录有何要求？',
      ['颁发聘书', '10次', '成长日志'],
    ],
    [
      '桂林市科协拟定工作细则如下，请确认是否符合方案：“资格审核阶段，市级科协负责审核申报材料的真实性。”',
      ['不正确', '完整性'],
    ],
    ['听说导师都是院士？真的假的😳 院士会亲自带我家娃吗，还是有别的老师带', ['培养团队']],
    ['导师除了教做科研，还管别的不？比如娃的为人处世啥的', ['人格']],
    ['参与高校在扩大青少年创新人才覆盖面方面有何要求？', ['开放实验室']],
    ['这个英才计划是两年的吧？我高一进去是不是要一直搞到高三啊', ['一年']],
    ['听说最后是管理办公室直接挑人？还是看学校推荐的排名先后？到底谁定的', ['导师']],
    ['娃明年培养就结束了，结束以后还有人管吗？往届的学生还能参加活动不', ['往届']],
  ])('%s', (q, said) => {
    const a = ask(q, LATE)
    hasEach(
      a.answer,
      said.map((s) => [s]),
    )
  })
  it.each([
    '娃想报全国那个中国科协跟北大清华合作的英才计划，官网报名入口在哪',
    '请提供广西大学2024年硕士研究生招生简章要点。',
  ])('out of scope: %s', (q) => {
    expect(ask(q).intent).toBe('out_of_scope')
  })
})

describe('round nine', () => {
  it.each([
    ['每次去大学活动完了，是不是还要在网上交个啥日记？在哪里交', ['成长日志', '平台']],
    ['最后年度评价要交哪些东西？要写论文吗😭', ['课题报告', '小论文']],
    ['假设入选学生平均分配到三所实施高校，每所高校平均接收多少名学生？', ['20名', '没有规定']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q, LATE).answer,
      said.map((s) => [s]),
    )
  })
  it('最后年度 is no 后年', () => {
    expect(ask('最后年度评价要交哪些东西', LATE).intent).not.toBe('not_in_document')
  })
  it('going to a named university is the open assignment', () => {
    expect(ask('我们桂林的娃，是去广西师大吗？还是要跑南宁去😭').intent).toBe('not_in_document')
  })
})

describe('a program year named with 计划', () => {
  it('2024年度计划 is another year’s plan', () => {
    const a = ask('玉林市科协咨询：2024年度计划是否将扩大实施城市范围，纳入玉林市？', LATE)
    expect(a.intent).toBe('not_in_document')
    expect(a.answer).toContain('2809218')
  })
})

describe('round ten', () => {
  it.each([
    ['娃在广州读高一，户口还在南宁，数学年级前5%，能占南宁的名额报吗', 'ineligible'],
    ['武鸣的娃，高一，数学年级前20%，总分年级前25%，听说单科要前15%？是不是没戏了', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a line said as a rule (要前15%) is no rank of the student', () => {
    expect(extractProfile('数学年级前20%，听说单科要前15%').profile.subjectRankPercent).toBe(20)
  })
  it.each([
    ['我家娃有点偏科，担心跟不上。要是中途跟不上会不会被劝退啊？中期那个考和是咋搞的', ['汇报', '导师']],
    ['南宁市科协办公室咨询：请分别说明主办单位与管理办公室在“组织保障”中各自承担的职责。', ['监督实施', '有序开展']],
    ['广西师范大学物理科学与技术学院咨询：作为参与高校，我院在本计划中需承担哪些职责？请列要点。', ['推荐导师人选']],
    ['请核实：学校推荐材料的提交截止日2023年10月24日是星期几？', ['星期二']],
    ['请核对：方案所列联系人共几位？其中使用0771区号的有几位？', ['4位', '有2个']],
    ['请统计方案中实施城市数量、实施高校数量及明确列举的学科数量。', ['3个城市', '3所高校', '5个学科']],
    ['后续年度实施高校是否会扩展至桂林电子科技大学等其他高校？', ['没有规定', '2809218']],
    ['“八桂青少年英才库”的入库标准是什么？由哪个部门负责系统维护？', ['没有规定', '2809218']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q).answer,
      said.map((s) => [s]),
    )
  })
  it.each([
    '请问我校教师申报正高级职称需要满足哪些条件？',
    '中国科协“青少年科学调查体验活动”的报送截止时间是什么时候？',
  ])('out of scope: %s', (q) => {
    const a = ask(q)
    expect(a.intent).toBe('out_of_scope')
    expect(a.answer).not.toMatch(/2023年10月/)
  })
  it('评职称 asked of the program’s work stays in scope', () => {
    expect(ask('指导学生的工作对老师评职称有帮助吗').answer).toContain('职称评聘')
  })
})

describe('round eleven: formal asks for a verdict, timetables, enumerations with 1是', () => {
  it.each([
    ['柳州鹿寨 高二 化学前20%，总分前25%…🤔 是不是差一点点', 'ineligible'],
    ['桂林中学高一学生一名，持有已授权实用新型专利一项，学科排名与综合排名均未统计，请确认其申报资格。', 'unknown'],
    ['本院导师拟接收一名百色高级中学的高二学生，生物年级排名前3%，请确认是否属于遴选对象。', 'ineligible'],
    ['我校（位于桂林市）初三学生一名，数学年级第1名，拟提前参加本年度遴选，请确认是否可行。', 'ineligible'],
    [
      '学生就读于上林县中学，年级及排名信息待补充，高中阶段获全国中学生生物学联赛（广西赛区）二等奖，请先行研判。',
      'unknown',
    ],
  ])('%s → %s', (q, verdict) => {
    const a = ask(q)
    expect(a.eligibility?.verdict).toBe(verdict)
    expect(a.answer).not.toContain('各市名额为')
  })
  it.each([
    ['两个问题哈：1是这个计划是谁承办的 2是我家老大读高三了能不能报', ['科技馆', '高三']],
    [
      '班主任催我们交申请表，说学校审完盖章还要交上去，学校最晚几号交到科协？科协那边又要几号交上去啊',
      ['10月24日', '10月27日'],
    ],
    ['请问方案对参与中学在中期评估、年度评价以及学生毕业后跟踪方面有何要求？', ['就业']],
    ['请按时间顺序列出方案“进度安排”中的主要环节。', ['推荐导师', '学生选拔']],
    ['学生提交的课题报告是否有字数及格式要求？', ['没有规定', '2809218']],
    ['请核实以下表述是否准确：“本计划面向实施城市全体高中学生，柳州市选拔30名。”', ['不正确', '高一', '15名']],
    ['我们住得远有点担心🙈 一年至少要去大学10次的话，平均一个月要跑几次啊', ['0.83']],
  ])('%s', (q, said) => {
    const a = ask(q)
    hasEach(
      a.answer,
      said.map((s) => [s]),
    )
    within(a.answer)
  })
  it('a national contest’s notice is out of scope, not the plan’s priority rule', () => {
    expect(ask('请提供本年度全国青少年科技创新大赛的申报通知及材料要求。').intent).toBe('out_of_scope')
  })
})

describe('a point of the demonstration article asked of two parties', () => {
  it('宣传与成效公开 is 十（四）, not the parties’ duty lists', () => {
    expect(ask('方案对参与高校、中学在活动宣传与成效公开方面有何要求？').answer).toContain('公布活动进展')
  })
})

describe('round twelve', () => {
  it.each([
    ['孩子说大学那边会给开书单看，是真的吗', ['阅读书目']],
    [
      '已知2023年10月24日为星期二，请问10月27日为星期几？市级审核自24日之后至27日（含）共有几个工作日？',
      ['星期五', '3个工作日'],
    ],
    ['按三市共选拔学员总数、每人到校培养不少于10次计算，全年到校培养总人次不少于多少？', ['600人次']],
    ['本方案依据的《中国科协办公厅、教育部办公厅关于推广“英才计划”工作模式……的通知》文号是什么？', ['37号']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q).answer,
      said.map((s) => [s]),
    )
  })
})

describe('round thirteen', () => {
  it.each([
    ['从2023年10月到2024年9月，这个培养算下来是几个月咧', ['12个月']],
    ['请确认以下理解是否正确：经市级科协审核通过后，即直接确定为入选学生。', ['导师遴选']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q).answer,
      said.map((s) => [s]),
    )
  })
  it('a phone habit and English are out of scope', () => {
    expect(ask('孩子天天抱着手机不放😩 英语也跟不上，有啥好办法').intent).toBe('out_of_scope')
  })
})

describe('round fourteen', () => {
  it.each([
    ['我们是广州的，孩子高一，数学年级前2%，暑假回桂林外婆家，能报这个吗', 'ineligible'],
    ['孩子在柳城读高二，综合年级前25%，物理前20%，不过有个实用新型专利授权了，能不能靠专利上', 'ineligible'],
    ['上海市某中学高一学生，数学单科年级前5%，拟申请参加八桂英才计划，是否可以？', 'ineligible'],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it.each([
    ['我们住柳江那边的，有事要找柳州哪个老师哦？给个电话嘛', ['覃佩娟', '2628531']],
    ['学校推荐环节需完成哪些工作？《申请表》为方案附件几？', ['初选', '附件2']],
  ])('%s', (q, said) => {
    hasEach(
      ask(q).answer,
      said.map((s) => [s]),
    )
  })
})

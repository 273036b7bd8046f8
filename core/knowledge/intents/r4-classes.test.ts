import { describe, expect, it } from 'vitest'
import { ask, hasEach, LATE, within } from '../../../test/helpers/qa'
import { messageAsks } from '../message'

describe('a numbered ask that points back reads with the subject before it', () => {
  it.each([
    // 该日 / 当天: the day the first ask named.
    ['请逐项说明：1. 学校向市科协提交申请表的截止日期；2. 当天是星期几？', [['10月24日'], ['星期二', '周二']]],
    [
      '（1）市科协报送管理办公室的期限；（2）该日为周几；（3）与学校推荐截止相隔几天？',
      [['10月27日'], ['星期五', '周五'], ['3天']],
    ],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it('a span from one side takes the list’s step as the other side', () => {
    const a = ask('关于中期评价，请告知：（1）截止到什么时候？（2）和年度评价相差几个月？', LATE).answer
    hasEach(a, [
      ['2月底', '2月29日'],
      ['7个月', '七个月'],
    ])
    within(a)
  })
  it('an ask that does not point back is read on its own', () => {
    const a = ask('（1）学校推荐截止日期；（2）见面会在什么时候举行？', LATE).answer
    hasEach(a, [['10月24日'], ['11月']])
    expect(a).not.toMatch(/相差|相隔/)
  })
})

describe('lists numbered 一、二、三 are asks of their own', () => {
  it('each numbered piece is answered, a purpose clause before the list is no topic', () => {
    const a = ask(
      '您好！为便于对外宣传，请说明：一、本计划的主办单位；二、承办单位；三、管理办公室的日常工作由谁负责。',
      LATE,
    ).answer
    hasEach(a, [['教育厅'], ['科技馆'], ['青少年科技中心']])
    expect(a).not.toContain('宣传发动')
    within(a)
  })
  it('splits at 一、二、, each piece an enumerated ask, the announcement a remark', () => {
    const asks = messageAsks('关于见面会请说明：一、时间；二、地点；三、参加人员。')
    expect(asks.map((a) => [a.ask, a.enumerated])).toEqual([
      ['时间；', true],
      ['地点；', true],
      ['参加人员。', true],
    ])
  })
})

describe('who runs the program, asked as government or private business', () => {
  it.each(['这个计划是政府搞的还是培训机构搞的？', '是官方的还是民间机构办的呀'])('%s', (q) => {
    hasEach(ask(q, LATE).answer, [['自治区科协', '广西科协'], ['教育厅']])
  })
})

describe('a place named as a neighbour or as a quota to borrow is not where the student is', () => {
  it.each([
    ['我们在钦州，离南宁挺近的，孩子高二物理年级前8%，能报吗', 'ineligible'],
    ['家是湖南永州的，靠近桂林，娃高一综合前12%，可以参加不', 'ineligible'],
    ['我们是梧州的，孩子高二数学前5%，能不能报到柳州那边去', 'ineligible'],
    ['我家在桂林附近的阳朔，孩子高二综合前10%，能报吗', 'eligible'],
    ['孩子在柳州读高一，能报柳州的名额吗，化学前10%', 'eligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
})

describe('details of a school exam and asks for a judgement', () => {
  it.each([
    // 期中考试 is the school's exam, not the 中考.
    ['桂林高二学生，期末考试综合年级第60名，全年级400人，是否符合条件？', 'eligible'],
    // 能判断吗 asks for a verdict on what is given.
    ['柳州高二，数学年级前17%，综合排名还没出来，现在能判断吗', 'unknown'],
    ['南宁高一，物理年级前9%，麻烦帮我判断一下', 'eligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
  it('a place in a 期中考试 is read as a rank in the grade', () => {
    const a = ask('南宁高一，这次期中考试总分排年级第150名，年级共500人，能报吗', LATE)
    expect(a.eligibility?.verdict).toBe('unknown')
    expect(a.answer).toMatch(/综合前30%/)
  })
  it('a 中考 rank is still no rank in the grade', () => {
    expect(ask('南宁高一新生，中考全市第300名，能报吗', LATE).eligibility?.verdict).toBe('unknown')
  })
})

describe('a bracketed title of a consultation is a header', () => {
  it('the title’s 咨询 asks for no contact', () => {
    const a = ask('【某中学关于培养计划的咨询】请告知：一、主办单位；二、承办单位。', LATE).answer
    hasEach(a, [['教育厅'], ['科技馆']])
    expect(a).not.toContain('各市联系人')
  })
  it('the place the title names is the student’s', () => {
    expect(ask('【梧州市某中学的咨询】高二学生综合前10%，能否推荐？', LATE).eligibility?.verdict).toBe('ineligible')
  })
})

describe('round 4b classes', () => {
  it.each([
    ['我想去桂林读师大附近的实验室，师大算不算合作的大学？', [['是的'], ['广西师范大学']]],
    ['广西科大是否属于参与高校', [['是的'], ['广西科技大学']]],
    ['有个问题哈 这个计划到底干啥的呀', [['走进大学', '科学研究', '科研']]],
    ['对学生的考核是不是只在年底考一次？', [['不止一次'], ['中期']]],
    ['为扩大覆盖面，中学要采取哪些措施？', [['宣传发动']]],
    ['桂林市科协关于实施范围的咨询：1.实施城市有哪些？2.参与高校有哪些？', [['柳州'], ['广西大学']]],
    ['中期评价与年度评价相隔几个月？这两个截止日分别是星期几？', [['7个月'], ['星期四'], ['星期一']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it('a university named as the end of another name is not the listed one', () => {
    expect(ask('中国科大是不是合作高校', LATE).answer).not.toContain('是的')
  })
  it.each([
    ['柳州某中学高一学生，未提供年级排名，获全国青少年科技创新大赛一等奖，资格怎么认定？', 'unknown', true],
    ['请问其资格如何认定：南宁高二，综合前12%', 'eligible', false],
  ])('%s', (q, verdict, priority) => {
    const e = ask(q, LATE).eligibility
    expect([e?.verdict, e?.priority]).toEqual([verdict, priority])
  })
})

describe('round 4c classes', () => {
  it.each([
    // A grade size said with 共计/合计.
    ['南宁市某中学高二年级合计400人，学生王某物理单科第50名，请问是否符合成绩条件？', 'eligible'],
    ['柳州某中学高一年级总计600人，某生综合第130名、化学第95名，请判断是否符合条件', 'ineligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
  it.each([
    // 两级审核: the two steps of the ask before.
    ['学校推荐截止与市级审核截止相差几天？两级审核分别审什么？', [['3天'], ['真实性'], ['规范性']]],
    // A teacher's 评职称 asks the incentive, not the open topic of mentors' titles.
    ['指导这些学生，对我评职称有帮助吗', [['职称评聘', '工作量']]],
    // A club of the school's.
    ['我们学校的科创社学生报这个有什么讲究吗', [['鼓励', '科技俱乐部', '科学社']]],
    // 明年 of the student's grade is no other year's program.
    ['培养总共多长时间啊？我家孩子明年就高三了', [['一年', '12个月']]],
    ['这一期结束了，还能继续跟原来的导师做吗', [['优先']]],
    // An unlisted university taken for one of the program's is corrected first.
    ['我校桂林理工大学作为实施高校，导师名单什么时候报？', [['不在'], ['广西师范大学']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it('a listed university said to be one is no false premise', () => {
    expect(ask('我们广西大学作为参与高校，怎么推荐导师', LATE).answer).not.toContain('不在本计划')
  })
})

describe('round 4d: claims to confirm, premises, general grade asks', () => {
  it.each([
    ['市科协应在10月30日前把材料报送管理办公室，对吗？', [['不对'], ['10月27日']]],
    ['学校推荐是10月24号截止对吧', [['对，'], ['10月24日']]],
    ['年度评价是8月底前完成，是否属实？', [['不对'], ['9月底']]],
    ['听说方案规定学生至少要去大学15次，是真的吗', [['不对'], ['10次']]],
    ['初三学生参加的话，见面会在什么时候', [['初三学生不在遴选范围'], ['11月']]],
    [
      '××中学关于参与中学职责的咨询：1.学校须指定何种人员指导课题研究？2.须与哪些方面建立沟通机制？',
      [['学科教师'], ['沟通机制']],
    ],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it('a day stated for a step dated by its month alone is neither confirmed nor refused', () => {
    const a = ask('师生见面会定在11月18日，对吗？', LATE).answer
    expect(a).not.toMatch(/^对，|不对/)
    expect(a).toContain('11月')
  })
  it.each(['我们学校高一高二都可以推荐吗', '高一和高二都能报名吗'])('%s asks the rule, not about one student', (q) => {
    const a = ask(q, LATE)
    expect(a.eligibility).toBeUndefined()
    hasEach(a.answer, [['高一'], ['高二']])
  })
})

describe('a body’s role stated to confirm', () => {
  it.each([
    ['据说这个计划是广西科技馆主办、区科协承办的，请确认', '不对'],
    ['主办单位是自治区科协和自治区教育厅，没错吧', '对'],
    ['承办方是教育厅，对吗', '不对'],
  ])('%s', (q, verdict) => {
    const a = ask(q, LATE).answer
    expect(a.startsWith(verdict)).toBe(true)
    hasEach(a, [['教育厅'], ['科技馆']])
  })
})

describe('round 4e: words that only look like a topic', () => {
  it.each([
    // 上课时间 is no 课时, 放在哪一项 no place, a ticket's hour no activity's time.
    ['去大学上课是周末还是上课时间？', [['周末']], /课时|工作量/],
    ['读书报告放在年度评价的哪一项里面？', [['培养报告']], /具体地点/],
    ['后天南宁去柳州的动车几点有票', [['超出']], /活动时间/],
    // Who told the asker is no qualifier.
    ['听同学说有高校科学营，入选了能去吗', [['科学营']], /没有提到“同学”/],
  ])('%s', (q, groups, not) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    expect(a).not.toMatch(not)
  })
  it.each([
    ['这个计划桂林有冇得搞啊', '桂林市选拔15名'],
    ['南宁有没有开展这个', '南宁市选拔30名'],
  ])('%s: a city of the program runs it', (q, quota) => {
    const a = ask(q, LATE).answer
    expect(a.startsWith('有')).toBe(true)
    expect(a).toContain(quota)
  })
})

describe('round 4f classes', () => {
  it.each([
    ['天文能选不？我对天文特别感兴趣', [['天文'], ['数学'], ['0771-2809218']]],
    ['初中的时候参加了 这个对综评有用没', [['综合素质评价']]],
    ['申请表交到学校以后，学校最晚几号交上去', [['10月24日']]],
    ['学校没组织，我们家长能不能自己直接向管理办公室报名？', [['学校']]],
    ['孩子高一选上了，培养完了到高二还能继续报吗', [['优先']]],
    ['请列出实施城市及实施高校。', [['柳州'], ['广西师范大学']]],
    ['实施城市和参与高校分别是哪些？', [['桂林市'], ['广西科技大学']]],
    ['请列出2023年10月至12月的各个时间节点', [['10月24日'], ['10月27日'], ['11月'], ['12月']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it.each([
    ['柳州高二，综合前22%，物理前18%，去年拿了省二等奖，这样都不行吗', 'ineligible'],
    ['桂林某中学：一名初三学生物理年级第一，能否破格推荐参加？', 'ineligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
  it('a sum of two cities is still one ask', () => {
    expect(ask('南宁和柳州一共多少名额', LATE).answer).toContain('45')
  })
})

describe('round 4g classes', () => {
  it.each([
    // An open topic in a remark (hearsay of fees) around an ask of its own.
    ['群里有人说这是收费的培训班😅到底是谁主办的？', [['教育厅']]],
    ['要去大学几次啊🙏我们住校周末只放一天', [['10次']]],
    // A subject asked with 报.
    ['我喜欢地理，地理能报不？', [['地理'], ['物理']]],
    // A contact by surname and title, and a contact given the wrong city.
    ['柳州负责的是不是覃老师？电话发我下', [['覃佩娟'], ['2628531']]],
    ['南宁市的联系人是张逢芳，是否属实？', [['不是'], ['戴溦'], ['5828180']]],
    // 明年 of a step of the cohort, said from the cohort's start.
    ['年度评价是明年几月份搞完？', [['9月底']]],
    // A body given a role it does not have, stated in passing, is corrected first.
    ['承办单位为广西大学，学校申请材料可以直接寄过去吗？', [['需要更正'], ['科技馆'], ['市级科协', '市科协']]],
    // 两日分别: the two steps before.
    ['学校推荐截止与市级审核截止相隔几天？两日分别是星期几？', [['星期二'], ['星期五']]],
    ['初二时拿的实用新型专利已授权，现在读高一了还作数吗', [['优先'], ['初中']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it.each([
    ['我们是梧州的（以前归柳州地区管），孩子高二，化学前5%，能算柳州的报吗', 'ineligible'],
    ['鹿寨县的高一学生，物理年级前3%，能否通过柳州市科协报名？', 'eligible'],
    ['蒙山县某中学高二学生数学前1%，能否通过梧州市科协报名', 'ineligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
  it('a teacher of the school named by surname is no contact', () => {
    const a = ask('班主任张老师说可以报，要准备什么', LATE).answer
    expect(a).not.toMatch(/^张逢芳是/)
    expect(a).toContain('申请表')
  })
})

describe('round 4h: regressions of the later rules', () => {
  it.each([
    ['学生毕业以后，中学还要继续跟踪吗', [['跟踪']], /^一个培养周期结束后/],
    ['入选学生如在培养期间转学到钦州，还能继续参加培养吗', [['转学'], ['0771-2809218']], /^一个培养周期结束后/],
    ['进去以后能进实验室真做实验不', [['实验室']], /^$/],
  ])('%s', (q, groups, not) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    expect(a).not.toMatch(not)
  })
})

describe('what to hand in for applying, asked after a remark', () => {
  it('班主任说可以报，需要交什么 asks the application form', () => {
    hasEach(ask('班主任王老师说孩子可以报，那需要交什么？', LATE).answer, [['申请表']])
  })
})

describe('round 4i: statements to check, lines as places, spans in days', () => {
  it.each([
    ['【核实】公示期为5个工作日，公示结束后公布入选名单。以上表述是否准确？', [['正确'], ['5个工作日']]],
    ['有老师认为学生每学年须到高校参加培养不少于10次，该理解是否准确？', [['不准确'], ['培养周期']]],
    ['请核实：只有高中阶段获得的奖项才能作为优先条件，此理解是否正确？', [['不正确'], ['初中、高中']]],
    ['请核实以下理解是否正确：中期评价不合格的学生可以补考后继续培养。', [['不正确'], ['退出']]],
    ['柳州某中学：我校高一年级共500人，某生综合排名第101名，是否达到前20%的标准？', [['前100名之外'], ['未达到']]],
    ['学校推荐截止日起到年度评价截止日，相隔多少天？', [['342天'], ['最后一天']]],
    ['我们学校就几个学生自己搞的科学社，社里几个同学很有兴趣，能从他们里面推荐吗', [['科学社']]],
    ['隆安县某高中请示：我校隶属南宁市，地处县域，是否在遴选范围内？', [['辖区']]],
  ])('%s', (q, groups) => {
    const a = ask(q, LATE).answer
    hasEach(a, groups)
    within(a)
  })
  it.each(['去年广西大学物理类录取最低分多少', '我院要采购通风柜，推荐几家供应商'])('%s is out of scope', (q) => {
    expect(ask(q, LATE).answer).not.toMatch(/\d{4}年度的方案|培养主要放在/)
  })
})

describe('a few hours or people said in passing', () => {
  it('好几个钟 in a remark asks no quota', () => {
    hasEach(ask('我们住荔浦乡下，去桂林的大学来回好几个钟😩一年要去几次啊', LATE).answer, [['10次']])
  })
})

describe('round 4j', () => {
  it.each([
    ['灵川县高二，数学前16%，综合前22%，就差那么一点点，还有机会吗', 'ineligible'],
    ['柳州某中学：高二学生化学年级前18%，综合排名暂无，能否确定其资格？', 'unknown'],
  ])('%s', (q, verdict) => {
    expect(ask(q, LATE).eligibility?.verdict).toBe(verdict)
  })
  it('达标的最多多少人 asks the lines as places', () => {
    hasEach(ask('我校高二年级共600人，单科成绩达标的最多多少人？综合达标的最多多少人？', LATE).answer, [
      ['90'],
      ['120'],
    ])
  })
})

describe('a weekly visit asked', () => {
  it('每周都要去吗 is the frequency the plan leaves open, with the cycle’s minimum', () => {
    hasEach(ask('是不是每个星期都要去大学啊', LATE).answer, [['10次'], ['没有规定']])
  })
})

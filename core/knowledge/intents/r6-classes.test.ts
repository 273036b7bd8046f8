import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'

describe('the plan’s structure', () => {
  it('the headings of a named article, counted in words', () => {
    const a = ask('“相关要求”部分提出了哪几方面要求？')
    hasEach(a.answer, [['四个方面'], ['强化组织领导'], ['狠抓责任落实'], ['激励机制'], ['示范带动']])
    expect(ask('方案第六部分学生评价包括哪几个方面').answer).toContain('两个方面')
  })
  it('the articles of the whole plan', () => {
    hasEach(ask('实施方案一共分为哪几个部分？').answer, [['十一部分'], ['目的意义'], ['联系人及联系电话']])
  })
  it('an article a fact covers whole keeps that fact when asked without naming it a part', () => {
    const a = ask('学生评价包括哪几个方面')
    expect(a.answer).not.toContain('分两个方面')
    hasEach(a.answer, [['中期评价'], ['年度评价'], ['2024年2月底']])
  })
})

describe('grades', () => {
  it('a brief verdict names the grade it heard', () => {
    const a = ask('您好，想咨询两个问题：1.高二还能报不 2.报名截止是几号')
    hasEach(a.answer, [['高二年级符合'], ['10月24日']])
  })
  it('hearsay that one grade alone may apply gets both grades, not a checklist', () => {
    const a = ask('听说只有高二才能报，是真的吗')
    expect(a.eligibility).toBeUndefined()
    hasEach(a.answer, [['高一、高二']])
  })
})

describe('mentors', () => {
  it('whom mentors are mainly drawn from, though the asker names a university first', () => {
    const a = ask(
      '本人为广西大学物理学院副教授，拟申请担任导师。请问：1. 导师以哪些人员为主？2. 导师需要承担哪些职责？',
    )
    hasEach(a.answer, [['院士'], ['长江学者']])
    expect(a.answer.indexOf('院士')).toBeLessThan(a.answer.indexOf('广西科技大学') >>> 0)
  })
})

describe('round 6 classes (blind sets h50–h52)', () => {
  it('an aside in brackets with a question mark cuts no ask; the logs follow the visits', () => {
    const a = ask('如果刚好去满最低次数，那个成长日记（好像叫日志？）最少要交几篇？')
    hasEach(a.answer, [['10篇'], ['没有单独规定']])
    expect(ask('成长日志每篇大概写几个字合适').answer).toContain('没有规定')
  })
  it('a minimum said before the count done is the rule, not the count', () => {
    expect(ask('导师说一年到校不能少于10次，我们已经去了3次了，还差最少几次？').answer).toContain('7次')
  })
  it('the part the asker plays is the party asked about', () => {
    hasEach(ask('我校作为参与中学，按方案需承担哪些工作？请逐条列明。').answer, [['宣传发动'], ['课题研究']])
    hasEach(ask('作为参与高校（桂师），我校在组织保障方面承担哪些职责？请逐项说明。').answer, [['导师'], ['培养团队']])
  })
  it('leaving the training is not taking part again; tracking words pick the tracking article', () => {
    expect(ask('对培养过程中出现不适合继续培养情况的学生，方案规定如何处理？').answer).toContain('退出')
    hasEach(ask('实施高校与参与中学在学生跟踪工作上的侧重点分别是什么？').answer, [['全部'], ['升入本校']])
    expect(ask('高校要负责哪些评估工作').answer).not.toContain('英才库')
  })
  it('a city after 比我们 is the one compared with', () => {
    expect(ask('我是柳州滴🙋 南宁的名额比我们柳州多几个啊？').answer).toContain('南宁市比柳州市多15名')
  })
  it('a place in the grade is judged against the lines whenever it is given', () => {
    const a = ask('我们学校高一年级一共640人，孩子物理要排到第几名以内才算前15%啊？上次月考考了第101名😭')
    hasEach(a.answer, [['前96名'], ['不满足相应学科']])
    expect(ask('年级520个人 我总分排第100名 这个算不算综合前20%啊🤔').answer).toContain('前104名以内')
  })
  it('days between two days said outright, a month’s end as its last day', () => {
    const a = ask('从10月24号交表截止到明年2月底中期评价截止，中间一共多少天啊？')
    hasEach(a.answer, [['128天'], ['129天']])
    expect(ask('10月24日到2024年2月29日一共多少天').answer).toContain('128天')
  })
  it('dialect and Cantonese words', () => {
    hasEach(ask('大学那边有些么子地方给娃崽做实验哦？').answer, [['重点实验室']])
    hasEach(ask('说白了这个计划搞来做咩嘅？').answer, [['科学研究']])
  })
  it('where an event is held, asked as either-or, is open; who attends is said', () => {
    const a = ask('11月那个见面会是在大学开还是在我们学校开？家长要去不')
    hasEach(a.answer, [['没有规定'], ['家长']])
  })
  it('a patent granted stays granted when a later clause says the ranks are not out yet', () => {
    const a = ask('南宁高一 孩子有个发明专利已经授权了✌️ 但是学校还没出年级排名 能报吗')
    expect(a.eligibility).toEqual({ verdict: 'unknown', priority: true })
  })
  it('asking to go in and learn with a professor is asking to apply', () => {
    expect(ask('娃在灵川读初二，物理特别好，年级前3%，能不能先进去跟大学老师学学？').eligibility?.verdict).toBe(
      'ineligible',
    )
  })
  it('admissions programs of others are out of scope', () => {
    const a = ask('请介绍2024年高校专项计划在广西的招生政策及报名条件。')
    expect(a.intent).toBe('out_of_scope')
    expect(a.answer).not.toContain('2023年10月')
  })
  it('how long the training lasts is said with the grade at its end', () => {
    expect(ask('这个要搞多久啊？娃现在高二，会不会搞到高三去影响复习😟 几月份结束').answer).toContain('一年')
  })
  it('the child assessed is no party assessed', () => {
    expect(ask('参加这个学校会咋考核娃？按啥标准来').answer).toContain('研究性学习')
  })
  it('two steps asked together are both said, in order', () => {
    hasEach(ask('请说明自治区级审核与导师遴选两个环节的衔接关系。').answer, [['遴选候选人'], ['导师遴选']])
  })
  it('the organisers’ role is said as such', () => {
    expect(ask('自治区科协与自治区教育厅在本计划中是什么角色？管办由谁成立？').answer).toContain('主办')
  })
  it('the steps from one step to another, undated ones in their place', () => {
    const a = ask('请列明从学校推荐至名单公示各环节的时间节点。')
    hasEach(a.answer, [['10月24日'], ['自治区级审核'], ['导师遴选'], ['5个工作日']])
    expect(a.answer.indexOf('市级审核')).toBeLessThan(a.answer.indexOf('自治区级审核'))
  })
  it('the working days a step is given between two days said', () => {
    const q =
      '学校推荐截止日为10月24日（周二），市级报送截止日为10月27日（周五），不含24日当天，市科协审核可用的工作日共几天？'
    expect(ask(q).answer).toContain('3个工作日')
  })
})

describe('round 6 classes (blind sets h53–h54)', () => {
  it('a school of a listed university, named by its short form, is that university', () => {
    const a = ask('我院（广大物理学院）作为参与高校的承办学院，按方案需承担哪些工作？')
    hasEach(a.answer, [['推荐导师'], ['培养团队']])
    expect(a.answer).not.toContain('不在本计划的实施高校之内')
  })
  it('the date of handing in is the step’s date, not whom to hand it to', () => {
    const a = ask('烦请告知：（1）学校推荐材料报送截止日期；（2）市级审核报送截止日期；（3）公示期限。')
    hasEach(a.answer, [['10月24日'], ['10月27日'], ['5个工作日']])
  })
  it('an article referred to by its number', () => {
    hasEach(ask('请概述方案第十部分第（三）项的主要内容。').answer, [['激励'], ['工作量']])
    hasEach(ask('第七部分讲了什么').answer, [['学生跟踪与服务'], ['英才库']])
  })
  it('the monthly average is asked without naming the university in the ask', () => {
    expect(ask('说一年里至少要去大学10次，那平均下来一个月要去几次啊？').answer).toContain('0.83')
  })
  it('papers handed in later are no visits made up', () => {
    const a = ask('河池市某高中：我校高二学生有意参加八桂英才计划，成绩排名材料后补，请问能否报名？')
    expect(a.eligibility?.verdict).toBe('ineligible')
  })
  it('a rank said to be unknown asks nothing: the statement is a profile', () => {
    expect(ask('孩子在三江读高二，总分年级前25%，物理单科排多少不清楚').eligibility?.verdict).toBe('unknown')
  })
  it('places are not divided by county', () => {
    expect(ask('我们在青秀区，南宁一共选三十个是吧？名额是按县区分的吗').answer).toContain('没有按县、区再细分')
  })
  it('the county named before the ask is the one asked to belong', () => {
    const a = ask('三江的可以报吗 我们三江离柳州市区好远😂 名额算柳州的吗')
    expect(a.answer).toContain('名额计入柳州市')
  })
})

describe('round 6 classes (blind sets h55–h57)', () => {
  it('an exam’s question types are out of scope', () => {
    expect(ask('救命😭 新高考数学一卷导数大题一般考什么题型').intent).toBe('out_of_scope')
  })
  it('each numbered review step is read from its own words first', () => {
    const a = ask(
      '请问：（1）学校推荐环节，学校对《申请表》及报名材料主要审核哪些方面？（2）市科协审核环节的审核重点又是什么？',
    )
    hasEach(a.answer, [['真实性'], ['规范性']])
  })
  it('handing in to the city 科协 is the school’s step', () => {
    const a = ask(
      '我校内部报名截止拟定于2023年10月20日（周五），距学校向当地市级科协提交《申请表》的截止日期还有几天？',
    )
    expect(a.answer).toContain('还有4天')
  })
  it('a rule stated as both-required, or with 且, is not the plan’s either-or', () => {
    for (const q of [
      '我校理解为：学生须同时满足相应学科成绩年级前15%和综合成绩年级前20%方可报名。请确认。',
      '我处拟按“相应学科成绩年级前15%且综合成绩年级前20%”作为校内初选标准，请问是否与方案一致？',
    ])
      hasEach(ask(q).answer, [['不一致'], ['其一']])
  })
  it('the city 科协’s steps of the selection and the start of training', () => {
    expect(ask('请梳理实施城市科协在本年度学生选拔及培养启动阶段承担的主要环节。').answer).toContain('见面会')
  })
  it('asking to take part on another city’s account is asking to apply', () => {
    const a = ask('来宾市教育局工作人员：来宾市高二学生数学成绩年级前3%，能否以毗邻柳州为由参加本计划遴选？')
    expect(a.eligibility?.verdict).toBe('ineligible')
  })
  it('a patent certificate is no certificate of the program; 实用新星 is 实用新型', () => {
    expect(
      ask('娃儿初二时候搞了个小发明，拿到了实用新星专利证书（已经授权的那种）🎉 现在上高一了，这个对报名有用没？')
        .answer,
    ).toContain('优先')
  })
  it('a day said without 日', () => {
    expect(ask('学校那边截止是10月24，市科协那边是27号，中间就隔几天啊？').answer).toContain('3天')
  })
  it('the minimum stated and the count done in one message', () => {
    hasEach(ask('一年最少去大学10次是吧，我到现在去了3次，还要去几次才够🤣').answer, [['没错'], ['7次']])
  })
  it('activities besides the lab', () => {
    expect(ask('除了去实验室，还会有啥活动不？比如夏令营之类的⛺').answer).toContain('科学营')
  })
  it('a grade not remembered and a boast are profiles too', () => {
    expect(ask('邕宁区的，我儿子读高中了，具体哪个年级我记不清😅 化学在年级前8%').eligibility?.verdict).toBe('unknown')
    const a = ask(
      '柳州鱼峰区高二，数学刚好前15%，综合刚好前20%，实用新型专利已授权，高二还拿了全国青少年科技创新大赛三等奖，稳了吧😎',
    )
    expect(a.eligibility).toEqual({ verdict: 'eligible', priority: true })
  })
  it('a day some time before a step', () => {
    expect(ask('若我校计划在学校报送截止日前一周完成校内初选，应最迟于哪一天完成？').answer).toContain('2023年10月17日')
    expect(ask('学校推荐截止前3个工作日要交到教务处，是哪天').answer).toContain('2023年10月19日')
  })
  it('two articles by number, each by its heading and parts', () => {
    hasEach(ask('请问方案第六部分和第九部分分别规定了什么内容？').answer, [['学生评价'], ['进度安排']])
  })
  it('如何认定 of a described student asks the verdict', () => {
    const a = ask(
      '桂林市某中学拟推荐高二学生赵某，其高中阶段获自治区青少年科技创新大赛三等奖，但我校不进行年级排名，请问应如何认定？',
    )
    expect(a.eligibility).toEqual({ verdict: 'unknown', priority: true })
  })
  it('a step of the selection asked with a county is the step, not the county’s city', () => {
    expect(ask('灵川县的娃，资格审核是桂林市科协审还是直接拿去自治区审？').answer).toContain('管理办公室')
  })
  it('numbers set off by spaces number the asks', () => {
    const a = ask('老师你好 想问三个问题：1 要读高几才可以报 2 成绩有啥要求 3 申请表交给谁')
    hasEach(a.answer, [['高一'], ['高二'], ['15%'], ['20%']])
  })
  it('a titled asker who is not of the listed kinds; the titles one is not say nothing', () => {
    const a = ask('本人系桂师物理学院教授，非院士亦非长江学者，请问是否可担任导师？导师最终由谁确定？')
    hasEach(a.answer, [['专业领域专家'], ['管理办公室']])
    expect(a.answer).not.toMatch(/^可以，院士/)
  })
  it('workload and titles for mentors are the program’s incentives', () => {
    hasEach(ask('高校导师承担指导任务能否计入科研工作量？在职称评聘方面有何政策？').answer, [
      ['工作量'],
      ['职称'],
      ['优先'],
    ])
  })
  it('the local 科协 is named for the school’s city', () => {
    expect(ask('我校为桂林市荔浦市一所高中，推荐材料应报送哪一级科协？截止时间是何时？').answer).toContain('桂林市科协')
  })
})

describe('round 6 re-runs', () => {
  it('请予确认 asks a claim to be checked', () => {
    expect(ask('我校理解学校推荐材料的报送截止日期为2023年10月27日，请予确认。').answer).toContain('不对')
  })
  it('至 in a span is no hand-in to the city', () => {
    const q =
      '请协助核算：1.学校推荐截止日至市级报送截止日之间有几个工作日（不含推荐截止当日）；2.若公示于2023年11月1日（星期三）开始，按方案公示期计算，最后一日是哪天？'
    expect(ask(q).answer).toContain('3个工作日')
  })
})

describe('round 6 classes (blind sets h58–h60)', () => {
  it('going once a month, said with no place, is judged against the minimum', () => {
    expect(ask('一年最少要去大学几次？我打算一个月去一次，够不够😂').answer).toContain('满足不少于10次')
  })
  it('an ask after one about another program stays about it', () => {
    const a = ask('中国科协那个全国的英才计划什么时候报名？报名网址是哪个')
    expect(a.intent).toBe('out_of_scope')
    expect(a.answer).not.toContain('2023年10月')
  })
  it('the selection stage’s steps, undated ones in place', () => {
    hasEach(ask('请梳理学生选拔阶段的各关键时间节点。').answer, [['10月24日'], ['导师遴选'], ['5个工作日']])
  })
  it('where a heading stands in the plan', () => {
    hasEach(ask('“健全激励机制”出自方案哪一部分？主要内容是什么？').answer, [['第十部分'], ['相关要求'], ['工作量']])
    expect(ask('管理办公室负责哪几项工作').answer).not.toContain('是方案第八部分')
  })
  it('months from a training start said in the message’s lead', () => {
    const q = '若以2023年10月1日为培养起点：1.培养周期共多少个月？2.至中期评价截止（2024年2月底）共约多少个月？'
    hasEach(ask(q).answer, [['12个月'], ['5个月']])
  })
  it('推建 is 推荐; the step said to be passed is the one asked of', () => {
    expect(ask('学校推建完了下一步是啥？然后再下一步呢').answer).toContain('导师遴选')
    const a = ask('我市科协的理解是：市级审核通过的学生即为入选学生，随后直接进入公示。请确认该理解是否准确。')
    hasEach(a.answer, [['不是'], ['候选人']])
  })
  it('a grade of a later year, or one about to start while applying now, is not the grade now', () => {
    expect(ask('融安县初三，马上升高一了，数学年级前5%，现在就想报可以吗').eligibility?.verdict).toBe('ineligible')
    expect(ask('娃明年9月份才上高一，现在读初三，今年能不能先报名占个位置').eligibility?.verdict).toBe('ineligible')
  })
  it('组织领导’s contact persons are 专人', () => {
    const q = '方案第十部分“相关要求”共包括哪几项？其中关于组织领导，对各单位的对接人员有何要求？'
    hasEach(ask(q).answer, [['四个方面'], ['专人']])
  })
  it('a later span follows the ask before it; 10.24前 is a day', () => {
    const q = '班主任说学校交到市科协是10.24前，那市科协再往上报是几号前？比学校的截止日晚几天啊🤔 那天是星期几'
    hasEach(ask(q).answer, [['10月27日'], ['3天']])
  })
  it('数学考了 is no exam; 钱 is 前', () => {
    expect(ask('我们年级一共600人，我数学考了第80名，这算不算在年级钱百分之十五里面？').answer).toContain('前90名')
  })
  it('who reviews after the city', () => {
    expect(ask('市里审完材料以后还有谁审啊？审过了我们叫啥，是不是就算选上了').answer).toContain('自治区级审核')
  })
  it('two contacts’ area codes compared', () => {
    expect(ask('南宁那边的电话跟管理办公室的区号是一样的吗').answer).toContain('一样，都是0771')
  })
  it('applying goes through the school’s recommendation', () => {
    expect(ask('孩子能不能自己直接在网上报名的？还是一定要通过学校').answer).toContain('推荐')
  })
  it('能去不 asks to apply', () => {
    const a = ask('我孙女在上林读高一，成绩好得很，高中拿过自治区青少年科技创新大赛一等奖，年级排名没问过，能去不')
    expect(a.eligibility).toEqual({ verdict: 'unknown', priority: true })
  })
  it('a quoted name of the plan’s own is no other program', () => {
    hasEach(ask('方案所述“科学实践与成果展示交流活动”包括哪些形式？').answer, [['科学营'], ['学术会议']])
  })
  it('the lab: going in to do experiments', () => {
    expect(ask('大学的实验室我们能进去做实验不？还是只能听讲座').answer).toContain('开放')
  })
})

describe('round 6 classes (blind sets h61–h63)', () => {
  it('two cities’ sum against a third, asked as 够不够…多', () => {
    expect(ask('柳州跟桂林的名额加起来，够不够南宁一个市的多？').answer).toContain('一样多')
  })
  it('the city after 是 is the base of 几倍', () => {
    expect(ask('我们桂林的，想问下南宁的名额是我们桂林的几倍啊？').answer).toContain('南宁市的名额是桂林市的2倍')
  })
  it('a city’s number said after a few words is still its number', () => {
    expect(ask('请确认：柳州市本年度遴选名额为30名，桂林市为15名，是否正确？').answer).toMatch(/^不正确/)
  })
  it('handing in the form is the school’s step, not the county’s city', () => {
    expect(ask('我们学校在临桂，申请表是交临桂区科协还是桂林市科协？').answer).toContain('桂林市科协')
  })
  it('没得希望了吗 asks for a verdict', () => {
    const q =
      '江南区高一，物理年级前16%，综合前22%，初中拿过南宁市物理竞赛一等奖，还有自治区英语演讲比赛二等奖，冇得希望了吗😢'
    expect(ask(q).eligibility?.verdict).toBe('ineligible')
  })
  it('a school’s duties in evaluation and tracking', () => {
    hasEach(ask('除遴选推荐外，方案对参与中学在评估与跟踪方面还有哪些要求？').answer, [
      ['中期'],
      ['年度评价'],
      ['就业'],
    ])
  })
  it('months from the cycle’s start, said in words', () => {
    expect(ask('请核算：培养周期共计多少个月？自周期开始至中期评价截止约为几个月？').answer).toContain('5个月')
    expect(ask('从十月开始培养，到中期汇报截止大概有几个月？').answer).toContain('5个月')
  })
  it('the event of a month is said before an open point about it', () => {
    hasEach(ask('娃讲十一月份要开个啥子会，我们当家长的要不要请假陪去哦').answer, [['见面会'], ['家长']])
  })
  it('subjects one may choose', () => {
    expect(ask('我比较喜欢地理跟天文，这两个有没有得选呀🔭').answer).toContain('数学')
  })
  it('a place in the grade as a share, and a size said after the place', () => {
    hasEach(ask('娃总分年级排第38名，全年级一共200人，这个算在前20%里面不？').answer, [['前19%'], ['前40名以内']])
  })
  it('the grade at the end of the training, said as 不就高三了', () => {
    expect(ask('我女高二，培养到明年9月的话不就高三了，会不会搞得很累影响高考啊😥').answer).toContain('2024年9月')
  })
  it('where in the university', () => {
    expect(ask('培养是在大学哪里搞？教室还是实验室').answer).toContain('实验室')
  })
  it('a part of an article named with its article', () => {
    hasEach(ask('请问参与中学在组织保障部分的职责包括哪些？').answer, [['宣传发动'], ['课题研究']])
  })
  it('information made public is no personal data', () => {
    hasEach(ask('方案在示范带动方面对参与高校、中学的信息公开有何要求？').answer, [['向社会公布'], ['成效']])
  })
  it('资格能否确认 asks the verdict', () => {
    const q =
      '桂林中学报送学生陈某：物理学科年级前6%，高中阶段获全国中学生物理竞赛广西赛区一等奖，申请表中年级一栏漏填。请问资格能否确认？'
    expect(ask(q).eligibility).toEqual({ verdict: 'unknown', priority: true })
  })
  it('the next step after a review said passed before the ask', () => {
    expect(ask('老师说我家娃资格审核过了，接下来是哪一步？还要考试不').answer).toContain('导师遴选')
  })
  it('Cantonese: 几时开始', () => {
    expect(ask('唔该问下，个英才计划系唔系要去大学上堂㗎？几时开始？').answer).toContain('2023年10月')
  })
  it('交表 is the school’s step; today said before the ask', () => {
    expect(ask('今天10月20号，学校说交表截止前还有几天😱 来得及不').answer).toContain('还有4天')
  })
  it('六城 by voice is 柳城', () => {
    const q = '我家在六城 孩子高一 初中时候拿过全国青少年科技创新大赛二等奖 数学年级前百分之十三 能优先不'
    expect(ask(q).eligibility).toEqual({ verdict: 'eligible', priority: true })
  })
  it('the platform’s name is open', () => {
    expect(ask('学生提交《成长日志》所用平台的具体名称及登录方式是什么？').answer).toContain('没有规定')
  })
})

describe('round 6 classes (blind sets h64–h66)', () => {
  it('这几天 is no span asked', () => {
    const q = '老师讲学校24号前把申请表交到市科协，市科协27号前再报上去，中间这几天市科协是要审核些啥子？'
    expect(ask(q).answer).toContain('完整性')
  })
  it('the mentors having chosen, what comes next', () => {
    hasEach(ask('导师把学生选完了，下一步是啥子？要等好久才出名单哦').answer, [['公示'], ['5个工作日']])
    expect(ask('资格审核过了以后下一关是啥？😳').answer).toContain('导师遴选')
    hasEach(ask('师生见面会开完，下个月是干嘛？').answer, [['研究方向'], ['12月']])
  })
  it('a software copyright is no patent; a design patent’s 加分 is the priority rule', () => {
    expect(ask('孩子有个软件著作权登记证书，这个能当专利用来申请优先推荐不').answer).toContain('实用新型')
    expect(ask('孩子去年弄了个外观设计专利，已经批下来了，报名的时候有加分作用不？').answer).toContain('实用新型')
  })
  it('可以不, 卡在线上吗 and 纳入候选人 ask the verdict', () => {
    expect(ask('孩子在兴安县读高二，总分年级前百分之十九点五，可以不').eligibility?.verdict).toBe('eligible')
    expect(ask('临桂区高二的，化学年级第90名，全年级600人，卡在线上吗').eligibility?.verdict).toBe('eligible')
    const q = '柳州市科协核查：一名申报学生为高三年级，综合成绩年级前4%，拥有已授权发明专利一项，可否纳入遴选候选人？'
    expect(ask(q).eligibility?.verdict).toBe('ineligible')
  })
  it('two months asked together', () => {
    expect(ask('请列出2023年11月、12月两个月的工作安排。').answer).toContain('研究方向')
  })
  it('the city 科协’s hand-in date is its own, not a bare 截止’s', () => {
    expect(ask('请确认：市级科协向管办报送材料的截止日期为2023年10月24日。').answer).toContain('10月27日')
  })
  it('Cantonese 边个', () => {
    hasEach(ask('喂 柳州这边系边个负责嘅？有冇电话啊').answer, [['覃佩娟'], ['2628531']])
  })
  it('a sum said to fall short is checked', () => {
    expect(ask('桂林才选15个？那桂林跟柳州加起来都没南宁多咯').answer).toContain('一样多')
  })
  it('应才 is 英才; a list number before 一个 stays a list number', () => {
    expect(ask('请问八桂应才计划 1.要去哪个大学上课 2.一个学期要去几次啊').answer).toContain('10次')
  })
  it('drafting for an office is out of scope', () => {
    expect(ask('麻烦协助草拟一份本单位2023年度工会活动方案。').answer).toContain('英才')
  })
  it('a statement right in substance is not called wrong on loose wording', () => {
    const a = ask('我中心理解：入选学生公示期为5个工作日，公示平台为广西青少年科技教育和科普活动云服务平台。是否准确？')
    expect(a.answer).toMatch(/^正确/)
    expect(
      ask('我校对“双师共导”的理解为：由高校导师与中学指导教师共同指导学生。请确认是否准确。').answer,
    ).not.toContain('不正确')
  })
  it('六七次 is at most seven, never 67', () => {
    expect(ask('娃高二课太紧了，一年只去大学六七次得不得行啊').answer).toContain('7次少于10次')
  })
  it('two students in two places: each place said', () => {
    hasEach(ask('亲戚家两个娃，一个在兴安县一个在兴宁区，都读高二，两个都能报吗？').answer, [
      ['兴安县属于桂林市'],
      ['兴宁区属于南宁市'],
    ])
  })
  it('a subject named in the remark of an ask about the range', () => {
    expect(ask('学科范围是否仅限方案所列学科？我院为地理科学学院，能否参与导师推荐？').answer).toContain('未作规定')
  })
})

describe('round 6 re-runs (h50–h66 on 224d938)', () => {
  it('a wrong date is said to be the date of the step it belongs to', () => {
    const a = ask('我们理解，市级科协须于10月24日前将材料报送管办，请予确认。')
    hasEach(a.answer, [['不对'], ['10月27日'], ['10月24日是学校推荐的截止日']])
  })
  it('从市科协 is no 从事', () => {
    expect(ask('从市科协报材料截止那天到中期评价截止，一共多少天？明年2月是有29号吧').answer).toContain('125天')
  })
  it('才读初二 is the grade now', () => {
    expect(ask('我家在南宁，孩子才读初二，数学很好年级前3%，现在能报吗').eligibility?.verdict).toBe('ineligible')
  })
})

describe('round 6 classes (blind sets h67–h69)', () => {
  it('比我们 is the asker’s city; 翻一倍 asks the ratio too, said once', () => {
    const a = ask('南宁30个名额，我们柳州才15个😂 南宁比我们多几个？是不是刚好翻一倍')
    hasEach(a.answer, [['南宁市比柳州市多15名'], ['2倍']])
    expect(a.answer.split('多15名').length).toBe(2)
  })
  it('months from a start said as 23年10月开始 or 起算', () => {
    expect(ask('培养是23年10月开始的话，到中期评价截止大概有几个月时间').answer).toContain('5个月')
    expect(ask('培养周期自2023年10月起算，至中期评价截止约为几个月？至年度评价截止共几个月？').answer).toContain(
      '5个月',
    )
  })
  it('有没表彰 asks', () => {
    expect(ask('年度评价是谁负责搞的？表现好的有冇表彰').answer).toContain('表彰')
  })
  it('the main work points of the year', () => {
    const q = '请按时间先后列出2023年内本计划的主要工作节点（学校推荐、市级审核、师生见面会、确定研究方向）。'
    hasEach(ask(q).answer, [['11月'], ['12月']])
  })
  it('能否凭获奖推荐, 是不是只招市区, 卡得住不 ask the verdict', () => {
    const a = ask(
      '柳州市某中学：高二学生综合成绩年级前25%、物理学科成绩年级前18%，高中阶段曾获全国中学生物理竞赛（广西赛区）一等奖，请问能否凭获奖情况推荐参加？',
    )
    expect(a.eligibility?.verdict).toBe('ineligible')
    expect(ask('我们在融水，娃读高一，综合排名年级前18%，是不是只招市区的？').eligibility?.verdict).toBe('eligible')
    expect(ask('柳洲高一的，物理全级第45名，全级300人😬 卡得住不').eligibility?.verdict).toBe('eligible')
  })
  it('clauses of a statement right in substance', () => {
    const q =
      '经了解，培养周期为2023年10月至2024年9月，共一年；周期结束后学生可报名下一年度培养，导师将优先考虑。以上理解是否准确？'
    expect(ask(q).answer).toMatch(/^正确/)
  })
  it('a district’s own award is no regional award', () => {
    const q =
      '柳州市城中区某中学高二学生，数学学科年级前9%，获外观设计专利授权一项，另获城中区区级科技比赛一等奖，请确认其资格及是否可优先推荐。'
    expect(ask(q).eligibility).toEqual({ verdict: 'eligible', priority: false })
  })
  it('the month before 元旦 is December', () => {
    expect(ask('元旦前那一个月我们要跟导师搞定啥东西？搞定了还要报给谁').answer).toContain('研究方向')
  })
  it('Cantonese: 钟意地理, 得唔得', () => {
    expect(ask('我仔好钟意地理，地理得唔得？').answer).toContain('数学')
  })
  it('whether mentors choose centrally or city by city', () => {
    expect(ask('导师挑学生是在南宁统一搞，还是各个市自己搞？').answer).toContain('各市科协')
  })
  it('a team member with a senior title but no doctorate', () => {
    hasEach(ask('培养团队拟吸收一名具有副教授职称但无博士学位的教师，是否符合要求？').answer, [['副高'], ['或']])
  })
  it('how a mentor is appointed after the university recommends', () => {
    hasEach(ask('请梳理导师确定的流程：高校推荐之后还需经过哪些环节？').answer, [['审定'], ['聘书']])
  })
  it('另， starts an ask of its own', () => {
    const q =
      '我们理解：各中学于10月24日前将申请表报送市科协，市科协于10月27日前报送管办，请予确认。另，市级审核主要审核哪些方面？'
    hasEach(ask(q).answer, [['没错'], ['完整性']])
  })
  it('where the candidates come from', () => {
    hasEach(ask('请问“遴选候选人”在哪一环节产生，由谁确定？').answer, [['自治区级'], ['管理办公室']])
  })
  it('an article found by its title', () => {
    expect(ask('请问实施方案中关于学生跟踪与服务的内容在第几部分？核心要求是什么？').answer).toContain('第七部分')
  })
})

describe('round 6 classes (blind sets h70–h72)', () => {
  it('patents still being applied for or awaiting grant are not granted', () => {
    expect(
      ask('七星区高二，总分年级前15%，有个外观设计专利授权了，还有个发明专利在申请，能优先吗').eligibility,
    ).toEqual({
      verdict: 'eligible',
      priority: false,
    })
    const q =
      '柳城县高一，化学年级前15%，有个实用新型专利还在等授权，另外拿了柳州市科技创新大赛一等奖，能报吗？算优先不'
    expect(ask(q).eligibility).toEqual({ verdict: 'eligible', priority: false })
  })
  it('有先推荐 is 优先推荐; 拟申报…请予确认 asks the verdict', () => {
    expect(
      ask('武鸣高二，数学年级前14%，高一的时候拿了全国青少年科技创新大赛二等奖🏆 能有先推荐吗').eligibility?.priority,
    ).toBe(true)
    expect(
      ask('河池市南丹县某中学：高二学生一名，物理成绩年级前4%，拟申报本计划，请予确认。').eligibility?.verdict,
    ).toBe('ineligible')
  })
  it('months and days between days said, today said with no month, a start day included', () => {
    expect(ask('中期是2月底前，年度是9月底前，这中间差几个月啊').answer).toContain('7个月')
    expect(ask('今天10号了，学校24号截止交表，还剩几天😱 来得及准备材料不').answer).toContain('14天')
    expect(
      ask('我校拟于2023年10月16日（星期一）启动报名，至学校推荐截止日，共有多少个工作日？（不考虑调休）').answer,
    ).toContain('7个工作日')
  })
  it('a grade entered later, or asked of the end, is not the grade now', () => {
    hasEach(ask('明年9月份娃都升高三了😭 那时候英才计划还要搞什么考核吗').answer, [['年度评价'], ['9月底']])
    expect(ask('培养到明年9月，孩子是不是都上高三了').answer).toContain('读高二的学生')
  })
  it('请个假, keycap numbers, classroom or lab, 范围内吧', () => {
    expect(ask('要是刚好碰到期中考试那周有活动，请个假会不会被踢出去啊🥺').answer).toContain('没有规定')
    hasEach(ask('老师好😊想问三个事哈：1⃣培养要搞多久 2⃣一年要去大学几次 3⃣中期要是没过会怎样').answer, [
      ['一年'],
      ['退出'],
    ])
    expect(ask('去到大学是在教室上课还是进实验室？').answer).toContain('重点实验室')
    expect(ask('邕宁区的高中也在范围内吧？我们学校不在市区').answer).toContain('南宁')
  })
  it('Cantonese: after the notice', () => {
    expect(ask('我系阿嫲，孙女讲入选咗之后有个公式，公式完之后系点样？直接去大学报到？').answer).toContain('见面会')
  })
  it('once a month is not what the minimum means', () => {
    expect(ask('一年最少去10次，那是不是等于每个月都要去一次？').answer).toMatch(/^不等于/)
  })
  it('a patent in a parent’s name is open; an agreement to sign is open', () => {
    expect(ask('有个实用新型专利是挂我（家长）名字的，娃也有参与，这个能算娃的优先条件吗').answer).toContain('没有提到')
    expect(ask('学生入选后，是否需与高校签订安全责任书或培养协议？').answer).toContain('没有规定')
  })
  it('a department is no university; a short university name not listed', () => {
    expect(ask('我院为计算机学院，请问计算机学科是否在本计划学科范围内？').answer).toContain('数学')
    expect(ask('西大、广西师大、广西科大都有份吗？广西医科大有没有').answer).toContain('不在本计划的实施高校之内')
  })
  it('a month’s test is its step; choosing a university elsewhere is open', () => {
    expect(ask('过完年二月份是不是要考试了😭 要准备啥啊').answer).toContain('中期')
    expect(ask('我在南宁读书，能不能选桂林那边广西师大的导师啊？还是只能跟南宁的大学').answer).toContain('没有规定')
  })
  it('an award does not exempt from the ranks', () => {
    expect(ask('请确认：已获自治区级科技竞赛奖项的学生，是否可不受成绩排名条件限制而直接报名？').answer).toContain(
      '仍需满足',
    )
  })
  it('资格如何, 让孩子去南宁报名', () => {
    const q =
      '广大导师咨询：有一名高二学生物理成绩年级前3%，持有一项已授权的实用新型专利，但其就读学校所在城市尚不清楚，请问其资格如何？'
    expect(ask(q).eligibility).toEqual({ verdict: 'unknown', priority: true })
    expect(ask('我们在贵港桂平，离南宁也不算远，可以让孩子去南宁那边报名吗🥺').eligibility?.verdict).toBe('ineligible')
  })
  it('weekends are not working days, said so', () => {
    expect(ask('假如名单从11月2号星期四开始公式，公式5个工作日，到几号结束？周六周日算不算进去').answer).toContain(
      '周六、周日',
    )
  })
  it('年纪 is 年级; numbers right after a colon number the asks', () => {
    expect(ask('我们年纪一共400个人，数学要排到第几名以内才够报？如果按总分算呢').answer).toContain('80')
    hasEach(ask('三个问题哈：1柳州有几个名额 2学校的材料交给谁 3柳州那边电话多少').answer, [['15'], ['市级科协']])
  })
  it('the steps between a step and the meeting', () => {
    const a = ask('学校推荐材料于10月24日前报送后，至师生见面会之前，还需依次经过哪些环节？')
    hasEach(a.answer, [['自治区级审核'], ['公示']])
  })
})

describe('round 6 classes (blind sets h73–h75)', () => {
  it('吃亏 is no food; a school’s own exams are out of scope', () => {
    expect(ask('南宁30个柳州15个对吧，那南宁比柳州多几个？感觉我们柳州好吃亏哦😤').answer).toContain('多15名')
    expect(ask('南宁三中高一分班考几时考啊？').answer).toMatch(/教务处|班主任/)
  })
  it('a student described and 请确认 asks the verdict', () => {
    const q =
      '桂林市叠彩区某中学：高一学生秦某综合排名年级前25%，化学学科年级前14%，高中阶段获自治区青少年科技创新大赛三等奖。请确认。'
    expect(ask(q).eligibility).toEqual({ verdict: 'eligible', priority: true })
    const r = '南宁市良庆区某中学：高二学生物理成绩年级第50名、综合成绩年级第80名（年级共320人），请确认。'
    expect(ask(r).eligibility?.verdict).toBe('ineligible')
    expect(
      ask('柳州高二，数学单科年级前15%，总分前30%，初中拿过全国初中数学联赛广西赛区二等奖（自治区级），这样行不')
        .eligibility,
    ).toEqual({
      verdict: 'eligible',
      priority: true,
    })
  })
  it('a month’s count and whether two things share a month, the other named before', () => {
    hasEach(ask('培养周期总共是几个月啊？年度评价9月底前搞完，跟周期结束是同一个月不').answer, [['一年'], ['同一个月']])
  })
  it('the time between two steps is counted, not left open', () => {
    expect(ask('按进度安排，师生见面会与确定研究方向相隔约多长时间？研究方向确定后须履行何种手续？').answer).toContain(
      '1个月',
    )
  })
  it('the next evaluation after the midterm', () => {
    hasEach(ask('中期汇报搞完，下一次考核是啥时候？要交啥东西').answer, [['9月底'], ['课题报告']])
  })
  it('a fixed pairing of universities and cities, a safety duty, are open; admissions batches out of scope', () => {
    expect(
      ask('三所实施高校与三个实施城市之间是否有固定的对接分工（如桂师对应桂林）？方案有无明确规定？').answer,
    ).toContain('没有规定')
    expect(ask('入选学生赴高校参加培养期间的安全责任由哪方承担？').answer).toContain('没有规定')
    expect(ask('请问2024年广西普通高校招生录取批次有何调整？我校需向高三年级传达。').intent).toBe('out_of_scope')
  })
  it('what happens in December; a city 科协 asking of itself', () => {
    expect(ask('听说12月份有个啥子环节要搞，是搞哪样的？').answer).toContain('研究方向')
    expect(ask('我市科协在学生选拔及后续培养环节分别承担哪些工作？请逐项说明。').answer).toContain('见面会')
  })
  it('whether a planned day meets a deadline', () => {
    expect(
      ask('管办：南宁市科协拟于10月26日将本市审核通过的《申请表》及报名材料报送贵办，请确认是否在规定时限内。').answer,
    ).toContain('在规定时限内')
    expect(ask('我校教务处拟于10月25日将学生《申请表》报送市科协，请问是否符合方案要求？').answer).toContain('逾期')
  })
})

describe('round 6 classes (blind sets h76–h77)', () => {
  it('a grade size said with 刚好; 推荐得不 asks; a science activity’s award counts', () => {
    expect(ask('兴安县高二，物理第45名，年级刚好300人，卡不卡线').eligibility?.verdict).toBe('eligible')
    const q =
      '班上有个娃，恭城的，高二，生物第7名（年级210人），总分第50名，高二拿了全国中学生生物学联赛广西赛区一等奖，推荐得不'
    expect(ask(q).eligibility).toEqual({ verdict: 'eligible', priority: true })
    const r =
      '我好想参加八桂英才！！我在良庆区读高一，物理第3名，全年级600多人，初二参加自治区青少年科学调查体验活动拿了一等奖🥳'
    expect(ask(r).eligibility).toEqual({ verdict: 'eligible', priority: true })
  })
})

describe('round 6 classes (blind sets h76–h77, after their first runs)', () => {
  it('the step before a named one', () => {
    expect(ask('导师林选前面是哪一步啊？').answer).toContain('自治区级审核')
  })
  it('a fixed university per city is open; information made public is 示范带动', () => {
    expect(ask('桂林的娃是不是都去师大？南宁的就去西大？是按城市分的吗').answer).toContain('没有规定')
    expect(ask('方案对参与高校、中学的信息公开有何要求？').answer).toContain('公布')
  })
  it('the next step named in the ask is answered with its date', () => {
    expect(ask('👍收到入选通知啦！下一步是不是等见面会？大概几月，谁组织的').answer).toContain('11月')
  })
  it('a bare 可以吗 after a profile, 破格申报, asks the verdict', () => {
    expect(ask('柳北区高二，综合年级前19%，化学只有年级前40%，可以吗').eligibility?.verdict).toBe('eligible')
    const q = '桂林某中学初中部：初三学生数学单科年级前1%，已获自治区级数学竞赛一等奖，是否可破格申报？'
    expect(ask(q).eligibility?.verdict).toBe('ineligible')
  })
  it('a formula of trigonometry is no 公示', () => {
    expect(ask('sin²x+cos²x等于几来着 帮我讲讲这个公式咋推的呗').answer).not.toContain('公示')
  })
  it('28号还是29号 asks February’s last day', () => {
    expect(ask('中期评价是2月28号前还是29号前啊？明年2月有几天').answer).toContain('29')
  })
  it('science activities count, said so', () => {
    expect(ask('我拿的是自治区级的科技活动奖，不是竞赛，这个也能优先吗').answer).toContain('竞赛或活动')
  })
  it('the grade at the end with an open point about studies', () => {
    const a = ask('我崽现在高二，陪养要搞到明年9月，那时候都高三了，会不会影响高考啊😟')
    hasEach(a.answer, [['升入高三'], ['没有规定']])
  })
  it('the national program named by its bodies is out of scope', () => {
    expect(ask('烦请提供中国科协、教育部“英才计划”（全国）2024年度的遴选工作安排。').intent).toBe('out_of_scope')
  })
  it('an item of an article named by its title', () => {
    hasEach(ask('按进度安排第（五）项，管办综合评价的对象包括哪些？').answer, [['单位'], ['指导教师']])
  })
})

describe('statements: a permission the plan does not give', () => {
  it('is wrong, and a right statement with loose wording is not called wrong', () => {
    expect(ask('请核实以下理解是否正确：中期评价不合格的学生可以补考后继续培养。').answer).toContain('不正确')
    const q = '请确认理解：本计划采取中期评价与年度评价相结合的形式，中期评价不合格者退出培养。是否正确？'
    expect(ask(q).answer).not.toContain('不正确')
  })
})

describe('after the re-run on da6192c', () => {
  it('an article’s heading asked by its number', () => {
    hasEach(ask('方案第八部分的标题是什么？分别涉及哪些主体？').answer, [['组织保障'], ['参与高校'], ['参与中学']])
  })
  it('a number selected against the quota is a difference, not a guess', () => {
    expect(ask('如柳州市最终入选13名，较额定名额相差几名？').answer).toContain('相差2名')
    expect(ask('柳州是20个吧').answer).toContain('不是20名')
  })
})

describe('an article with no headings of its own, asked by its number', () => {
  it('gets its title and its facts', () => {
    hasEach(ask('方案第七部分的标题及核心要求是什么？').answer, [['学生跟踪与服务'], ['英才库']])
  })
})

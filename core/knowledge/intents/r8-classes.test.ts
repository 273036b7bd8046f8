import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'

describe('who reviews after a step is the next step, not the step named', () => {
  it('"审核完之后还要谁审" lists the reviews that follow', () => {
    const a = ask('学校审核完之后还要谁审？')
    hasEach(a.answer, [['市级审核'], ['自治区级审核'], ['导师遴选']])
    expect(a.answer).not.toMatch(/^报名通过学生所在的中学/)
  })
})

describe('a priority condition settles nothing by itself', () => {
  it('"优先推荐是不是就等于直接录取" says no and names the steps after', () => {
    const a = ask('优先推荐是不是就等于直接录取了？')
    hasEach(a.answer, [['不是', '不等于'], ['导师遴选']])
  })
})

describe('an understanding said with 我理解…对吗 is checked', () => {
  it('a restriction (只负责) the article does not make is wrong', () => {
    hasEach(ask('管办的职责，我理解的是只负责审核申报材料，对吗？').answer, [['不正确'], ['制定实施方案']])
  })
  it('a unit swapped (自然日 for 工作日) is wrong, the number kept', () => {
    hasEach(ask('公示期为5个工作日，我理解为5个自然日即可，对吗？').answer, [['不正确'], ['5个工作日']])
    expect(ask('我理解公示期是5个工作日，对吗？').answer).toMatch(/^正确/)
  })
  it('both conditions said to be needed is wrong; either is right', () => {
    hasEach(ask('我理解的是学生需要同时满足相应学科年级前15%和综合成绩前20%两个条件，对吗？').answer, [
      ['不正确'],
      ['满足其一'],
    ])
  })
  it('a task given to another party (聘书由高校颁发) is wrong', () => {
    hasEach(ask('我理解导师聘书是由各参与高校自行颁发的，对吗？').answer, [['不正确'], ['管理办公室颁发聘书']])
  })
})

describe('a point left open about two subjects at once', () => {
  it('"两个方向一起报" is the open topic with the office’s number', () => {
    hasEach(ask('数学跟物理可以两个方向一起报吗？还是只能选一个').answer, [['没有规定'], ['2809218']])
  })
})

describe('who acts after a step is the next step', () => {
  it('"进了候选人之后，是谁来挑人" is the mentors’ selection organised by the cities', () => {
    hasEach(ask('进了候选人之后，是谁来挑人啊？大学老师直接挑吗').answer, [['导师遴选'], ['市科协']])
  })
})

describe('a student described in full with a bare ask is an eligibility question', () => {
  it.each([
    ['南宁高二 娃成绩一般般，单科前25% 综合前30%。但是有个发明专利授权了，能靠专利报吗😂', 'ineligible'],
    ['南宁市某中学高三学生，化学年级前2%，高二时获全国中学生化学奥林匹克决赛银牌，能否作为特例推荐？', 'ineligible'],
    ['马山县 高二 数学年级前25% 总分前30% 不过有个实用新型专利已经授权了😎 能进不', 'ineligible'],
    ['阳朔 高一 物理年级前16% 综合排名还没出来 咋整', 'unknown'],
    ['贵港市某高中高二学生，物理年级前5%，综合成绩年级前3%，学校希望推荐参加本计划，请问可以吗？', 'ineligible'],
  ])('%s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a description with an ask for another point is that point', () => {
    const a = ask('南宁高一，数学前10%，报名截止是哪天？')
    expect(a.answer).toMatch(/10月24日/)
  })
})

describe('a year said in two digits', () => {
  it('"25年的名额" is another year’s plan; "24年2月底" is this cohort’s date', () => {
    hasEach(ask('25年的名额会不会多一点？南宁还是30个咩').answer, [['2023年的实施方案'], ['2025年度']])
    expect(ask('24年2月底前要中期汇报吗').answer).toMatch(/中期/)
  })
  it('去年 dating a deed of the student is no other year', () => {
    expect(ask('娃去年在杂志上发了篇小论文📄 报名的时候能算优先吗？').answer).not.toMatch(/载入的是/)
  })
})

describe('a deed other than an award or patent asked to count for priority', () => {
  it.each([
    ['娃去年在杂志上发了篇小论文📄 报名的时候能算优先吗？', '发表论文'],
    ['孩子参加过科学营，能优先推荐吗', '科学营'],
    ['三好学生能算优先吗', '三好学生'],
  ])('%s', (q, deed) => {
    hasEach(ask(q).answer, [['不算'], [deed], ['专利']])
  })
  it('an award asked to count is judged by the rules, not this', () => {
    expect(ask('孩子拿了市级物理竞赛一等奖，能算优先吗').answer).not.toMatch(/^不算。方案列出的优先条件只有/)
  })
})

describe('other programs asked about in a message of several asks', () => {
  it('the lead of an ask names the contest it is about', () => {
    const a = ask('我校学生拟参加全国中学生生物学联赛，报名渠道是什么？另外湖南省的同类培养计划何时申报？')
    hasEach(a.answer, [['全国中学生生物学联赛'], ['湖南']])
    expect(a.answer).not.toMatch(/10月24日/)
  })
  it('a place referred back to (那边) is another province’s program', () => {
    const a = ask('我外甥在广东深圳，那边有没有类似的英才计划？怎么报名')
    hasEach(a.answer, [['广东'], ['不是八桂']])
    expect(a.answer).not.toMatch(/10月24日/)
  })
  it('a contest taken part in is the student’s deed: the ask is this program’s', () => {
    expect(ask('孩子参加过信息学竞赛，报名截止是哪天？').answer).toMatch(/10月24日/)
  })
  it('a contest’s own entry rules are not this program’s', () => {
    const a = ask('请问全国中学生数学奥林匹克竞赛决赛的报名方式和参赛资格是什么？')
    hasEach(a.answer, [['“全国中学生数学奥林匹克']])
  })
})

describe('more of the h108–h110 classes', () => {
  it('a bare polite ask after a full description is the verdict', () => {
    expect(ask('梧州市藤县某中学高一学生，数学年级前6%，拟推荐，请确认是否可以。').eligibility?.verdict).toBe(
      'ineligible',
    )
    expect(
      ask('柳州高一的 数学年级前3% 高一刚拿了信息学联赛NOIP省一（广西赛区一等奖） 有用不').eligibility?.priority,
    ).toBe(true)
  })
  it('a restriction with a date is checked as a statement, with the whole article', () => {
    hasEach(ask('我理解对学生的评价只有9月底前的年度评价一次，对吗？').answer, [['不正确'], ['中期'], ['2月底']])
  })
  it('another province’s program asked to apply to is out of scope, not a verdict', () => {
    const a = ask('我们在深圳打工，娃跟着在深圳读高一。广东那边的英才计划广西户口能报不？')
    expect(a.eligibility).toBeUndefined()
    expect(a.answer).toMatch(/不是八桂/)
  })
  it('advice for an exam is out of scope', () => {
    expect(ask('救命😭 高考数学怎么才能提到130啊 有冇好方法').answer).toMatch(/“高考”不是/)
  })
  it('"有几名学生有意报名" is context, and a contest group (奥赛组) names no contest', () => {
    const a = ask('我校信息学奥赛组有几名学生有意报名，请问计算机是否在学科范围内？完整的学科范围有哪些？')
    hasEach(a.answer, [['计算机'], ['数学'], ['生物']])
    expect(a.answer).not.toMatch(/名额|不是八桂/)
  })
  it('"两者相隔几个月" after two named steps with 截止时间 spans those two', () => {
    hasEach(ask('请问中期评价和年度评价的截止时间分别是？两者相隔几个月？').answer, [['7个月']])
  })
  it('universities matched to cities is left open', () => {
    hasEach(ask('请问各实施高校与实施城市之间是否有对口安排，例如广科大是否只对接柳州学员？').answer, [
      ['没有规定'],
      ['2809218'],
    ])
  })
})

describe('h112–h113 classes', () => {
  it('a county-and-district contest (县区级) is below the priority level', () => {
    const a = ask(
      '南宁市邕宁区某中学高二学生韦某：数学学科年级前15%，综合成绩年级前30%，高一时获邕宁区青少年科技创新大赛一等奖（县区级比赛）。请确认能否申报及是否优先。',
    )
    expect(a.eligibility?.verdict).toBe('eligible')
    expect(a.eligibility?.priority).toBe(false)
  })
  it('a program named after 广西/这个 is this one, whatever place came before', () => {
    expect(ask('我们在长沙 孩子高一 物理年级前3% 看到广西这个英才计划挺好的 外省的能报吗').eligibility?.verdict).toBe(
      'ineligible',
    )
  })
  it('an understanding that a described student may apply is the verdict', () => {
    const a = ask(
      '南宁市良庆区某中学高二学生黄某，综合成绩恰为年级前20%，高一时获全国中学生物理竞赛（广西赛区）省级二等奖。我理解其可申报且可优先推荐，对吗？',
    )
    expect(a.eligibility?.verdict).toBe('eligible')
  })
  it('the selection’s steps stated out of order are wrong; in order, right', () => {
    expect(ask('请确认学生选拔的环节顺序：学校推荐—导师遴选—资格审核—公示公布，是否正确？').answer).toMatch(/不正确/)
    expect(ask('我理解选拔是先学校推荐，再市级审核、自治区级审核，然后导师遴选，最后公示，对吗？').answer).toMatch(
      /^正确/,
    )
  })
  it('"还是必须要省级的" asks the level, not whether an award is needed', () => {
    hasEach(ask('数学竞赛拿了个市一等奖 能优先推荐嘛 还是必须要省级的😣').answer, [['自治区级'], ['市级']])
  })
  it('the growth log goes to the platform, not paper', () => {
    hasEach(ask('导师说每次活动完要写那个啥日记📝 是交纸质的还是网上交啊').answer, [['成长日志'], ['平台']])
  })
  it('camps and other activities are the exchange article', () => {
    hasEach(ask('除了去实验室做实验 平时还有啥别的活动没？比如夏令营那种🏕️').answer, [['科学营'], ['学术会议']])
  })
  it('the days from the school’s hand-in to the city’s', () => {
    hasEach(ask('学校那边交上去以后 市里科协隔几天就要往上报了？想知道流程走得快不快').answer, [['3天']])
    hasEach(ask('学校24号交上去 那科协那边几号报上去啊 中间隔几天').answer, [['10月27日'], ['3天']])
  })
  it('Cantonese: 几多次, 边啲; 那边几号 keeps its side', () => {
    hasEach(ask('要去大学几多次啊？我哋住柳江，坐车过去好远🚌').answer, [['10次']])
    hasEach(ask('听讲选上了还要开个师生见面会，几时开？都有边啲人参加啊').answer, [['11月'], ['家长']])
  })
  it('another province’s program asked in one ask keeps the asks after it out', () => {
    const a = ask('广东那边也有英才计划吧？我外甥在深圳读高一 他那边咋报名的')
    expect(a.answer).toMatch(/不是八桂/)
    expect(a.answer).not.toMatch(/10月24日/)
  })
})

describe('h114–h116 classes', () => {
  it.each([
    ['我理解的是：邕宁区高二学生张某，数学年级前18%、综合年级前19%，符合遴选条件，对吗？', 'eligible'],
    [
      '南宁市科协：隆安县一名高一学生，物理年级前13%，实用新型专利已受理、尚未授权，请确认其资格及是否优先。',
      'eligible',
    ],
    ['龙胜各族自治县高一学生，数学年级前15%，综合前30%，高中阶段获自治区级数学竞赛三等奖，结论如何？', 'eligible'],
    ['南宁高二，高一拿过自治区青少年科技创新大赛一等奖。学校不公布排名 咋整😮‍💨', 'unknown'],
    ['湛江市某中学高一学生有意申报，物理年级前3%，请问是否在实施范围内？', 'ineligible'],
    ['来宾市高一学生，物理年级前2%，是否可由我校推荐参加？', 'ineligible'],
  ])('a described student asked in staff words: %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
  it('a statement agreeing with the article’s own negation is right; one dropping it is wrong', () => {
    expect(ask('我理解优先推荐条件中的科技竞赛或活动奖项须为自治区级及以上，市级奖项不在此列，对吗？').answer).toMatch(
      /^正确/,
    )
    expect(ask('我理解市级奖项也在优先条件之内，对吗？').answer).toMatch(/不正确/)
    expect(ask('请核实：学生到校参加培养少于10次也可以').answer).toMatch(/不正确/)
    expect(ask('请核实：学生到校参加培养不少于10次').answer).toMatch(/^正确/)
  })
  it('a paraphrase of the article is right', () => {
    expect(ask('我理解中学指导教师的指导工作可计入工作量，并在职称评聘等方面予以适当优先，对吗？').answer).toMatch(
      /^正确/,
    )
  })
  it('a school exam in a remark is not the selection’s form', () => {
    hasEach(ask('中期考核大概几月份啊 娃说开学有考试 怕撞一起').answer, [['2月底']])
  })
  it('an incentive named beside an open point answers both', () => {
    hasEach(ask('参加这个对综评有冇用啊 娃以后想走强基').answer, [['综合素质评价'], ['没有规定']])
  })
  it('a later year with a grade is another year’s plan', () => {
    expect(ask('25年还有没有这个计划啊？我现在高一，到时候高二还想报😂').answer).toMatch(/载入的是/)
  })
  it('初选 is the school’s step; "咨询两点：" is a frame', () => {
    hasEach(ask('学校初选完了还有啥？要过几关啊😵').answer, [['导师遴选'], ['公示']])
    const a = ask(
      '教务处咨询两点：一、遴选对象是否仅限重点高中？普通高中的高一、高二学生能否参加？二、学科范围包括哪些？',
    )
    hasEach(a.answer, [['普通高中'], ['计算机']])
    expect(a.answer).not.toMatch(/戴溦/)
  })
})

describe('h117–h119 classes', () => {
  it('how the outcome is learnt, said loosely', () => {
    hasEach(ask('咋知道自己选上没有？会发短信还是上网看').answer, [['公示'], ['云服务平台']])
  })
  it('a mentor’s level names the team’s degrees too', () => {
    hasEach(ask('带娃的导师都是啥水平的？是教授亲自带 还是丢给研究生带哦🤔').answer, [['院士'], ['博士学位']])
  })
  it('a design patent asked to count is the patent rule, not certificates', () => {
    hasEach(ask('外观专利也是国家知识产权局发的证书嘛，这个算不算优先条件？').answer, [
      ['发明'],
      ['实用新型'],
      ['外观'],
    ])
  })
  it('what is handed in after each activity is the growth log', () => {
    hasEach(ask('每次活动完是不是还要交啥作业？在哪里交啊').answer, [['成长日志'], ['平台']])
  })
  it('going on next year is taking part again', () => {
    hasEach(ask('读完这一期，明年还能接着去不？导师还认不认我们😅').answer, [['下一年度'], ['优先']])
  })
  it('a statement about what the plan leaves open is said to be open', () => {
    hasEach(ask('我理解的是广西科技大学对接柳州、桂师对接桂林，对吗？').answer, [['没有规定'], ['2809218']])
    hasEach(ask('我理解的是桂林市的入选学生统一由桂师负责培养，对吗？').answer, [['没有规定']])
  })
  it('a listed university’s duties; an unlisted one is corrected first', () => {
    hasEach(ask('广大作为实施高校之一，在本计划中主要承担哪些职责？').answer, [['推荐导师'], ['培养计划']])
    expect(ask('我校广西民族大学作为实施高校之一，需承担哪些职责？').answer).toMatch(/不在/)
  })
  it('weekends are no working days', () => {
    hasEach(ask('公示说5个工作日，那周六周日算不算在里面哦').answer, [['不算'], ['5个工作日']])
  })
  it('places in a grade of a said size are shares for the verdict', () => {
    const a = ask('柳州铁一中高一年级在读800人，某生数学单科排第120名，综合排第176名，是否达到遴选成绩要求？')
    expect(a.eligibility?.verdict).toBe('eligible')
  })
  it('恰好处于 is no 好处', () => {
    expect(
      ask('龙胜各族自治县某高中高二学生，数学学科年级前15%、综合成绩年级前20%，均恰好处于临界值，请问是否符合条件？')
        .eligibility?.verdict,
    ).toBe('eligible')
  })
})

describe('h120–h122 classes', () => {
  it('a described student asking for a boost or still hoping is the verdict', () => {
    expect(ask('恭城的，高一，总分年级前20%，初中拿过桂林市科技创新大赛一等奖 有冇加成').eligibility?.priority).toBe(
      false,
    )
    expect(
      ask('我们在贺州😭 娃高二，数学全年级第一，还拿过全国高中数学联赛广西赛区一等奖，真的报不了吗').eligibility
        ?.verdict,
    ).toBe('ineligible')
  })
  it('好耐 asks how long', () => {
    hasEach(ask('请问培养要搞好耐吗？一年定两年😮 怕影响高考复习').answer, [['一年']])
  })
  it('the effect on studies is open, with how long the training is', () => {
    hasEach(ask('这个要搞多久啊 会不会拖到高三 影响复习😂').answer, [['没有规定'], ['一年']])
  })
  it('a span of working days from a weekday ends on the weekday counted', () => {
    hasEach(ask('假设公示是礼拜四开始，5个工作日，周末不算的话要到哪天结束？中间没放假').answer, [['周三']])
  })
  it('a listed item said to be left out is wrong; 只有 one of two is 不对', () => {
    expect(ask('我理解的是导师必须是院士或长江学者，省级教学名师不在导师人选范围内，对吗？').answer).toMatch(/^不对/)
    expect(ask('我理解的是本计划的承办单位只有广西科技馆一家，对吗？').answer).toMatch(/^不对/)
    expect(ask('我理解市级奖项不在优先条件之内，对吗？').answer).toMatch(/^正确/)
  })
  it('a step said done dates the step asked of', () => {
    hasEach(ask('遴选候选人确定后，导师遴选环节由谁组织实施？在谁的指导下进行？').answer, [
      ['市科协'],
      ['管理办公室指导'],
    ])
  })
})

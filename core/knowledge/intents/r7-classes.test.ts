import { describe, expect, it } from 'vitest'
import { ask, hasEach } from '../../../test/helpers/qa'
import { expandCityInitials } from '../normalise'

const WRONG = /不正确|不对|不一致/

describe('statements checked slot by slot', () => {
  it('two numbers of a rule swapped is wrong, however close the words', () => {
    const a = ask('请核实以下表述：遴选条件为“相应学科成绩在本校年级前20%或综合成绩排名前15%”。是否准确？')
    expect(a.answer).toMatch(WRONG)
    expect(a.answer).not.toMatch(/^正确/)
    // The same rule stated right stays right.
    expect(
      ask('请核实以下表述：遴选条件为“相应学科成绩在本校年级前15%或综合成绩排名前20%”。是否准确？').answer,
    ).toMatch(/^正确/)
  })
  it('a party given another party’s task is wrong, and the article names who does it', () => {
    const a = ask('请核实：《申请表》及报名材料的真实性由市级科协负责审核。该表述是否准确？')
    hasEach(a.answer, [['不正确'], ['学校对《申请表》']])
    hasEach(ask('请核实：管理办公室负责对实施方案进行审定。').answer, [['不正确'], ['主办单位，负责审定实施方案']])
    hasEach(ask('请核实：研究方向和选题于2023年11月师生见面会上确定，并报自治区教育厅备案。').answer, [
      ['不正确'],
      ['2023年12月'],
      ['报管理办公室备案'],
    ])
  })
  it('a party doing a task the plan gives it in other words is never called wrong', () => {
    expect(ask('请核实：市级科协负责审核申报材料的完整性').answer).not.toMatch(WRONG)
    expect(ask('请核实：管理办公室负责制定实施方案').answer).not.toMatch(WRONG)
  })
  it('a statement after 请判断： is checked, not read as a student to assess', () => {
    const a = ask('请判断：学生仅在初中阶段获得的自治区级科技竞赛奖项，不能作为优先推荐条件。')
    expect(a.eligibility).toBeUndefined()
    hasEach(a.answer, [['不正确'], ['初中、高中']])
  })
})

describe('days from a day said to a step dated by its month’s end', () => {
  it('counts to the last day of that month, said as such', () => {
    hasEach(ask('今天是2023年11月20号，离中期平价截止还有多少天啊？').answer, [['101天'], ['2024年2月29日']])
    hasEach(ask('今日为2023年12月1日，距中期评价截止日（按2024年2月最后一日计，不含当日）还有多少天？').answer, [
      ['90天'],
    ])
  })
})

describe('statements of sums, steps and requirements', () => {
  it('a sum of cities’ places stated equal to another city’s is checked', () => {
    expect(ask('请核对以下表述：“柳州、桂林两市选拔名额之和与南宁市选拔名额相等。”是否正确？').answer).toMatch(/^正确/)
    hasEach(ask('我市（南宁）名额为30名。请核：柳、桂两市名额合计是否与南宁相同？').answer, [['相同'], ['30名']])
  })
  it('cities named by their first characters in a run are read as the cities, a lone character never', () => {
    hasEach(ask('柳、桂两市名额之和与南宁市名额是否相等？').answer, [['柳州市'], ['桂林市'], ['相同']])
    const cities = [{ name: '南宁市' }, { name: '柳州市' }, { name: '桂林市' }]
    expect(expandCityInitials('南、柳、桂三市合计', cities)).toBe('南宁、柳州、桂林三市合计')
    expect(expandCityInitials('八桂英才，桂花开了，南柳市场', cities)).toBe('八桂英才，桂花开了，南柳市场')
  })
  it('a statement that a step settles the outcome is answered with the steps after it', () => {
    hasEach(ask('请判断：市级科协审核通过后即可直接确定入选学生。是否正确？').answer, [['不是'], ['导师遴选']])
  })
  it('a requirement said not to be needed is wrong; a negation the plan says too is not', () => {
    hasEach(ask('请确认：研究方向确定后报学生所在中学备案即可，无需报管理办公室。').answer, [
      ['不正确'],
      ['报管理办公室备案'],
    ])
    expect(ask('请核实：学生不需要个人直接报名，由学校推荐。').answer).not.toMatch(WRONG)
  })
  it('请核： and 请判断正误 ask a statement to be checked', () => {
    hasEach(ask('请核：方案规定学生培养周期内到校参加培养不少于12次。').answer, [['不对'], ['10次']])
    hasEach(ask('请核：南宁市选拔15名，柳州市、桂林市各选拔30名。').answer, [['不正确'], ['南宁市30名']])
    const both = ask('请判断正误：学生须同时满足“相应学科成绩年级前15%”与“综合成绩排名前20%”两项方可报名。')
    expect(both.eligibility).toBeUndefined()
    hasEach(both.answer, [['不正确'], ['其一']])
  })
})

describe('a weekday and a count asked of the step the message names', () => {
  it('那天 is the deadline just asked, not today’s day the message says', () => {
    const a = ask('今天10月16号礼拜一。老师讲申请表要在截止前由学校交到市科鞋，截止是几号？那天礼拜几啊？')
    hasEach(a.answer, [['10月24日'], ['星期二']])
    expect(a.answer).not.toContain('10月16日是星期一')
  })
  it('an ask naming no step of its own asks of the step named last before it', () => {
    const a = ask('年度评价须于何时前完成？届时学生需提交哪些材料？截止当日为星期几？')
    hasEach(a.answer, [['2024年9月30日'], ['星期一'], ['课题报告']])
    expect(a.answer).not.toContain('星期二')
  })
  it('分别是星期几 gives each step’s weekday, and a count after it is the interval’s', () => {
    const a = ask('学校向市级科协提交材料的截止日与市级科协向管办报送的截止日，分别是星期几？两者相隔几天？')
    hasEach(a.answer, [['星期二'], ['星期五'], ['3天']])
    hasEach(ask('市级审核报送截止日为星期几？与学校报送市科协的截止日相差几天？').answer, [['星期五'], ['3天']])
  })
  it('days left after a weekday ask count from today’s day said to the step named', () => {
    hasEach(ask('今天10月16号礼拜一，学校交表给市科协最后是几号？那天星期几？还剩几天了🙏').answer, [
      ['星期二'],
      ['8天'],
    ])
  })
  it('a step given with its own day is one end of a span, the step asked before the other', () => {
    hasEach(ask('年度评价最迟完成日为星期几？自中期评价截止日（2024年2月29日）起算，相隔多少天？').answer, [
      ['星期一'],
      ['214天'],
    ])
  })
  it('a day with no year is in the cohort’s year of its month', () => {
    hasEach(ask('年度评价9月底前交，9月30号是周几？想提前规划下').answer, [['2024年9月30日'], ['星期一']])
  })
})

describe('subjects, dialect and years written out', () => {
  it('a subject of the list asked about is said to be in it, by its other names too', () => {
    hasEach(ask('我是搞信息学竞赛的🤓 计算机在不在学科范围里面啊').answer, [['计算机在方案列出的学科范围之内']])
    const geo = ask('娃仔好中意地理同天文，呢个计划有冇地理嘅？冇嘅话有边几科可以揀').answer
    hasEach(geo, [['没有明确列出地理'], ['数学、物理、化学、生物、计算机']])
    // A number asked of a subject stays the quota's.
    expect(ask('生物学科分到多少名额').answer).toContain('没有规定')
  })
  it('Cantonese 而家, 几好 and 报得唔得 describe a student asking to apply', () => {
    const a = ask('我仔而家读初三，成绩几好，今年报得唔得㗎？')
    expect(a.eligibility?.verdict).toBe('ineligible')
    hasEach(a.answer, [['初三不在范围内'], ['高一、高二']])
  })
  it('好多个娃 asks how many', () => {
    hasEach(ask('我们桂林的，桂林这边收好多个娃？听讲南宁收得多些').answer, [['桂林市选拔15名']])
  })
  it('a year written out after 明年 is the year meant', () => {
    hasEach(ask('中期汇报要在2月底前搞完，明年（2024年）2月有没有29号啊？那天星期几😂').answer, [
      ['2月29日'],
      ['星期四'],
    ])
  })
})

describe('several steps asked at once', () => {
  it('who carries out each step, with its date', () => {
    hasEach(ask('中期评价与年度评价分别由谁组织、最迟何时完成？').answer, [
      ['2024年2月底'],
      ['2024年9月底'],
      ['管理办公室联合高校'],
    ])
  })
  it('a step said as the time after which another is asked: the other’s date', () => {
    const a = ask('见面会以后啥时候定研究方向')
    hasEach(a.answer, [['2023年12月']])
    expect(a.answer).not.toMatch(/^师生见面会/)
  })
})

describe('out of scope, open points and the article meant', () => {
  it('a general task naming a grade and a city is no student asking to apply', () => {
    const a = ask('本校拟组织高二年级赴桂林研学旅行，请推荐三天两晚的研学路线。')
    expect(a.eligibility).toBeUndefined()
    expect(a.intent).toBe('out_of_scope')
    expect(ask('有没有推荐的物理竞赛书，程书还是新概念好').intent).toBe('out_of_scope')
  })
  it('another body’s recognition and the national program said not to be this one are elsewhere', () => {
    expect(ask('请问我校申报自治区级科普教育基地，需提交哪些材料？').answer).toContain(
      '不是八桂青少年英才培养计划的内容',
    )
    const national = ask('中国科协那个全国“英才计划”（不是八桂的）今年几时报名？').answer
    expect(national).toContain('全国英才计划')
    expect(national).not.toContain('2023年10月24日')
  })
  it('what this program does for another (强基 降分) and how 不合格 is judged are open', () => {
    hasEach(ask('听讲入选了以后考大学强基计划可以降分，系唔系真㗎？降几多分').answer, [['没有规定'], ['2809218']])
    hasEach(ask('中期评价“不合格”的具体判定标准及评分办法是什么？').answer, [['没有规定'], ['2809218']])
  })
  it('duties towards someone (对…中学教师) are the articles that name them', () => {
    hasEach(ask('对承担培养计划指导任务的中学教师，高校负有什么职责？').answer, [['专项培训']])
  })
  it('a claim about 高考 of the program’s own 考核结果 gets the article on it', () => {
    hasEach(ask('有家长称参与学生的考核结果将计入高考成绩，请问方案依据为何？').answer, [['综合素质评价']])
  })
  it('a mentor only in name, a school teacher too: the articles on meeting and on school teachers', () => {
    hasEach(ask('导师会不会只是挂个名，一年到头都见不到人啊？').answer, [['当面指导']])
    hasEach(ask('中学这边会安排老师带吗？还是全靠大学的导师😅').answer, [['中学指导教师']])
  })
})

describe('counts over the plan’s spans and places', () => {
  it('a span of working days with weekends in it, in calendar days', () => {
    hasEach(ask('入选学生公示期为几个工作日？若公示期内含一个周末且无法定节假日，共计跨越多少个自然日？').answer, [
      ['5个工作日'],
      ['7个自然日'],
    ])
  })
  it('a city’s places over the number it chooses from', () => {
    hasEach(ask('若南宁市经资格审核确定遴选候选人90名，按方案名额计算，入选比例约为多少？').answer, [
      ['1/3'],
      ['33.3%'],
    ])
  })
})

describe('round h84–h86: drafting, spans, bodies, students', () => {
  it('drafting a notice or a child’s paper is out of scope, however the number is written', () => {
    for (const q of ['请协助拟一份本校高三第一次模拟考试的考务安排通知。', '帮我家孩子写一篇科技创新大赛的论文摘要呗'])
      expect(ask(q).intent, q).toBe('out_of_scope')
  })
  it('working days from a day said to a step handed to 市科协, both ends counted', () => {
    hasEach(
      ask('我校拟于10月16日（周一）启动校内报名，至向市科协提交的截止日共有多少个工作日（含首尾两日，无节假日）？')
        .answer,
      [['7个工作日']],
    )
  })
  it('the one day a message gives counts the days left to a step', () => {
    hasEach(ask('娃10月15号（礼拜天）才知道这个事，离学校交表截止还有多少天？来得及不😭').answer, [['还有9天']])
    const left = ask('以2023年11月1日计，距中期评价截止日（2024年2月29日）还有多少天？').answer
    hasEach(left, [['120天']])
    expect(left).not.toContain('121天')
  })
  it('a body listed in a role that is not the plan’s makes the statement wrong', () => {
    expect(
      ask(
        '请核对以下表述是否正确：“八桂计划承办单位为广西青少年科技中心、广西科技馆，主办单位为自治区科协、自治区科技厅。”',
      ).answer,
    ).toMatch(/^不对/)
  })
  it('a line asked against (够15%不) is no rank of the student; a rank of unknown kind meets the subject’s line', () => {
    const a = ask('七星区高一，数学年级第75名（年级450人），总分排名还没出，够15%不')
    expect(a.eligibility?.verdict).toBe('unknown')
    const b = ask(
      '孩子在阳朔读高二，有个实用新型专利刚下证（已授权），成绩大概年级前20%左右吧，也搞不清是单科还是总分，能报不',
    )
    expect(b.eligibility?.verdict).toBe('unknown')
  })
  it('a body passing a case on names no place of the student', () => {
    const a = ask(
      '柳州市科协转来一名学生情况：来宾市合山市高二学生，物理年级前5%，拥有已授权发明专利一项。请问能否参与推荐？',
    )
    expect(a.eligibility?.verdict).toBe('ineligible')
  })
  it('可否参照推荐 and 资格审核意见 ask whether the student may apply', () => {
    expect(
      ask('钦州市第一中学高二学生，物理单科年级前2%，获全国中学生物理竞赛广西赛区一等奖，可否参照推荐？').eligibility
        ?.verdict,
    ).toBe('ineligible')
    expect(
      ask(
        '市科协初审：某生《申请表》所在城市栏空缺，年级为高二，化学学科年级前6%，高中阶段获自治区级化学竞赛一等奖。请问资格审核意见？',
      ).eligibility?.verdict,
    ).toBe('unknown')
  })
})

describe('round h84–h86, second part', () => {
  it('Cantonese 几间大学 asks the universities', () => {
    hasEach(ask('跟哪几间大学合作啊，有冇西大？').answer, [['广西大学'], ['广西科技大学'], ['广西师范大学']])
  })
  it('the two teachers of 双师共导 are the article on it, not the contact list', () => {
    hasEach(ask('双校共学双师共导 听着高大上 具体两个老师是谁跟谁啊').answer, [['高校导师'], ['中学指导教师']])
  })
  it('grades of an evaluation and a cap on what a city forwards are open points', () => {
    hasEach(ask('年度评价结果分几个等级？年度评价不合格的学生如何处理？').answer, [['没有规定'], ['2809218']])
    hasEach(
      ask('桂林市科协：请问市级审核报送候选人时，方案是否规定差额比例？我市名额15人，报送人数上限是多少？').answer,
      [['没有规定'], ['2809218']],
    )
  })
  it('a number of days a step is said to have is checked against its dates', () => {
    hasEach(ask('学校24号才交到市里，市里27号前又要交到区里，那市科协只有3天审核？是不是搞错了😂').answer, [['3天']])
  })
  it('a restriction is answered with the whole article it narrows', () => {
    hasEach(ask('请判断：学生评价仅在培养周期结束时进行一次年度评价。').answer, [['不正确'], ['中期评价']])
  })
  it('续 after a cycle is taking part again; 继续跟踪 is not', () => {
    expect(ask('学生毕业以后，中学还要继续跟踪吗').answer).not.toMatch(/^一个培养周期结束后/)
  })
})

describe('round h87–h89', () => {
  it('Cantonese 我哋喺 and 有冇得报, and 能否纳入, ask to apply', () => {
    expect(ask('我哋喺贺州，仔读高二，化学年级第一😎 有冇得报？').eligibility?.verdict).toBe('ineligible')
    expect(
      ask('钦州市第一中学拟推荐高二学生一名，数学年级前1%，获全国高中数学联赛全国一等奖，请问能否纳入？').eligibility
        ?.verdict,
    ).toBe('ineligible')
  })
  it('还能继续不 after a cycle is taking part again, not another year', () => {
    hasEach(ask('培训是搞一年还是两年啊？搞完了明年还能继续不').answer, [['一年'], ['优先']])
  })
  it('a day claimed for handing in the form is checked against that step, whatever 方向 slips in', () => {
    hasEach(ask('某校于2023年10月25日方向市科协提交《申请表》，是否逾期？').answer, [['逾期'], ['10月24日']])
  })
  it('the days between two deadlines said with their days, and a weekday start of the notice', () => {
    hasEach(ask('学校推荐截止（10月24日）至市级审核报送截止（10月27日），市科协的审核时间为几天？').answer, [['3天']])
    hasEach(ask('入选名单要公式5个工作日对吧？如果礼拜四开始公式，中间隔个周末，是不是要到下个礼拜三才完？').answer, [
      ['公示期为5个工作日'],
      ['下周三'],
    ])
  })
  it('a number selected against the quota, and a multiple of it', () => {
    hasEach(ask('柳州市目前拟确定入选学生14名，与方案规定名额相比差几名？').answer, [['相差1名']])
    hasEach(ask('柳州市科协拟按本市选拔名额的2倍报送候选人，请问应报送多少名？').answer, [['30名']])
  })
  it('a body put in another body’s place is wrong; the right body is right', () => {
    expect(ask('请判断：管理办公室的日常工作由广西科技馆负责。该表述是否正确？').answer).toMatch(
      /^不对，这一理解不正确/,
    )
    expect(ask('请核实：“管理办公室日常工作由广西青少年科技中心负责”，该表述是否准确？').answer).toMatch(/^正确/)
  })
  it('an award of 初中 counting for priority is said to', () => {
    hasEach(
      ask('孩子初三那年拿过广西初中数学竞赛一等奖（自治区级的🏅），现在上高一了，这个还算优先推荐的条件嘛').answer,
      [['初中阶段获得的也算']],
    )
  })
  it('the open topic of the asking clause comes before the remarks’', () => {
    hasEach(ask('孩子住校不好出来，可以全部线上参加吗').answer, [['能否线上参加']])
    hasEach(ask('各市遴选候选人人数与最终入选人数之间是否有规定比例？').answer, [['没有规定'], ['2809218']])
  })
})

describe('round h87–h89, second part', () => {
  it('那天 after a step’s day and a remark on it is that step’s weekday', () => {
    hasEach(ask('中期汇报截止那天是几号？2024年2月有29号吧？那天礼拜几').answer, [['星期四']])
  })
  it('what a review looks at (侧重哪些方面), and who checks the truth of the papers', () => {
    hasEach(ask('市级科协审核《申请表》时侧重哪些方面？申报材料的真实性由哪一方审核？').answer, [
      ['规范'],
      ['学校对《申请表》及相关报名材料的真实性'],
    ])
  })
  it('a party’s follow-up asked by the article’s name is the follow-up, not the headings', () => {
    hasEach(ask('按方案“相关要求”，参与中学除中期评估、年度评价外，还须开展学生哪些方面的跟踪？').answer, [
      ['升学'],
      ['就业'],
    ])
  })
  it('parts of one article named in a list: each part', () => {
    hasEach(ask('请确认本年度实施城市、实施高校及学科范围。').answer, [['南宁市'], ['广西师范大学'], ['计算机']])
    // A point asked of the parts stays with its own reading.
    expect(ask('请告知：中期评价和年度评价两个截止日期各是星期几').answer).toContain('星期')
  })
})

describe('round h90–h92', () => {
  it('判断： with no 请 asks a statement to be checked, and a statement said nearly word for word is right', () => {
    expect(ask('判断：学校推荐环节，学校应对《申请表》及报名材料的真实性和完整性进行审核。').answer).toMatch(/^正确/)
    hasEach(ask('判断：中期评价不合格的学生，可在年度评价时补评，无需退出培养。').answer, [['不正确'], ['退出']])
  })
  it('a day said with no year is in the cohort’s year of its month when counting days left', () => {
    hasEach(ask('今天12月1号，离中期汇报截止还有多少天啊，我课题还没开始😭').answer, [['还有90天']])
  })
  it('two days of one month said with no month are counted apart', () => {
    hasEach(ask('学校24号截止，市里27号截止，24号到27号差几天啊').answer, [['3天']])
    hasEach(ask('我市科协收到学校材料的截止日与报送管理办公室的截止日之间相隔几天？').answer, [['3天']])
  })
  it('能否作为推荐对象 and …情况如何 after a profile ask whether the student may apply', () => {
    expect(
      ask('南宁三中高三学生张某，物理年级前5%，拥有发明专利授权一项，能否作为推荐对象？').eligibility?.verdict,
    ).toBe('ineligible')
    expect(
      ask('南宁市宾阳县高一新生，尚无年级排名，初中获全国青少年科技创新大赛一等奖，请问情况如何？').eligibility
        ?.verdict,
    ).toBe('unknown')
  })
  it('places by subject are the quota’s open point, not the subject list', () => {
    hasEach(ask('数学、物理、化学、生物、计算机各学科的名额如何分配？').answer, [['没有规定'], ['2809218']])
  })
  it('成果公开 is the article on making results public; 素质平价 is 素质评价', () => {
    hasEach(ask('方案对参与中学在宣传和成果公开方面有什么要求？').answer, [['向社会公布']])
    hasEach(ask('班主任讲参加这个能写进综合素质平价？真的吗').answer, [['综合素质评价']])
  })
})

describe('round h93–h95', () => {
  it('a right statement granting what the conditions grant (可以报名) is never called wrong', () => {
    expect(
      ask('判断：方案遴选对象为南宁、柳州、桂林三市辖区内全体高一、高二学生，所辖县（市）高中的学生同样可以报名。')
        .answer,
    ).not.toMatch(/不正确/)
  })
  it('an item added to the plan’s list makes the statement wrong; the list itself does not', () => {
    expect(ask('判断：年度评价须提交的材料包括课题报告、培养报告、成长日志及中学校长推荐信。').answer).toMatch(
      /^不对，这一理解不正确/,
    )
    expect(ask('判断：年度评价须提交的材料包括课题报告、培养报告、成长日志及导师评价。').answer).not.toMatch(/不正确/)
  })
  it('a phone said with a contact that is not theirs, or a city contact said to be the office’s, is corrected', () => {
    hasEach(
      ask('请核对：柳州市联系人覃佩娟，电话0772-2628531；南宁市联系人戴溦，电话0771-2809218。是否无误？').answer,
      [['不对'], ['0771-5828180']],
    )
    hasEach(ask('请核对：管办联系人为覃佩娟，电话0771-2809218。是否有误？').answer, [['不对'], ['覃毅峰']])
  })
  it('a span said with both its days is their difference unless both ends or a total are asked', () => {
    const a = ask('以中期评价截止日（2024年2月底）起算，至年度评价截止日（2024年9月底）共多少天？').answer
    hasEach(a, [['214天']])
    expect(a).not.toContain('215天')
  })
  it('places per university are open; traffic and tutoring are out of scope; 有冇机会 asks to apply', () => {
    hasEach(ask('各实施高校分别承担多少名学员的培养任务？').answer, [['没有规定'], ['2809218']])
    expect(ask('谢谢老师辛苦了🌹🌹 对了南宁今天限行不').intent).toBe('out_of_scope')
    expect(ask('有冇人知道南宁哪里补物理比较好😂 推荐一下').intent).toBe('out_of_scope')
    expect(ask('柳州融水的娃，读高二，总分年级前两成，有冇机会？').eligibility?.verdict).toBe('eligible')
  })
  it('a school named after its city (来宾高级中学) places the student there', () => {
    expect(ask('来宾高级中学高一学生，数学年级前4%，可否参加本年度遴选？').eligibility?.verdict).toBe('ineligible')
  })
})

describe('round h96–h98', () => {
  it('a point the plan leaves open about the subjects stays open, not the subject list', () => {
    hasEach(ask('一个人可以同时报数学和物理两个学科吗？还是只能选一个').answer, [['没有规定'], ['2809218']])
  })
  it('a share of the forms a city forwards, 邕市, and how often a mentor meets', () => {
    hasEach(
      ask(
        '柳州市科协：经市级审核，我市拟向管理办公室报送符合条件的《申请表》45份。按方案给我市的名额测算，入选比例约为多少？',
      ).answer,
      [['1/3']],
    )
    hasEach(ask('柳、桂两市遴选名额之和与邕市名额相比，是否相等？').answer, [['相同']])
    hasEach(ask('方案对导师每月与学生见面次数有无具体规定？').answer, [['没有规定'], ['2809218']])
  })
  it('where the program is heard of is not where the student studies', () => {
    expect(
      ask('我家在桂平，孩子读高一，物理年级前3%，听说桂林那边有个英才计划，我们能报吗？').eligibility?.verdict,
    ).toBe('ineligible')
    expect(
      ask('市科协收到一份申请材料：学生为高二年级，化学年级前6%，但学校所在地一栏空缺，应如何判断？').eligibility
        ?.verdict,
    ).toBe('unknown')
  })
})

describe('round h99–h101: asks to apply in more dialects', () => {
  it.each([
    ['我们是来宾象州的，妹崽读高一，综合年级前10%，得报冇？', 'ineligible'],
    ['三江的高一妹崽，总分年级第65名，数学第60名，年级一共300人，得报不？', 'ineligible'],
    ['我屋崽在恭城读高一，物理考得几好，年级前百分之八，报得不咯', 'eligible'],
    ['我们老家桂林的，孩子现在在广州读高二，数学年级前3%，可以回来报八桂英才不？', 'ineligible'],
    [
      '桂林市科协收到灵川县一所中学的申请：高二学生，物理年级排名前25%，综合排名前30%，高中阶段获全国青少年科技创新大赛一等奖。请问能否通过资格审核？',
      'ineligible',
    ],
    [
      '柳州市某中学：我校高二学生学科及综合排名均需期中考试后方能确定，其高中阶段曾获全国青少年科技创新大赛三等奖，可否先行推荐？',
      'unknown',
    ],
  ])('%s → %s', (q, verdict) => {
    expect(ask(q).eligibility?.verdict).toBe(verdict)
  })
})

describe('a time said by the event it follows', () => {
  it('成长日志 is handed in after each activity, on the platform', () => {
    hasEach(ask('成长日志是啥时候交？交到哪里的，纸质的吗').answer, [['每次活动后'], ['平台']])
  })
  it('直接录取 of the program’s own priority is no admissions topic; of 高考 it is', () => {
    expect(ask('优先推荐是不是就等于直接录取了？后面还要不要选😳').answer).not.toContain('升学')
    expect(ask('入选了高考能直接录取吗').answer).toContain('升学')
  })
})

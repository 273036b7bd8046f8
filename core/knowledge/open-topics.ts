/** Topics the plan leaves open, and conditions its rules do not set: checked by several intents. */

/**
 * Who pays for what a student uses or spends (materials, consumables, books, travel, meals): the
 * plan says nothing about money, so these are never answered with a fact that merely shares a
 * word (实验, 阅读书目) with the question.
 */
export const OUT_OF_POCKET =
  /耗材|材料费|试剂|书费|资料费|设备费|器材费|买(材料|书|设备|器材|耗材|试剂|东西)|自己(出钱|买|付|掏|承担|负担|花)|出钱|掏腰包|(谁|哪里|哪儿)(来)?(出|付|承担|负担|掏)(钱|费|这笔)|钱(由|是)?(谁|哪)(来)?(出|付|承担|负担|掏)|(费|钱)(用)?由谁|报账|自掏/

/**
 * Conditions people ask about that the plan's rules do not set: 四（二）1 selects every 高一 and
 * 高二 student of the three cities' 辖区 and names none of these. Each label is said in the reply.
 */
export const OFF_RULE_CONDITIONS: { pattern: RegExp; label: string }[] = [
  { pattern: /户口|户籍|籍贯|外地人|外省人|随迁|非本地/, label: '户籍（户口）' },
  { pattern: /民办|私立|私校/, label: '民办（私立）学校' },
  { pattern: /借读|寄读/, label: '借读' },
  { pattern: /复读|留级|休学|重读/, label: '复读、留级或休学' },
  { pattern: /国际部|国际班|国际课程|出国班/, label: '国际部（国际班）' },
  { pattern: /年龄|岁数|超龄|(\d+|十[一二三四五六七八九]?)周?岁/, label: '年龄' },
  {
    pattern: /性别|(女|男)(生|孩子?|娃)(也)?(能|可以|行|收|要)|只(要|招|收|选)(男|女)/,
    label: '性别',
  },
  {
    pattern: /少数民族|(汉|壮|瑶|苗|侗|仫佬|毛南|回|京|彝|水|仡佬)族(?!自治|各族)|民族(身份|成分|限制|要求)|什么民族/,
    label: '民族',
  },
  { pattern: /外籍|国籍|港澳台|华侨/, label: '国籍' },
]

/**
 * Questions about things the plan says nothing about; `label` names the topic in the reply,
 * `related` the fact (by id) the plan does give on it, said next to the gap.
 */
export const NOT_IN_PLAN: { pattern: RegExp; label: string; related?: string; alone?: boolean }[] = [
  // How often mentor and student meet: 五（三）1 asks only for enough meetings and ≥10 visits per cycle.
  {
    pattern:
      /(多久|多长时间|隔多少天|隔几天|几天|几周|多少天).{0,10}(一次|1次)|(每|一|1)(周|月|个月|星期|学期).{0,6}(几|多少|\d+)次|频率|频次|(见面|见|碰面|指导).{0,4}(几|多少)次/,
    label:
      '导师与学生见面的固定频率（方案只要求导师保证见面次数、当面指导，一个培养周期到校不少于10次，没有规定多久一次）',
    related: 'visits',
  },
  // The length of one visit: the plan states the one-year cycle and ≥10 visits, never a visit's length.
  {
    pattern:
      /(每次|每一次|一次|单次|每回|每趟|1次)(去|到|在)?.{0,10}(多长时间|多久|几个?小时|多少小时|几天|多少天|时长|待多久|多长|半天还是一天|一整天)/,
    label: '每次到高校参加培养的时长',
    related: 'visits',
  },
  // Appeals and complaints: the plan names the public notice but no procedure for objections.
  {
    pattern:
      /申诉|复议|复核|投诉|举报|异议|不服|不公平|不公正|(向|找|去)(哪里|哪儿|谁|哪个部门|哪个单位)反映|反映(问题|意见)|提意见/,
    label: '对遴选或公示结果提出申诉、投诉或异议的办法',
    related: 'public_notice',
  },
  // Which university and mentor a student gets: the plan says only that mentors select candidates.
  {
    pattern:
      /分(到|配到|在)哪(所|个|家)?(大学|高校|学校)|分配(到)?(哪|什么)(所|个)?(大学|高校)|(怎么|如何|按什么)(分配|匹配|安排|分)(导师|高校|大学)|导师(是)?(怎么|如何)(分配|匹配|分)|(分配|匹配)导师|(能|可以|能不能|可不可以|可否)(自己)?(选|挑|指定)(哪所|哪个)?(大学|高校|学校|导师)|自己(选|挑|定)(大学|高校|学校|导师)/,
    label: '学生分到哪所高校、跟哪位导师（能否自己选）',
    related: 'mentor_selection',
  },
  // Moving school or city during the cycle.
  {
    pattern: /转学|转校|转到(别的|其他|外地|外市)|换(城市|个城市)|搬家|迁居|搬到(外地|别的|其他)|户口迁/,
    label: '培养期间转学或更换城市后的处理办法',
  },
  // Leave and absence from a training activity.
  {
    pattern:
      /请假|缺席|缺勤|旷课|缺课|去不了|来不了|没法(去|参加)|不能(按时)?(去|参加)(某|一|这)次|(某|一)次没(去|参加)/,
    label: '请假或缺席培养活动的处理办法',
    related: 'visits',
  },
  {
    pattern:
      /费用|收费|交钱|多少钱|学费|要钱|花钱|缴费|付费|报名费|培训费|免费|自费|掏钱|交(什么|啥|多少)钱|(什么|啥)钱/,
    label: '是否收费、收多少费用',
    alone: true,
  },
  {
    pattern: /住宿|包住|住哪|住校|宿舍|过夜|酒店|吃饭|伙食|食堂|包吃|管饭|包饭|午饭|午餐|盒饭|餐费|吃住|食宿/,
    label: '食宿安排',
    alone: true,
  },
  { pattern: /证书|结业证|证明|奖状|发证/, label: '是否颁发证书' },
  {
    pattern: /面试|笔试|考试|考什么|试题|考题|出题|准备.{0,4}题/,
    label: '遴选的具体形式（是否面试、笔试，考什么）',
    related: 'mentor_selection',
  },
  {
    pattern: /(每|一|1|各)(个|所)?(学校|中学|高中|校).{0,8}(名额|几个|多少|推荐|限报|最多|上限|人数|入选)|每校|限报/,
    label: '每所学校能推荐多少名学生',
    related: 'quota',
  },
  {
    pattern:
      /(高一|高二).{0,6}(各|分别)(占|有|分|招|选|是)?(多少|几)|(高一|高二).{0,8}(占|比例)|(各|每个?)年级.{0,6}(名额|多少|几)|按年级.{0,4}(分|分配)|(高一|高二)的?名额/,
    label: '名额在高一、高二之间怎么分配',
    related: 'quota',
  },
  {
    pattern:
      /(每|各|哪)(个|一)?(学科|科目).{0,8}(名额|几个|多少|几名|人数)|(学科|科目).{0,4}(名额|分配)|(数学|物理|化学|生物|计算机|信息)(学科|科目|方向)?.{0,4}(名额|分到|招|选|收)(几|多少)|按(学科|科目).{0,4}(分|分配)/,
    label: '名额按学科怎么分配',
    related: 'quota',
  },
  {
    pattern:
      /同时.{0,8}(报|申请|参加|选|学)|(报|申请|参加|选)(两|2|多)个(学科|科目|方向|专业)|(两|2|多)个(学科|科目|方向|专业).{0,4}(都|一起|同时|兼)|兼报|跨学科/,
    label: '能否同时申请两个或多个学科',
    related: 'subjects',
  },
  {
    pattern:
      /(遴选|入选|选拔|录取|选学生|选人|挑学生).{0,10}(评分|打分|分数线|标准是什么|什么标准)|(评分|打分)(标准|细则|规则)|分数线|录取线|入选线|及格线/,
    label: '导师遴选的评分标准或分数线',
    related: 'mentor_selection',
  },
  { pattern: /(每|一|1)(个|位)导师.{0,6}(几|多少)|导师.{0,2}带(几|多少)/, label: '每位导师带多少名学生' },
  { pattern: /作业|(每周|每天|每次|每月).{0,6}任务|小测|测验/, label: '作业和学习任务的安排' },
  {
    pattern:
      /加分|保送|强基|自主招生|降分|免试|直接录取|优先录取|升学.{0,4}(优惠|照顾)|(高考|中考).{0,6}(优惠|优待|照顾|有用|帮助)/,
    label: '升学（如高考加分、保送）方面的优惠',
  },
  { pattern: /交通|补贴|补助|报销|车费|路费|接送|奖学金|津贴|发钱|给钱/, label: '交通、补贴或报销', alone: true },
  {
    pattern: OUT_OF_POCKET,
    label: '培养中产生的费用（如实验材料、耗材、书本）由谁承担、是否要自己出钱',
    alone: true,
  },
  { pattern: /劳务费|报酬|酬金|课酬|薪酬|工资|经费/, label: '报酬、劳务费或经费标准', alone: true },
  { pattern: /保险|安全问题|安全保障/, label: '保险和安全安排' },
  {
    pattern:
      /线上|网课|远程|视频上课|网上(参加|上课|学习|培养|指导)|在家.{0,6}(参加|上课|学习|培养)|不用(去|到)(大学|高校|学校)/,
    label: '能否线上参加',
    related: 'visits',
  },
  {
    pattern: /周末|寒假|暑假|请假|耽误|影响学习|几点|上课时间|哪天去/,
    label: '具体的活动时间安排（哪天、几点、是否占用周末或假期）',
  },
  {
    pattern: /录取率|通过率|竞争|好不好进|难不难|概率|把握|去年.{0,4}(分数|线|多少)|往年.{0,4}(分数|线)/,
    label: '录取率和竞争情况',
  },
  { pattern: /导师(名单|都有谁|有哪些人|叫什么|是哪些人)|(具体|有)哪些导师/, label: '具体的导师名单' },
  { pattern: /陪同|陪着|家长.{0,3}跟着/, label: '家长是否陪同' },
  // 户口, 民办, 借读, 年龄… asked without a profile: the plan's 遴选对象 (四（二）1) is said next to the gap.
  ...OFF_RULE_CONDITIONS.map((c) => ({ pattern: c.pattern, label: `${c.label}方面的要求`, related: 'target' })),
]

/** Whether a question raises a topic the plan leaves open (some intents then stand aside). */
export function isSilentTopic(q: string): boolean {
  return NOT_IN_PLAN.some((t) => t.pattern.test(q))
}

/**
 * Words people use for the same thing. Each group's first entry is its canonical term: the
 * retrieval index adds `≈<canonical>` for every member found in a text (a substring match, so
 * it does not depend on how jieba happens to cut the sentence), on both the facts and the
 * question. Parents write 娃 and 几号前, the plan writes 学生 and 截止; these groups bridge them.
 * Keep groups narrow: a word in two unrelated groups makes unrelated facts look alike.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['英才计划', '培养计划', '八桂英才', '八桂青少年英才', '这个项目', '这个计划', '该计划', '本计划', '英才班'],
  ['科协', '科学技术协会', '科技协会'],
  ['报名', '申请', '报考', '能参加', '报上', '能报', '申报', '参选'],
  ['遴选', '选拔', '挑选', '选人', '选定', '录取', '入选', '选上'],
  ['截止', '最晚', '最迟', '之前', '以前交', '几号前', '前交', 'deadline', '期限', '截至'],
  ['时间', '什么时候', '啥时候', '几号', '哪天', '何时', '几月', '日期', '多会儿', '啥时'],
  ['名额', '多少人', '多少个', '几个人', '选几个', '招多少', '几个名额', '人数', '招几个', '选多少'],
  ['电话', '联系方式', '号码', '找谁', '联系人', '联系', '热线', '打给谁', '问谁', '咨询'],
  ['学生', '孩子', '娃', '小孩', '学员', '我家', '儿子', '女儿', '闺女'],
  ['高校', '大学'],
  ['导师', '大学老师', '教授', '高校老师'],
  ['指导教师', '中学老师', '指导老师', '中学指导', '学校老师', '班主任'],
  ['中学', '高中', '学校'],
  ['成长日志', '日志', '成长记录'],
  ['成绩', '排名', '名次', '分数', '总分', '考试成绩'],
  ['优先', '优势', '加分项', '优待', '倾斜'],
  ['专利', '发明', '实用新型'],
  ['获奖', '拿过', '得过', '奖项', '获得过', '一等奖', '二等奖', '三等奖'],
  ['竞赛', '比赛', '奥赛', '联赛', '大赛'],
  ['年度评价', '年底评价', '年终评价', '年度考核', '年终考核', '年底考核'],
  ['评价', '考核', '评估', '测评', '考评'],
  ['退出', '淘汰', '刷掉', '被刷', '踢出', '出局', '不合格', '劝退', '清退', '除名', '开除'],
  ['材料', '资料', '东西', '文件'],
  ['公示', '公布', '名单', '查结果', '结果公布'],
  ['见面会', '见面', '碰面', '师生会'],
  ['研究方向', '选题', '课题方向', '研究课题'],
  ['管理办公室', '管理办', '办公室', '管理部门'],
  ['主办', '主办单位', '牵头', '举办'],
  ['承办', '承办单位', '执行单位'],
  ['周期', '多长时间', '多久', '起止', '几年'],
  ['次数', '多少次', '几次', '去几趟', '几趟', '几回', '多少回'],
  ['阅读书目', '书单', '读书', '看书', '读什么书', '书目'],
  ['城市', '地区', '地方', '哪些市', '哪几个市'],
  ['学科', '科目', '专业'],
  ['原则', '理念'],
  ['职责', '负责', '干什么', '做什么', '任务', '分工', '干嘛'],
  ['流程', '环节', '步骤', '程序', '哪几步', '过程'],
  ['跟踪', '追踪', '后续', '还要管', '还管不管', '后面还管'],
  ['英才库', '人才库'],
  ['激励', '好处', '有啥用', '有什么用', '用处'],
  ['综合素质评价', '综评', '综合素质'],
  ['工作量', '课时', '绩效', '职称'],
  ['盖章', '公章', '签章', '章'],
  ['申请表', '报名表', '表格'],
  ['再报', '明年', '下一年', '下一期', '第二年', '再次报'],
]

/** Every (member → canonical) pair, longest member first so that a longer phrase wins over its parts. */
export const SYNONYM_MEMBERS: readonly { member: string; canonical: string }[] = SYNONYM_GROUPS.flatMap((group) =>
  group.map((member) => ({ member: member.toLowerCase(), canonical: group[0] as string })),
).sort((a, b) => b.member.length - a.member.length)

/** The canonical terms of every synonym found in a text (as substrings), once each. */
export function synonymTerms(text: string): string[] {
  const lower = text.toLowerCase()
  const found = new Set<string>()
  for (const { member, canonical } of SYNONYM_MEMBERS) {
    if (lower.includes(member)) found.add(canonical)
  }
  return [...found]
}

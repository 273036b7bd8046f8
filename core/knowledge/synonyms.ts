import { type PhraseFinder, phraseFinder } from './phrase-finder'

/**
 * Words people use for the same thing. Each group's first entry is its canonical term: the
 * retrieval index adds `≈<canonical>` for every member found in a text (a substring match, so
 * it does not depend on how jieba happens to cut the sentence), on both the facts and the
 * question. Parents write 娃 and 几号前, the plan writes 学生 and 截止; these groups bridge them.
 * Keep groups narrow: a word in two unrelated groups makes unrelated facts look alike.
 * These are the language's groups; the words only one program uses are in its vocabulary
 * (cohorts/<year>.vocabulary.json, `synonyms`) and join these in that program's table.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
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
  ['成绩', '排名', '名次', '分数', '总分', '考试成绩'],
  ['优先', '优势', '加分项', '优待', '倾斜'],
  ['专利', '发明', '实用新型'],
  ['获奖', '拿过', '得过', '奖项', '获得过', '一等奖', '二等奖', '三等奖'],
  ['竞赛', '比赛', '奥赛', '联赛', '大赛'],
  ['评价', '考核', '评估', '测评', '考评'],
  ['退出', '淘汰', '刷掉', '被刷', '踢出', '出局', '不合格', '劝退', '清退', '除名', '开除'],
  ['材料', '资料', '东西', '文件'],
  ['周期', '多长时间', '多久', '起止', '几年'],
  ['次数', '多少次', '几次', '去几趟', '几趟', '几回', '多少回'],
  ['阅读书目', '书单', '读书', '看书', '读什么书', '书目'],
  ['城市', '地区', '地方', '哪些市', '哪几个市'],
  ['学科', '科目', '专业'],
  ['原则', '理念'],
  ['职责', '负责', '干什么', '做什么', '任务', '分工', '干嘛'],
  ['流程', '环节', '步骤', '程序', '哪几步', '过程'],
  ['跟踪', '追踪', '后续', '还要管', '还管不管', '后面还管'],
  ['激励', '好处', '有啥用', '有什么用', '用处'],
  ['工作量', '课时', '绩效', '职称'],
  ['盖章', '公章', '签章', '章'],
  ['再报', '明年', '下一年', '下一期', '第二年', '再次报'],
]

/** A synonym table: every (member → canonical) pair, longest member first so that a longer phrase wins over its parts. */
export interface SynonymTable {
  groups: readonly (readonly string[])[]
  members: readonly { member: string; canonical: string }[]
  /** The members, in the same order, to find in a text in one reading. */
  finder: PhraseFinder
}

/** The table of some groups. */
export function synonymTable(groups: readonly (readonly string[])[]): SynonymTable {
  const members = groups
    .flatMap((group) => group.map((member) => ({ member: member.toLowerCase(), canonical: group[0] as string })))
    .sort((a, b) => b.member.length - a.member.length)
  return { groups, members, finder: phraseFinder(members.map((m) => m.member)) }
}

/** The language's table alone, for text read outside any program. */
export const LANGUAGE_SYNONYMS = synonymTable(SYNONYM_GROUPS)

/** The canonical terms of every synonym found in a text (as substrings), once each. */
export function synonymTerms(text: string, table: SynonymTable = LANGUAGE_SYNONYMS): string[] {
  const lower = text.toLowerCase()
  const found = new Set<string>()
  for (const i of table.finder.find(lower)) found.add((table.members[i] as { canonical: string }).canonical)
  return [...found]
}

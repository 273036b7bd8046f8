import type { RephraseFact } from '../../core/llm/llm'

/**
 * Facts as the answerer would retrieve them, written for these tests in our own words; the
 * numbers match the 2023 program so the cases read naturally.
 */
export const FACTS: RephraseFact[] = [
  { section: '九（二）1', title: '学校推荐', text: '学校审核后，于2023年10月24日前把申请表交到当地市级科协。' },
  { section: '三（一）', title: '实施城市', text: '南宁市选拔30名学生，柳州市和桂林市各15名。' },
  { section: '五（三）1', title: '到校培养', text: '培养周期内到高校参加培养不少于10次，每次活动后提交成长日志。' },
  { section: '六（一）', title: '中期评价', text: '中期汇报在2024年2月底前完成。' },
  { section: '四（二）2（2）', title: '成绩条件', text: '相应学科成绩在本校年级前15%，或综合成绩排名前20%。' },
  { section: '十一', title: '联系电话', text: '管理办公室电话：0771-2809218。' },
]

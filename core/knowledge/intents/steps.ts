/** The plan's steps as people name them. */

/** Dated and undated steps, matched in this order (the most specific first). */
export const STEP_PATTERNS: { key: string; pattern: RegExp }[] = [
  { key: 'midterm_evaluation', pattern: /中期/ },
  { key: 'annual_evaluation', pattern: /年度评价|年度考核|年终|年度总结|年底评价|年度汇报/ },
  { key: 'meet_and_greet', pattern: /见面会|见面/ },
  { key: 'research_direction', pattern: /研究方向|选题|课题方向|定方向|方向/ },
  {
    key: 'city_review',
    pattern:
      /市级审核|(市科协|市里|市级|各市|市一级).{0,8}(报|交|提交|审核|送)|(报|交|送)(给|到|至)?(管理办公室|自治区)/,
  },
  { key: 'regional_review', pattern: /自治区级审核|区级审核|候选人/ },
  { key: 'mentor_selection', pattern: /导师遴选|导师.{0,2}(选|挑)/ },
  { key: 'public_notice', pattern: /公示|公布|名单|出结果|结果/ },
  { key: 'mentor_recommendation', pattern: /推荐导师|导师推荐|导师团队/ },
  { key: 'annual_commendation', pattern: /表彰/ },
  {
    key: 'training',
    pattern:
      /培养周期|周期|培养.{0,4}(开始|结束|多久|多长|几年)|什么时候开始培养|(开始|结束)培养|培养.{0,2}(到|至)|(计划|项目).{0,4}(多久|多长时间)/,
  },
  {
    key: 'school_submission',
    pattern: /申请表|报名表|学校推荐|学校(提交|报送|上报|推荐|交|报)|报名|申请|交材料|提交材料|交到|报名材料|截止/,
  },
]

import type { Program } from '../knowledge/program'
import type { EligibilityResult, MissingField } from './eligibility'

/**
 * The eligibility verdict as a Chinese answer for a phone (≤ 400 characters): the verdict
 * first, then each condition with its article, the priority status, then a question for what
 * is missing. It says only what the checks say; the school's recommendation and the reviews of
 * 九（二） still decide, which the answer reminds of.
 */

const MAX_CHARS = 400

const VERDICT_LINES: Record<EligibilityResult['verdict'], string> = {
  eligible: '结论：按方案的报名条件，可以报名。',
  ineligible: '结论：暂不符合报名条件。',
  unknown: '结论：还需要确认几项信息才能判断。',
}

const RULE_NAMES: Record<string, string> = { city: '城市', grade: '年级', rank: '成绩排名', priority: '优先推荐' }

const STATUS_MARKS: Record<string, string> = { pass: '✔', fail: '✘', unknown: '？' }

const ASK_FOR: Record<MissingField, string> = {
  city: '孩子就读学校所在的城市或区县',
  grade: '目前读几年级',
  subjectRankPercent: '相应学科成绩在本校年级的排名（前百分之几）',
  overallRankPercent: '综合成绩在本校年级的排名（前百分之几）',
}

function askLine(missing: MissingField[]): string | undefined {
  if (!missing.length) return undefined
  const wantsBothRanks = missing.includes('subjectRankPercent') && missing.includes('overallRankPercent')
  const asks = missing
    .filter((m) => !(wantsBothRanks && m === 'overallRankPercent'))
    .map((m) =>
      wantsBothRanks && m === 'subjectRankPercent'
        ? '相应学科或综合成绩在本校年级的排名（前百分之几，有一项即可）'
        : ASK_FOR[m],
    )
  return `请告诉我：${asks.join('；')}。`
}

/** A Chinese answer that walks through the result, article by article, within 400 characters. */
export function explainEligibility(program: Program, result: EligibilityResult): string {
  const hard = result.checks.filter((c) => c.rule !== 'priority')
  // One rank given and short of its bound, the other not given: something known is not met.
  const rankPartlyShort =
    result.missing.includes('subjectRankPercent') !== result.missing.includes('overallRankPercent')
  // An undecided verdict still says plainly which conditions are already met.
  const opening =
    result.verdict === 'unknown' && !rankPartlyShort && hard.some((c) => c.status === 'pass')
      ? '结论：已知的条件都符合，还需要确认几项信息才能判断。'
      : VERDICT_LINES[result.verdict]
  const lines = [opening]
  for (const check of result.checks) {
    if (check.rule === 'priority') continue
    lines.push(`${STATUS_MARKS[check.status]}${RULE_NAMES[check.rule] ?? check.rule}：${check.message}`)
  }
  const priority = result.checks.find((c) => c.rule === 'priority')
  if (priority) {
    const text =
      result.verdict === 'ineligible' && priority.status === 'pass'
        ? `${priority.message}，但须先满足上面的报名条件`
        : priority.message
    lines.push(`${RULE_NAMES.priority}：${text}`)
  }
  const ask = askLine(result.missing)
  if (ask) lines.push(ask)
  const tail = `此外须品学兼优、热爱科学（${program.eligibility.qualities.section}），最终以学校推荐和各级审核为准。`
  const withTail = [...lines, tail].join('\n')
  if ([...withTail].length <= MAX_CHARS) return withTail
  const text = lines.join('\n')
  return [...text].length <= MAX_CHARS ? text : `${[...text].slice(0, MAX_CHARS - 1).join('')}…`
}

import type { Program } from './program'

/** A grade's size ("高二年级共600名学生", "年级有450人", "全年级350人"). */
export const GRADE_SIZE =
  /(年级|全级|一届|高[一二])[^，,。？?第排]{0,6}?(共计|合计|总计|共|有|一共|总共)?(\d{2,4})(名|个|人|位)/
/** Asks for the rank as a place ("前多少名", "排多少名以内"). */
export const PLACE_ASK =
  /名次上限|折算[^，,。？?]{0,12}名次|(对应|换算成|相当于)的?名次|前(多少|几)(名|位)|(多少|几)名以内|排(到|在)?(多少|几)名|多少名之内|第(多少|几)名|[%％][^，,。？?]{0,4}(多少|几)(名|个人|人)|(达标|符合条件|满足条件)[^，,。？?]{0,8}(多少|几)(人|名|个)|最多(多少|几)(人|名)/
/** Asks whether the place meets the line ("是否满足", "够不够", "她达到了吗"). */
export const MEETS_ASK = /满足|符合|达到|够不够|够吗|够了吗|行不行|能不能|可不可以|是否|有没有资格|合格/

/**
 * The student's own place in the grade, with the words just before it: "该生综合排名第53名",
 * "物理排第40", "名次为第12名", "孩子第95名"; a line ("前52名") is taken out before.
 */
const OWN_PLACE =
  /([^，,。？?\d]{0,8}?)(?:(?:排名|排|名次)(?:是|为|在)?第?(\d{1,4})(?:名|位)?|(?<!前)第(\d{1,4})(?:名|位))/g
/** The kind of rank said before a place: overall (综合, 总分 …) or one subject's ("该生物理" is 物理, not 生物). */
const KIND_WORD = /综合|总分|总成绩|单科|学科|数学|物理|化学|生物(?!理)学?|语文|英语|信息学?|计算机/g

/** One of the plan's two rank lines as places in a grade. */
interface Line {
  name: string
  percent: number
  places: number
}

/** The plan's two rank lines as places in a grade of `size`, rounded down (a place past the line is not within it). */
export function rankLines(program: Program, size: number): { subject: Line; overall: Line } {
  const { subjectTopPercent, overallTopPercent } = program.eligibility.rank
  const line = (name: string, percent: number) => ({ name, percent, places: Math.floor((size * percent) / 100) })
  return { subject: line('相应学科成绩', subjectTopPercent), overall: line('综合成绩', overallTopPercent) }
}

/** "350×15%=52.5，不足一名的不算，即前52名以内": a line as places, honest when the percentage gives a fraction. */
export function lineText(size: number, line: Line): string {
  const exact = Math.round(size * line.percent) / 100
  return exact === line.places
    ? `${size}×${line.percent}%=${exact}，即前${line.places}名以内`
    : `${size}×${line.percent}%=${exact}，不足一名的不算，即前${line.places}名以内`
}

/** A place as a share of the grade ("（约前19%）"), rounded to one decimal. */
function share(place: number, size: number): string {
  return `第${place}名约为年级前${Number(((place / size) * 100).toFixed(1))}%（${place}÷${size}）。`
}

function meets(place: number, line: Line): string {
  return place <= line.places
    ? `在前${line.places}名以内，满足${line.name}前${line.percent}%的条件`
    : `在前${line.places}名之外，不满足${line.name}前${line.percent}%的条件（未达到）`
}

/**
 * The student's place against both lines, the kind of rank said first and the other reading after
 * ("该生综合排名第53名，在前70名以内，满足…；若是学科排名，则在前52名之外，不满足…"); both readings
 * when no kind is said. Undefined when no place in the grade is given (a place in the class is none).
 */
export function placeVerdictSentence(program: Program, size: number, text: string): string | undefined {
  const own = [...text.replace(/前\d+(%|名)/g, '').matchAll(OWN_PLACE)].find((m) => !/班/.test(m[1] ?? ''))
  if (!own) return undefined
  const place = Number(own[2] ?? own[3])
  if (!(place > 0 && place <= size)) return undefined
  const { subject, overall } = rankLines(program, size)
  // "孩子物理要排到第几名以内…？上次月考考了第101名": one kind named anywhere in the message is the place's kind.
  const named = new Set([...text.matchAll(KIND_WORD)].map((m) => m[0]))
  const kindWord = [...(own[1] ?? '').matchAll(KIND_WORD)].pop()?.[0] ?? (named.size === 1 ? [...named][0] : undefined)
  if (!kindWord)
    return `该生第${place}名：若是综合排名，${meets(place, overall)}；若是学科排名，${meets(place, subject)}。${share(place, size)}`
  const said = `该生${kindWord}排名第${place}名`
  return /综合|总分|总成绩/.test(kindWord)
    ? `${said}，${meets(place, overall)}；若是学科排名，则${meets(place, subject)}。${share(place, size)}`
    : `${said}，${meets(place, subject)}；若是综合排名，则${meets(place, overall)}。${share(place, size)}`
}

/**
 * "年级800人，某生数学单科排第120名，综合排第176名": each place with its kind said, as the share of the
 * grade it is (120 of 800 is 15 %). A place whose kind is not said, or is a subject outside the
 * sciences (语文, 英语), is left out.
 */
export function placesAsPercents(size: number, text: string): { subject?: number; overall?: number } {
  const out: { subject?: number; overall?: number } = {}
  for (const m of text.replace(/前\d+(%|名)/g, '').matchAll(OWN_PLACE)) {
    const place = Number(m[2] ?? m[3])
    const kind = [...(m[1] ?? '').matchAll(KIND_WORD)].pop()?.[0]
    if (!kind || /班/.test(m[1] ?? '') || !(place > 0 && place <= size) || /语文|英语/.test(kind)) continue
    const percent = Math.round((place / size) * 10000) / 100
    if (/综合|总分|总成绩/.test(kind)) out.overall ??= percent
    else out.subject ??= percent
  }
  return out
}

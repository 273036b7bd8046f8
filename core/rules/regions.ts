import chinaPlaces from './data/china-places.json'
import regionsData from './data/guangxi-regions.json'
import placeWords from './data/place-words.json'

/**
 * Where a student is from, recognised in free Chinese text or in the API's `city` field.
 * Guangxi places carry their prefecture city (and county-level division when one was named);
 * places outside Guangxi carry `inGuangxi: false` so the eligibility rules can say the program
 * does not cover them.
 */
export interface Place {
  /** The prefecture city ('桂林市'); for a place outside Guangxi, the name as written ('广州'). */
  city: string
  /** The canonical county-level division ('阳朔县') when the text named one. */
  division?: string
  /** The words of the text that gave the place away. */
  matched: string
  inGuangxi: boolean
}

/** A county-level division of Guangxi as core/rules/data/guangxi-regions.json lists it. */
export interface RegionDivision {
  name: string
  formerly?: string[]
  aliases?: string[]
}

/** A prefecture city of Guangxi with its divisions, as core/rules/data/guangxi-regions.json lists it. */
export interface RegionCity {
  name: string
  short: string
  aliases?: string[]
  divisions: RegionDivision[]
  zones?: string[]
}

interface Term {
  text: string
  /** undefined: a word that only blocks others from matching inside it ('广西' hides '西安'). */
  place?: Omit<Place, 'matched'>
  /** A common word that names a place only when its city is named too ('城中' with 柳州). */
  needsCity?: boolean
  /** A division's name without its suffix ('兴宁' for 兴宁区): another suffix right after it names another place. */
  short?: boolean
  /** A short name outside Guangxi that is also an ordinary word ('三明', '大同'): counts only in a place context. */
  needsContext?: boolean
}

interface Match {
  term: Term
  start: number
  end: number
}

const CITIES = (regionsData as { cities: RegionCity[] }).cities
const COMMON_WORDS = new Set(placeWords.commonWords)
const DIVISION_SUFFIX = /((各|苗|侗|瑶|仫佬|毛南|壮)族自治县|自治县|区|县|市)$/

/** A place outside Guangxi: its official name and the short form people write ('湛江市', '湛江'). */
interface OutsideName {
  full: string
  short: string
  kind: 'province' | 'prefecture' | 'county'
}

// 'full|short' when the short form is not the name less its suffix (see china-places.json).
const OUTSIDE_SUFFIX = /(市|地区|盟|林区)$/
function outsideName(entry: string, kind: OutsideName['kind']): OutsideName {
  const [full = entry, short] = entry.split('|')
  return { full, short: short ?? full.replace(OUTSIDE_SUFFIX, ''), kind }
}

const OUTSIDE: OutsideName[] = [
  ...chinaPlaces.provinces.map((e) => outsideName(e, 'province')),
  ...Object.values(chinaPlaces.prefectures as Record<string, string[]>).flatMap((list) =>
    list.map((e) => outsideName(e, 'prefecture')),
  ),
  ...Object.values(chinaPlaces.countyLevelCities as Record<string, string[]>).flatMap((list) =>
    list.map((e) => outsideName(e, 'county')),
  ),
]
const NEEDS_CONTEXT = new Set(chinaPlaces.needContext)
const PROVINCE_SHORTS = OUTSIDE.filter((n) => n.kind === 'province').map((n) => n.short)

// Where an ambiguous short name ('通化', '安顺', '黄山') stands as a place: right after a province
// ('吉林通化'), or between words about home or school: before it the start of the text, a stop or
// 在/是/来自/老家 …; after it the end, a stop or 的/人/读书/一中/中学 ….  '普通化学', '平安顺利',
// '长治久安', '去黄山玩' fail one side or the other.
const CONTEXT_BEFORE = new RegExp(
  `(^|[，,。；;！!？?、\\s（(：:]|在|是|自|到|回|住|老家|家乡|户口|籍贯|我们|咱们|${PROVINCE_SHORTS.join('|')}|省)$`,
)
const CONTEXT_AFTER =
  /^($|[，,。；;！!？?、\s）)]|的|人|读|上学|念书|就读|[一二三四五六七八九十\d]+中|中学|高中|初中|高级中学|市?第[一二三四五六七八九十\d]+(中学|高级中学)|实验|外国语|附中|这边|那边|本地|户口|籍贯|考生|学生|户籍|那里|这里)/

function inPlaceContext(text: string, start: number, end: number): boolean {
  return CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && CONTEXT_AFTER.test(text.slice(end))
}

/** Every word that names (or hides) a place, built once from the region data. */
function buildTerms(): Term[] {
  const byText = new Map<string, Term>()
  const ambiguous = new Set<string>()
  const add = (text: string, place: Omit<Place, 'matched'>, opts: { shortForm?: boolean; stem?: boolean } = {}) => {
    if (text.length < 2) return
    const existing = byText.get(text)
    if (existing) {
      const same = existing.place?.city === place.city && existing.place?.division === place.division
      // A short form shared by two divisions names neither; full names never collide.
      if (!same && opts.shortForm) ambiguous.add(text)
      return
    }
    byText.set(text, { text, place, needsCity: COMMON_WORDS.has(text), short: opts.stem })
  }

  for (const city of CITIES) {
    const cityPlace = { city: city.name, inGuangxi: true }
    add(city.name, cityPlace)
    for (const zone of city.zones ?? []) add(zone, cityPlace)
    for (const division of city.divisions) {
      const place = { city: city.name, division: division.name, inGuangxi: true }
      for (const name of [division.name, ...(division.formerly ?? []), ...(division.aliases ?? [])]) add(name, place)
    }
  }
  // Short forms after the full names, so that a full name always wins a collision.
  for (const city of CITIES) {
    const cityPlace = { city: city.name, inGuangxi: true }
    add(city.short, cityPlace, { shortForm: true })
    for (const alias of city.aliases ?? []) add(alias, cityPlace, { shortForm: true })
    for (const division of city.divisions) {
      const place = { city: city.name, division: division.name, inGuangxi: true }
      for (const name of [division.name, ...(division.formerly ?? [])]) {
        add(name.replace(DIVISION_SUFFIX, ''), place, { shortForm: true, stem: true })
      }
    }
  }
  for (const school of placeWords.schools) {
    for (const name of school.names) {
      const division = 'division' in school ? school.division : undefined
      add(name, division ? { city: school.city, division, inGuangxi: true } : { city: school.city, inGuangxi: true })
    }
  }
  // Places outside Guangxi after every Guangxi name: a Guangxi division keeps its short form
  // ('兴宁', '海城'); the outside namesake is known by its full name ('兴宁市', '海城市').
  for (const name of OUTSIDE) {
    const place = { city: name.short, inGuangxi: false }
    const forms = [name.full, name.short]
    if (name.kind === 'province') forms.push(`${name.short}省`)
    else forms.push(`${name.short}市`)
    // '延边州', '大理州': how an autonomous prefecture is called in short.
    if (name.full.endsWith('自治州') && name.short !== name.full) forms.push(`${name.short}州`)
    for (const form of forms) {
      if (byText.has(form)) continue
      add(form, place)
      const term = byText.get(form)
      if (term && form === name.short && NEEDS_CONTEXT.has(form)) term.needsContext = true
    }
  }
  for (const text of ambiguous) byText.delete(text)

  const terms = [...byText.values()]
  for (const text of ['广西', '广西壮族自治区', '自治区', '广西大学', '广西师范大学', '广西科技大学']) {
    if (!byText.has(text)) terms.push({ text })
  }
  return terms
}

const TERMS = buildTerms()

/**
 * The terms by their first two characters (every term has two or more), so that a text is read
 * once, position by position, instead of being searched once per term: a few thousand names.
 */
const TERMS_BY_HEAD = (() => {
  const heads = new Map<string, Term[]>()
  for (const term of TERMS) {
    const head = term.text.slice(0, 2)
    const list = heads.get(head)
    if (list) list.push(term)
    else heads.set(head, [term])
  }
  return heads
})()

/** Every place-naming word in the text: longest first, no two overlapping, in text order. */
function matchTerms(text: string): Match[] {
  const all: Match[] = []
  for (let at = 0; at + 1 < text.length; at++) {
    const candidates = TERMS_BY_HEAD.get(text.slice(at, at + 2))
    if (!candidates) continue
    for (const term of candidates) {
      if (!text.startsWith(term.text, at)) continue
      // Dropped before overlaps are settled, so that '确定西安' still finds 西安 and not 定西.
      if (!term.needsContext || inPlaceContext(text, at, at + term.text.length)) {
        all.push({ term, start: at, end: at + term.text.length })
      }
    }
  }
  // No two terms share a text, so length then position orders every match the same way whatever order they were found in.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const chosen: Match[] = []
  for (const m of all) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue
    chosen.push(m)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/** A place found in a text, with where its words are (`start` to `end`, as string indices). */
export interface LocatedPlace {
  place: Place
  start: number
  end: number
}

// A division's short form followed by another administrative suffix is another place of the same
// stem: 兴宁市 (广东) is not 兴宁区, 兴安盟 not 兴安县, 海城市 (辽宁) not 海城区. The real names and
// former names are whole terms, so they never reach this test.
const OTHER_SUFFIX = /^[市县区盟旗州省岭]/
// What may stand between an outside province or city and a division for the division to belong
// to it: nothing, an administrative suffix, or one more level of names ('广东梅州兴宁市',
// '广东省梅州市兴宁市').
const ADMIN_GAP = /^(省|市|自治区|特别行政区)?([\u4e00-\u9fff]{1,4}?(市|州|盟|地区|自治州))?$/
// An unlisted city or province written with its suffix right before a division ('梅州市兴宁区'
// would be odd, but '某某市城中区' is how a place outside Guangxi is written); the name may not
// be a word of a sentence ('在本市', '我们市').
const PREFIX_UNIT = /([\u4e00-\u9fff]{2,3})(省|市)$/
// A place outside Guangxi right before a university's name is that university ('吉林大学',
// '西安交通大学', '上海交大'), not a home; words of a sentence in between end the name ('在长沙的大学').
const UNIVERSITY_AFTER = /^(?:(?![的在读是上考去想人，,。])[\u4e00-\u9fff]){0,4}?(大学|交大|理工|师大|学院)/
const NOT_A_NAME = /[在是我们本该此这那的住家到去来和与及或从城全整个各]/

// One more level of names after a place outside Guangxi ('广东' + '省梅州市兴宁市'); a unit may
// not hold a word of a sentence ('湖南在南宁市读书' is no chain).
const CHAIN_UNIT =
  /^(?:(?![在是我们本该此这那的住家到去来和与及或从人读上学考])[\u4e00-\u9fff]){1,3}?(?:市|州|盟|县|区|旗|地区|自治州)/

/** Where the administrative chain that starts with an outside place ends; it stops before a Guangxi city. */
function chainEnd(text: string, from: number, matches: Match[]): number {
  let end = from
  if (/^(省|市|自治区|特别行政区)/.test(text.slice(end))) end += text.slice(end).startsWith('自治区') ? 3 : 1
  for (;;) {
    const unit = CHAIN_UNIT.exec(text.slice(end))
    if (!unit) break
    const next = end + unit[0].length
    const guangxiCity = matches.some(
      (m) => m.term.place?.inGuangxi && !m.term.place.division && m.start < next && m.end > end,
    )
    if (guangxiCity) break
    end = next
  }
  return end
}

/**
 * Every place the text names, in text order, with where it is named (see findPlaces). A Guangxi
 * division is taken for a namesake outside Guangxi when a province or city outside Guangxi is
 * named right before it ('广东梅州兴宁市', '西宁城中区'), or when its short form carries another
 * suffix ('兴宁市', '兴安盟').
 */
export function locatePlaces(text: string): LocatedPlace[] {
  const matches = matchTerms(text)
  const citiesNamed = new Set(
    matches.filter((m) => m.term.place && !m.term.needsCity && m.term.place.inGuangxi).map((m) => m.term.place?.city),
  )
  const found: LocatedPlace[] = []
  let previous: Match | undefined
  for (const m of matches) {
    const place = m.term.place
    const before = previous
    previous = m
    if (!place) continue
    // A city whose name is a common word ('来宾') names it where a place stands ('来宾那边', '来宾的学生').
    const cityInContext = !place.division && inPlaceContext(text, m.start, m.end)
    if (m.term.needsCity && !citiesNamed.has(place.city) && !cityInContext) continue
    if (!place.inGuangxi && UNIVERSITY_AFTER.test(text.slice(m.end))) continue
    const last = found[found.length - 1]
    // Inside the administrative chain of an outside place ('广东梅州兴宁区'): part of it.
    if (last && !last.place.inGuangxi && m.start < last.end && !(place.inGuangxi && !place.division)) continue
    if (!place.inGuangxi) {
      const end = chainEnd(text, m.end, matches)
      if (last && !last.place.inGuangxi && ADMIN_GAP.test(text.slice(last.end, m.start))) {
        // '青海西宁': one place, named from the province down.
        last.end = end
        last.place = { ...last.place, matched: text.slice(last.start, end) }
        continue
      }
      found.push({ place: { ...place, matched: text.slice(m.start, end) }, start: m.start, end })
      continue
    }
    if (place.inGuangxi && place.division) {
      if (m.term.short && OTHER_SUFFIX.test(text.slice(m.end))) continue
      const gapStart = before?.end ?? 0
      const gap = text.slice(gapStart, m.start)
      if (before?.term.place && !before.term.place.inGuangxi && ADMIN_GAP.test(gap)) {
        // Part of the outside place just found: extend what it matched.
        if (last && last.start === before.start) {
          last.end = m.end
          last.place = { ...last.place, matched: text.slice(last.start, m.end) }
        }
        continue
      }
      const unit = before?.term.place?.inGuangxi ? undefined : PREFIX_UNIT.exec(gap)
      if (unit && !NOT_A_NAME.test(unit[1] as string)) {
        const start = m.start - (unit[0] as string).length
        found.push({
          place: { city: unit[0] as string, matched: text.slice(start, m.end), inGuangxi: false },
          start,
          end: m.end,
        })
        continue
      }
    }
    found.push({ place: { ...place, matched: m.term.text }, start: m.start, end: m.end })
  }
  return found
}

/**
 * Every place the text names, in text order (schools, counties, cities, places outside Guangxi).
 * Common words that double as place names ('城中', '江南', '七星') count only when their city is
 * named in the same text. A place outside Guangxi directly followed by 大学 is a university, not a
 * home. A Guangxi division under an outside province or city is that outside place (locatePlaces).
 */
export function findPlaces(text: string): Place[] {
  return locatePlaces(text).map((p) => p.place)
}

/**
 * Where the student is from, in free text ('我是阳朔中学高二的' → 桂林市 阳朔县), or undefined
 * when the text names no place. The first place named wins, made more precise by a later
 * division of the same city ('桂林市阳朔县' → 阳朔县); Guangxi places win over outside ones.
 */
export function findPlace(text: string): Place | undefined {
  return pickPlace(findPlaces(text))
}

/** The one place a list of named places points to (see findPlace). */
export function pickPlace(places: Place[]): Place | undefined {
  const inside = places.filter((p) => p.inGuangxi)
  const first = inside[0] ?? places[0]
  if (!first || first.division || !first.inGuangxi) return first
  return inside.find((p) => p.city === first.city && p.division) ?? first
}

const ADMIN_NAME = /^[\u4e00-\u9fff]{1,10}(省|市|县|区|州|盟|旗)$/

/**
 * The place named by the API's `city` field ('南宁市', '柳州', '桂林市阳朔县', '武鸣区', '横州市').
 * A well-formed administrative name that is not in Guangxi ('苏州市', '湖南省') is a place
 * outside Guangxi; a value that names nothing recognisable gives undefined.
 */
export function placeFromField(value: string): Place | undefined {
  const text = value.trim().replace(/\s+/g, '')
  if (!text) return undefined
  const found = findPlace(text)
  if (found) return found
  if (ADMIN_NAME.test(text) && !text.startsWith('广西')) return { city: text, matched: text, inGuangxi: false }
  return undefined
}

/** The county-level divisions of a Guangxi prefecture city, canonical names; [] for an unknown city. */
export function divisionsOf(city: string): string[] {
  return CITIES.find((c) => c.name === city)?.divisions.map((d) => d.name) ?? []
}

/** The 14 prefecture cities of Guangxi with their county-level divisions (the data the matcher is built from). */
export function guangxiRegions(): readonly RegionCity[] {
  return CITIES
}

/** The names of all 14 prefecture cities of Guangxi. */
export function guangxiCities(): string[] {
  return CITIES.map((c) => c.name)
}

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

interface RegionDivision {
  name: string
  formerly?: string[]
  aliases?: string[]
}

interface RegionCity {
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
}

interface Match {
  term: Term
  start: number
  end: number
}

const CITIES = (regionsData as { cities: RegionCity[] }).cities
const COMMON_WORDS = new Set(placeWords.commonWords)
const DIVISION_SUFFIX = /((各|苗|侗|瑶|仫佬|毛南|壮)族自治县|自治县|区|县|市)$/

/** Every word that names (or hides) a place, built once from the region data. */
function buildTerms(): Term[] {
  const byText = new Map<string, Term>()
  const ambiguous = new Set<string>()
  const add = (text: string, place: Omit<Place, 'matched'>, opts: { shortForm?: boolean } = {}) => {
    if (text.length < 2) return
    const existing = byText.get(text)
    if (existing) {
      const same = existing.place?.city === place.city && existing.place?.division === place.division
      // A short form shared by two divisions names neither; full names never collide.
      if (!same && opts.shortForm) ambiguous.add(text)
      return
    }
    byText.set(text, { text, place, needsCity: COMMON_WORDS.has(text) })
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
        add(name.replace(DIVISION_SUFFIX, ''), place, { shortForm: true })
      }
    }
  }
  for (const school of placeWords.schools) {
    for (const name of school.names) {
      const division = 'division' in school ? school.division : undefined
      add(name, division ? { city: school.city, division, inGuangxi: true } : { city: school.city, inGuangxi: true })
    }
  }
  for (const name of placeWords.outside) {
    for (const form of [name, `${name}省`, `${name}市`]) add(form, { city: name, inGuangxi: false })
  }
  for (const text of ambiguous) byText.delete(text)

  const terms = [...byText.values()]
  for (const text of ['广西', '广西壮族自治区', '自治区', '广西大学', '广西师范大学', '广西科技大学']) {
    if (!byText.has(text)) terms.push({ text })
  }
  return terms
}

const TERMS = buildTerms()

/** Every place-naming word in the text: longest first, no two overlapping, in text order. */
function matchTerms(text: string): Match[] {
  const all: Match[] = []
  for (const term of TERMS) {
    let from = 0
    for (;;) {
      const at = text.indexOf(term.text, from)
      if (at < 0) break
      all.push({ term, start: at, end: at + term.text.length })
      from = at + 1
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const chosen: Match[] = []
  for (const m of all) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue
    chosen.push(m)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/**
 * Every place the text names, in text order (schools, counties, cities, places outside Guangxi).
 * Common words that double as place names ('城中', '江南', '七星') count only when their city is
 * named in the same text. A place outside Guangxi directly followed by 大学 is a university, not a home.
 */
export function findPlaces(text: string): Place[] {
  const matches = matchTerms(text)
  const citiesNamed = new Set(
    matches.filter((m) => m.term.place && !m.term.needsCity && m.term.place.inGuangxi).map((m) => m.term.place?.city),
  )
  const places: Place[] = []
  for (const m of matches) {
    const place = m.term.place
    if (!place) continue
    if (m.term.needsCity && !citiesNamed.has(place.city)) continue
    if (!place.inGuangxi && text.startsWith('大学', m.end)) continue
    places.push({ ...place, matched: m.term.text })
  }
  return places
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

/** The names of all 14 prefecture cities of Guangxi. */
export function guangxiCities(): string[] {
  return CITIES.map((c) => c.name)
}

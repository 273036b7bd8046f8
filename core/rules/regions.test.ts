import { describe, expect, it } from 'vitest'
import regionsData from './data/guangxi-regions.json'
import chinaPlaces from './data/china-places.json'
import placeWords from './data/place-words.json'
import { builtInProgram } from '../knowledge/program'
import { checkEligibility } from './eligibility'
import { divisionsOf, findPlace, findPlaces, guangxiCities, locatePlaces, placeFromField } from './regions'

interface Division {
  name: string
  formerly?: string[]
  aliases?: string[]
}
const common = new Set(placeWords.commonWords)
const cities = regionsData.cities as { name: string; short: string; divisions: Division[] }[]

describe('findPlace', () => {
  for (const city of cities) {
    it(`knows ${city.name} and every division of it`, () => {
      expect(findPlace(city.name)).toMatchObject({ city: city.name, inGuangxi: true })
      if (!common.has(city.short)) {
        expect(findPlace(`我在${city.short}读高一`)).toMatchObject({ city: city.name, inGuangxi: true })
      }
      for (const d of city.divisions) {
        for (const name of [d.name, ...(d.formerly ?? []), ...(d.aliases ?? [])]) {
          if (common.has(name)) {
            // A common word names the place only next to its city.
            expect(findPlace(`孩子在${name}上学`), name).toBeUndefined()
            expect(findPlace(`孩子在${city.name}${name}上学`), name).toMatchObject({ division: d.name })
            continue
          }
          expect(findPlace(`孩子在${name}上学`), name).toMatchObject({ city: city.name, division: d.name })
          expect(placeFromField(name), name).toMatchObject({ city: city.name, division: d.name })
        }
      }
    })
  }

  it.each([
    ['我是阳朔中学高二的', '桂林市', '阳朔县'],
    ['南宁三中的学生', '南宁市', undefined],
    ['柳州高级中学高一', '柳州市', undefined],
    ['桂林十八中', '桂林市', undefined],
    ['柳江中学', '柳州市', '柳江区'],
    ['融水中学', '柳州市', '融水苗族自治县'],
    ['龙胜中学', '桂林市', '龙胜各族自治县'],
    ['以前叫横县', '南宁市', '横州市'],
    ['临桂县中学', '桂林市', '临桂区'],
    ['荔浦县', '桂林市', '荔浦市'],
    ['宾阳中学', '南宁市', '宾阳县'],
    ['兴安中学', '桂林市', '兴安县'],
    ['象山区', '桂林市', '象山区'],
    ['西大附中', '南宁市', undefined],
    ['广西师大附中', '桂林市', undefined],
    ['柳铁一中', '柳州市', undefined],
    ['桂林市阳朔县', '桂林市', '阳朔县'],
    ['柳州城中区', '柳州市', '城中区'],
    ['柳州市城中的学校', '柳州市', '城中区'],
    ['南宁江南的学校', '南宁市', '江南区'],
    ['江南区', '南宁市', '江南区'],
    ['鹿寨县高二，高一拿过柳州市化学竞赛一等奖', '柳州市', '鹿寨县'],
  ])('%s → %s %s', (text, city, division) => {
    const place = findPlace(text)
    expect(place?.city).toBe(city)
    expect(place?.division).toBe(division)
    expect(place?.inGuangxi).toBe(true)
  })

  it.each(['来宾那边联系谁', '来宾的学生', '我们是来宾的'])('finds 来宾市 where a place stands: %s', (text) => {
    expect(findPlace(text)).toMatchObject({ city: '来宾市', inGuangxi: true })
  })

  it.each([
    '在城中读书',
    '江南水乡',
    '七星瓢虫',
    '资源很多',
    '最大化利用时间',
    '每天等通知',
    '我在广西安排',
    '欢迎来宾参加',
    '想考北京大学',
    '你好',
  ])('finds no place in %s', (text) => {
    expect(findPlace(text)).toBeUndefined()
  })

  it.each([
    ['我们是广州的', '广州'],
    ['湖南省的学生', '湖南'],
    ['北京', '北京'],
  ])('%s is outside Guangxi', (text, city) => {
    expect(findPlace(text)).toMatchObject({ city, inGuangxi: false })
  })

  it('prefers a Guangxi place over one outside and keeps text order', () => {
    expect(findPlace('老家湖南，现在在柳州读书')).toMatchObject({ city: '柳州市' })
    expect(findPlaces('南宁和桂林').map((p) => p.city)).toEqual(['南宁市', '桂林市'])
  })
})

describe('placeFromField', () => {
  it.each([
    ['南宁市', '南宁市', undefined, true],
    ['柳州', '柳州市', undefined, true],
    ['桂林市阳朔县', '桂林市', '阳朔县', true],
    ['武鸣区', '南宁市', '武鸣区', true],
    ['玉林市', '玉林市', undefined, true],
    ['横州市', '南宁市', '横州市', true],
    [' 广西壮族自治区柳州市 ', '柳州市', undefined, true],
    ['广州', '广州', undefined, false],
    ['苏州市', '苏州', undefined, false],
    ['衡阳市', '衡阳', undefined, false],
    // Not in the data: a well-formed name with its suffix is still a place outside Guangxi.
    ['瑞昌市', '瑞昌市', undefined, false],
    ['湖南省', '湖南', undefined, false],
  ])('%s → %s %s', (value, city, division, inGuangxi) => {
    const place = placeFromField(value)
    expect(place?.city).toBe(city)
    expect(place?.division).toBe(division)
    expect(place?.inGuangxi).toBe(inGuangxi)
  })

  it.each(['', '   ', '火星', 'abc', '广西某某县'])('%j names nothing', (value) => {
    expect(placeFromField(value)).toBeUndefined()
  })
})

describe('region lists', () => {
  it('has the 14 prefecture cities and their divisions', () => {
    expect(guangxiCities()).toHaveLength(14)
    expect(divisionsOf('南宁市')).toHaveLength(12)
    expect(divisionsOf('柳州市')).toHaveLength(10)
    expect(divisionsOf('桂林市')).toHaveLength(17)
    expect(divisionsOf('长沙市')).toEqual([])
  })
})

describe('namesakes outside Guangxi', () => {
  it.each([
    ['广东梅州兴宁市', '广东', '广东梅州兴宁市'],
    ['广东省兴宁市', '广东', '广东省兴宁市'],
    ['广东省梅州市兴宁市', '广东', '广东省梅州市兴宁市'],
    ['湖南永州', '湖南', '湖南永州'],
    ['青海西宁城中区', '青海', '青海西宁城中区'],
    ['西宁市城中区', '西宁', '西宁市城中区'],
    ['内蒙古兴安盟', '内蒙古', '内蒙古兴安盟'],
    ['浙江宁波象山县', '浙江', '浙江宁波象山县'],
    ['香港长洲', '香港', '香港长洲'],
    ['梅州市兴宁区', '梅州', '梅州市兴宁区'],
    ['赣州市城中区', '赣州', '赣州市城中区'],
    // An unlisted city written with 市 right before a division still places it outside Guangxi.
    ['瑞昌市城中区', '瑞昌市', '瑞昌市城中区'],
  ])('%s is outside Guangxi', (text, city, matched) => {
    expect(findPlace(text)).toEqual({ city, matched, inGuangxi: false })
    expect(findPlaces(text)).toHaveLength(1)
  })

  it.each(['兴宁市', '兴安盟', '海城市', '东兴区', '钟山区', '大兴安岭', '沂蒙山区'])(
    '%s names no Guangxi place',
    (text) => {
      expect(findPlaces(text).filter((p) => p.inGuangxi)).toEqual([])
    },
  )

  it.each([
    ['南宁市兴宁区', '兴宁区'],
    ['兴宁区', '兴宁区'],
    ['桂林兴安县', '兴安县'],
    ['兴安中学', '兴安县'],
    ['梧州市长洲区', '长洲区'],
    ['柳州市城中区', '城中区'],
    ['在本市城中区读书，柳州的', '城中区'],
    ['老家湖南，在青秀区读书', '青秀区'],
    ['防城港港口区', '港口区'],
  ])('%s stays in Guangxi', (text, division) => {
    expect(findPlace(text)).toMatchObject({ division, inGuangxi: true })
  })

  it('says where each place is named', () => {
    expect(locatePlaces('户口在玉林，在广东省兴宁市读书').map((p) => [p.place.city, p.start, p.end])).toEqual([
      ['玉林市', 3, 5],
      ['广东', 7, 13],
    ])
  })

  it.each(['广东省兴宁市', '广东梅州兴宁市', '兴宁市', '青海西宁城中区', '内蒙古兴安盟'])(
    'the API field %s is outside Guangxi, so the verdict is ineligible',
    (city) => {
      expect(placeFromField(city)).toMatchObject({ inGuangxi: false })
      const result = checkEligibility(builtInProgram(2023)!, { city, grade: '高一', subjectRankPercent: 5 })
      expect(result.verdict).toBe('ineligible')
      expect(result.checks[0]).toMatchObject({ rule: 'city', status: 'fail' })
    },
  )
})

describe('cities listed for their namesakes of Guangxi divisions', () => {
  it.each(['梅州兴宁', '伊春西林区', '内江东兴区', '鞍山海城', '六盘水钟山区'])('%s is outside Guangxi', (text) => {
    expect(findPlaces(text)).toEqual([expect.objectContaining({ inGuangxi: false })])
  })
})

describe('places of China outside Guangxi (china-places.json)', () => {
  const entries = [
    ...chinaPlaces.provinces,
    ...Object.values(chinaPlaces.prefectures).flat(),
    ...Object.values(chinaPlaces.countyLevelCities).flat(),
  ]
  const needContext = new Set(chinaPlaces.needContext)

  it('holds every province-level division and the prefectures of the other provinces', () => {
    expect(chinaPlaces.provinces).toHaveLength(33)
    expect(Object.values(chinaPlaces.prefectures).flat().length).toBeGreaterThan(320)
  })

  it.each(entries)('%s is outside Guangxi, in text and in the API field', (entry) => {
    const [full = entry, short] = entry.split('|')
    // The Guangxi namesakes (兴宁区, 海城区, 兴安县) keep their short forms; the full name is outside.
    expect(findPlace(`孩子在${full}读高一`), full).toMatchObject({ inGuangxi: false })
    expect(placeFromField(full), full).toMatchObject({ inGuangxi: false })
    const name = short ?? full.replace(/(市|地区|盟|林区)$/, '')
    if (['兴宁', '海城', '兴安'].includes(name)) return
    expect(findPlace(`孩子在${name}读高一`), name).toMatchObject({ city: name, inGuangxi: false })
    expect(placeFromField(name), name).toMatchObject({ city: name, inGuangxi: false })
    if (!needContext.has(name)) expect(findPlace(`${name}`), name).toMatchObject({ inGuangxi: false })
  })

  it.each([
    ['我们是广东湛江的，孩子在湛江读高一', '广东'],
    ['孩子在衢州读书', '衢州'],
    ['江苏昆山的', '江苏'],
    ['义乌中学高二', '义乌'],
    ['吉林通化的考生', '吉林'],
    ['我是通化的', '通化'],
    ['来自安顺', '安顺'],
    ['孩子在丽江一中读高一', '丽江'],
    ['家在黄山，读高一', '黄山'],
    ['大理州的学生', '大理'],
    ['延边州', '延边'],
    ['阜新市', '阜新'],
  ])('%s → %s, outside', (text, city) => {
    expect(findPlace(text)).toMatchObject({ city, inGuangxi: false })
  })

  it.each([
    '普通化学',
    '祝你平安顺利',
    '长治久安',
    '暑假去黄山玩',
    '登上长白山山顶',
    '大同小异',
    '三明治很好吃',
    '大理石地面',
    '瓶子没开封',
    '日照时间长',
    '今天朝阳很美',
    '中山路的书店',
    '抚顺着头发',
    '决定西部计划',
    '想考西安交通大学',
    '喜欢吃哈密瓜',
  ])('finds no place in %s', (text) => {
    expect(findPlaces(text)).toEqual([])
  })

  it('keeps the larger place when an ambiguous short name overlaps it', () => {
    expect(findPlace('确定西安的学校')).toMatchObject({ city: '西安', inGuangxi: false })
  })

  it.each(['湛江', '昆山市', '通化', '云南丽江', '延边朝鲜族自治州'])('the API field %s gives ineligible', (city) => {
    const result = checkEligibility(builtInProgram(2023)!, { city, grade: '高一', subjectRankPercent: 5 })
    expect(result.verdict).toBe('ineligible')
    expect(result.checks[0]).toMatchObject({ rule: 'city', status: 'fail' })
  })
})

import fc from 'fast-check'
import { expect, it } from 'vitest'
import { phraseFinder } from './phrase-finder'

it('finds every phrase the text contains, in the order the phrases were given, each once', () => {
  const finder = phraseFinder(['截止', '管理办公室', '办公室', '娃', '公室', ''])
  expect(finder.find('管理办公室说娃的截止日期，截止前交')).toEqual([0, 1, 2, 3, 4])
  expect(finder.find('办公室')).toEqual([2, 4])
  expect(finder.find('天气')).toEqual([])
  expect(finder.find('')).toEqual([])
})

it('agrees with searching the text for each phrase', () => {
  const alphabet = fc.constantFrom('管', '理', '办', '公', '室', '娃', 'a', '1')
  const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((c) => c.join(''))
  fc.assert(
    fc.property(fc.array(word, { maxLength: 20 }), fc.array(alphabet, { maxLength: 30 }), (phrases, chars) => {
      const text = chars.join('')
      const expected = phrases.flatMap((p, i) => (text.includes(p) && phrases.indexOf(p) === i ? [i] : []))
      const found = phraseFinder(phrases).find(text)
      // A phrase given twice is found at its first place and its second alike.
      expect(found.filter((i) => phrases.indexOf(phrases[i] as string) === i)).toEqual(expected)
    }),
  )
})

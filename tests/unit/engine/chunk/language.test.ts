import { describe, expect, it } from 'vitest';

import { detectLanguage } from '../../../../electron/engine/chunk';

// Article 1 of the UDHR (../shared/corpus/04-parallel) in each language.
const SAMPLES: [string, string][] = [
  [
    'en',
    'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience.',
  ],
  ['de', 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt.'],
  [
    'es',
    'Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia.',
  ],
  ['ru', 'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью.'],
  [
    'ar',
    'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.',
  ],
  ['he', 'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון.'],
  ['hi', 'सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है ।'],
  ['ja', 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。'],
  ['zh', '人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。'],
  ['ko', '모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.'],
  ['th', 'มนุษย์ทั้งปวงเกิดมามีอิสระและเสมอภาคกันในศักดิ์ศรีและสิทธิ'],
  ['el', 'Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα.'],
];

describe('detectLanguage', () => {
  it.each(SAMPLES)('says %s for the UDHR in that language', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('says ja for Japanese with kanji, zh for Han without kana, ja for short kana text', () => {
    expect(detectLanguage('東京都の天気予報')).toBe('ja');
    expect(detectLanguage('北京市天气预报今天')).toBe('zh');
    expect(detectLanguage('ありがとう')).toBe('ja');
  });

  it('says und when unsure: too little text, numbers, symbols, an even mix, two ambiguous words', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12:30 — 2024-01-01, 3.14%')).toBe('und');
    expect(detectLanguage('漢字')).toBe('und');
    expect(detectLanguage('ok')).toBe('und');
    expect(detectLanguage('Hello World')).toBe('und');
    expect(detectLanguage('Hello world こんにちは世界 مرحبا بالعالم Привет мир')).toBe('und');
  });
});

describe('detectLanguage on prose it scores low', () => {
  it('still says en for dialogue from War and Peace (tinyld gives it ≈ 0.2)', () => {
    const text =
      '"Let him do it, let him do it," said Dolokhov, smiling.\n\n"What next? Have you gone mad?... No one would let you!... Why, you go giddy even on a staircase," exclaimed several voices.';
    expect(detectLanguage(text)).toBe('en');
  });
});

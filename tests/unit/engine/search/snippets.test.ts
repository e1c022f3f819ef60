import { describe, expect, it } from 'vitest';

import { makeSnippet } from '../../../../electron/engine/search/snippets';
import type { Snippet } from '../../../../shared';
import { expectWellFormed, highlighted } from './snippet-checks';

const sentenceOf = (snippet: Snippet) =>
  snippet.sentence ? snippet.text.slice(snippet.sentence.start, snippet.sentence.end) : null;

describe('makeSnippet: matching', () => {
  it('highlights every term, case-insensitively, in the best sentence', () => {
    const snippet = makeSnippet(
      'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience.',
      'DIGNITY rights',
    );
    expect(highlighted(snippet)).toEqual(['dignity', 'rights']);
    expect(sentenceOf(snippet)).toBe('All human beings are born free and equal in dignity and rights.');
    expect(snippet).toMatchObject({ cutStart: false, cutEnd: false });
  });

  it('ignores accents both ways, precomposed or decomposed', () => {
    expect(highlighted(makeSnippet('Le Café de Flore, près du café.', 'cafe'))).toEqual(['Café', 'café']);
    expect(highlighted(makeSnippet('Meet at the CAFE at noon.', 'café'))).toEqual(['CAFE']);
    // `e` + U+0301: the highlight takes the combining accent with it, and the next word stays exact.
    expect(highlighted(makeSnippet('Cafe\u0301 Resume\u0301 here', 'café résumé here'))).toEqual([
      'Cafe\u0301',
      'Resume\u0301',
      'here',
    ]);
    expect(highlighted(makeSnippet('Send your résumé today.', 'resume'))).toEqual(['résumé']);
  });

  it('keeps offsets exact after Turkish İ, which lower-cases to two code units', () => {
    const snippet = makeSnippet('İİİ İSTANBUL’da İzmir ve I\u0307stanbul görüşü', 'istanbul izmir görüşü');
    expect(highlighted(snippet)).toEqual(['İSTANBUL', 'İzmir', 'I\u0307stanbul', 'görüşü']);
  });

  it('folds ß to ss both ways (as the keyword index’s ASCII folding does)', () => {
    expect(highlighted(makeSnippet('Die Straße ist groß, der Fußball rund.', 'strasse gross fussball'))).toEqual([
      'Straße',
      'groß',
      'Fußball',
    ]);
    expect(highlighted(makeSnippet('DIE STRASSE IST GROSS.', 'straße'))).toEqual(['STRASSE']);
    // A capital ẞ too, and the word after it keeps its offsets.
    expect(highlighted(makeSnippet('GROẞE Freude', 'grosse freude'))).toEqual(['GROẞE', 'Freude']);
  });

  it('matches ligatures, full-width and half-width forms, and other compatibility characters', () => {
    expect(highlighted(makeSnippet('The ﬁnancial ﬂow of ﬁles.', 'financial flow'))).toEqual(['ﬁnancial', 'ﬂow']);
    expect(highlighted(makeSnippet('ＰＯＬＹＳＥＥＫ は検索です', 'polyseek'))).toEqual(['ＰＯＬＹＳＥＥＫ']);
    expect(highlighted(makeSnippet('ｶﾞｲﾄﾞ を読む', 'ガイド'))).toEqual(['ｶﾞｲﾄﾞ']);
    expect(highlighted(makeSnippet('ΟΔΟΣ και οδός', 'οδος'))).toEqual(['ΟΔΟΣ', 'οδός']);
  });

  it('keeps dakuten: カ does not match ガ', () => {
    expect(highlighted(makeSnippet('ガイドとカイド', 'カイド'))).toEqual(['カイド']);
  });

  it('matches a typed apostrophe with a typographic one', () => {
    expect(highlighted(makeSnippet('Don’t panic.', "don't"))).toEqual(['Don’t']);
  });

  it('sees through ideographic variation selectors', () => {
    expect(highlighted(makeSnippet('葛\u{E0100}城市に行く', '葛城'))).toEqual(['葛\u{E0100}城']);
  });

  it('sees through soft hyphens and zero-width spaces', () => {
    expect(highlighted(makeSnippet('An exam\u00ADple of hy\u200Bphen', 'example hyphen'))).toEqual([
      'exam\u00ADple',
      'hy\u200Bphen',
    ]);
  });

  it('matches at word starts, prefix included, and inside words only when nothing starts a word', () => {
    expect(highlighted(makeSnippet('The cat sat. Concatenate them.', 'cat'))).toEqual(['cat']);
    expect(highlighted(makeSnippet('Concatenate them.', 'cat'))).toEqual(['cat']);
    expect(highlighted(makeSnippet('Running late.', 'run'))).toEqual(['Run']);
    expect(highlighted(makeSnippet('Das Krankenhaus ist neu.', 'haus'))).toEqual(['haus']);
  });

  it('merges overlapping and touching highlights', () => {
    expect(highlighted(makeSnippet('I love New York City.', ['new york', 'york city']))).toEqual(['New York City']);
    expect(highlighted(makeSnippet('東京都に住む。', '東京都 東京'))).toEqual(['東京都']);
    expect(highlighted(makeSnippet('東京都庁へ', ['東京都', '都庁']))).toEqual(['東京都庁']);
    // Words apart stay apart.
    expect(highlighted(makeSnippet('brown fox', 'brown fox'))).toEqual(['brown', 'fox']);
  });

  it('takes terms already split, as the searcher passes them', () => {
    expect(highlighted(makeSnippet('one two three', ['three', 'one']))).toEqual(['one', 'three']);
    expect(highlighted(makeSnippet('one two three', []))).toEqual([]);
  });
});

describe('makeSnippet: scripts', () => {
  it('Japanese, mixed kanji and kana', () => {
    const text =
      'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。';
    const snippet = makeSnippet(text, '尊厳と権利');
    expect(highlighted(snippet)).toEqual(['尊厳と権利']);
    expect(sentenceOf(snippet)).toBe(
      'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。',
    );
    const second = makeSnippet(text, '良心 精神');
    expect(highlighted(second)).toEqual(['良心', '精神']);
    expect(sentenceOf(second)).toBe(
      '人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。',
    );
  });

  it('Chinese, also across spaces a PDF text layer put between characters', () => {
    const text = '人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。';
    expect(highlighted(makeSnippet(text, '尊严 权利'))).toEqual(['尊严', '权利']);
    expect(highlighted(makeSnippet('人 人 生 而 自 由 , 在 尊 严', '人人生而自由'))).toEqual(['人 人 生 而 自 由']);
  });

  it('Thai, written without spaces between words', () => {
    const text = 'คนทุกคนมีสิทธิในการดำรงชีวิต เสรีภาพ และความมั่นคงแห่งตัวตน';
    expect(highlighted(makeSnippet(text, 'เสรีภาพ ความมั่นคง'))).toEqual(['เสรีภาพ', 'ความมั่นคง']);
    expect(highlighted(makeSnippet(text, 'ชีวิต'))).toEqual(['ชีวิต']);
  });

  it('Arabic and Hebrew (right to left: logical order, nothing special), vowel marks ignored', () => {
    const arabic = 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا.';
    const snippet = makeSnippet(arabic, 'الكرامة والحقوق');
    expect(highlighted(snippet)).toEqual(['الكرامة', 'والحقوق']);
    expect(sentenceOf(snippet)).toBe('يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.');
    expect(highlighted(makeSnippet('فِي الْكَرَامَةِ وَالْحُقُوقِ', 'الكرامة'))).toEqual(['الْكَرَامَةِ']);
    const hebrew = 'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. כולם חוננו בתבונה ובמצפון.';
    expect(highlighted(makeSnippet(hebrew, 'חורין'))).toEqual(['חורין']);
  });

  it('emoji: a word right after a ZWJ family or a skin tone keeps exact offsets', () => {
    const text = 'Our 👩‍👩‍👧family trip 👍🏽great day 🇯🇵 Tokyo 😀';
    expect(highlighted(makeSnippet(text, 'family great tokyo'))).toEqual(['family', 'great', 'Tokyo']);
    expect(highlighted(makeSnippet('日本👩🏾‍💻東京へ', '東京'))).toEqual(['東京']);
  });

  it('emoji: a term matching inside a grapheme highlights the whole grapheme', () => {
    expect(highlighted(makeSnippet('We 👩‍👩‍👧 went', '👩'))).toEqual(['👩‍👩‍👧']);
  });
});

describe('makeSnippet: excerpt', () => {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `Filler sentence number ${i} talks about nothing much.`).join(' ');

  it('cuts a long passage around the best sentence and says so', () => {
    const text = `${filler(20)} The needle is right here in this sentence. ${filler(20)}`;
    const snippet = makeSnippet(text, 'needle');
    expectWellFormed(snippet);
    expect(snippet).toMatchObject({ cutStart: true, cutEnd: true });
    expect(snippet.text.startsWith('The needle is right here in this sentence.')).toBe(true);
    expect(sentenceOf(snippet)).toBe('The needle is right here in this sentence.');
    expect(highlighted(snippet)).toEqual(['needle']);
    // Cut at a word boundary: the excerpt ends with a whole word of the passage.
    expect(text.includes(`${snippet.text} `) || text.endsWith(snippet.text)).toBe(true);
  });

  it('starts at the passage start when only a few words precede the sentence', () => {
    const snippet = makeSnippet(`Intro. The needle is here. ${filler(20)}`, 'needle');
    expectWellFormed(snippet);
    expect(snippet).toMatchObject({ cutStart: false, cutEnd: true });
    expect(snippet.text.startsWith('Intro. The needle is here.')).toBe(true);
    expect(sentenceOf(snippet)).toBe('The needle is here.');
  });

  it('uses the text before a sentence at the end of the passage', () => {
    const text = `${filler(20)} The needle is last.`;
    const snippet = makeSnippet(text, 'needle', { maxChars: 120 });
    expectWellFormed(snippet, 120);
    expect(snippet).toMatchObject({ cutStart: true, cutEnd: false });
    expect(snippet.text.endsWith('The needle is last.')).toBe(true);
    expect(snippet.text.length).toBeGreaterThan(100);
  });

  it('shows a window with lead-in inside a sentence longer than the budget', () => {
    const long = `This sentence goes on ${'and on '.repeat(60)}until the needle appears ${'and continues '.repeat(30)}forever.`;
    const snippet = makeSnippet(`Intro. ${long} Outro.`, 'needle', { maxChars: 100 });
    expectWellFormed(snippet, 100);
    expect(snippet).toMatchObject({ cutStart: true, cutEnd: true });
    expect(highlighted(snippet)).toEqual(['needle']);
    const at = snippet.highlights[0]?.start ?? 0;
    expect(at).toBeGreaterThan(10);
    expect(at).toBeLessThan(50);
    // The whole excerpt lies in the long sentence.
    expect(snippet.sentence).toEqual({ start: 0, end: snippet.text.length });
  });

  it('never cuts inside a surrogate pair or an emoji sequence', () => {
    const family = '👩‍👩‍👧';
    const text = `${family.repeat(40)} word ${'👍🏽'.repeat(40)}`;
    for (const maxChars of [16, 17, 50, 51, 99]) {
      const snippet = makeSnippet(text, 'word', { maxChars });
      expectWellFormed(snippet, maxChars);
      expect(highlighted(snippet)).toEqual(['word']);
      expect(snippet.text.replaceAll(family, '').replaceAll('👍🏽', '').trim()).toBe('word');
    }
  });

  it('cuts Japanese at a word boundary', () => {
    const text = 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。'.repeat(10);
    const snippet = makeSnippet(text, '存在しない語', { maxChars: 30 });
    expectWellFormed(snippet, 30);
    const words = new Intl.Segmenter('und', { granularity: 'word' });
    const ends = new Set([...words.segment(text)].map((w) => w.index + w.segment.length));
    expect(ends.has(snippet.text.length)).toBe(true);
  });

  it('collapses white space and computes highlights on the collapsed text', () => {
    const snippet = makeSnippet('  The   quick\n\n\tbrown \u3000 fox\r\njumps  ', 'brown fox jumps');
    expect(snippet.text).toBe('The quick brown fox jumps');
    expect(highlighted(snippet)).toEqual(['brown', 'fox', 'jumps']);
  });

  it('ends a sentence at a paragraph break, not at a line wrap', () => {
    const snippet = makeSnippet('A heading without a stop\n\nThe body has the\nterm in it. Another one.', 'term');
    expect(sentenceOf(snippet)).toBe('The body has the term in it.');
    expect(snippet.text).toBe('A heading without a stop The body has the term in it. Another one.');
  });

  it('prefers the sentence with more distinct terms, longer terms weighing more; ties go first', () => {
    const text = 'Cats purr. Dogs bark at cats. Elephants remember. Dogs and cats play.';
    expect(sentenceOf(makeSnippet(text, 'cats dogs'))).toBe('Dogs bark at cats.');
    expect(sentenceOf(makeSnippet(text, 'cats elephants'))).toBe('Elephants remember.');
    expect(sentenceOf(makeSnippet('Cats cats cats. Cats and dogs.', 'cats dogs'))).toBe('Cats and dogs.');
  });

  it('with no term found, shows the start of the passage without highlights', () => {
    const snippet = makeSnippet(`${filler(10)}`, 'zebra');
    expectWellFormed(snippet);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.sentence).toBeNull();
    expect(snippet).toMatchObject({ cutStart: false, cutEnd: true });
    expect(snippet.text.startsWith('Filler sentence number 0')).toBe(true);
    expect(makeSnippet('Short text.', 'zebra')).toEqual({
      text: 'Short text.',
      highlights: [],
      sentence: null,
      cutStart: false,
      cutEnd: false,
    });
    expect(makeSnippet('', 'anything')).toEqual({
      text: '',
      highlights: [],
      sentence: null,
      cutStart: false,
      cutEnd: false,
    });
  });

  it('raises a tiny maxChars to 16', () => {
    const snippet = makeSnippet(filler(3), 'nothing', { maxChars: 1 });
    expect(snippet.text.length).toBeGreaterThan(8);
    expect(snippet.text.length).toBeLessThanOrEqual(16);
  });
});

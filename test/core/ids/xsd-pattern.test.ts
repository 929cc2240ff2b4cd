// xs:pattern values mean what XML Schema says, not what JavaScript would: whole-value matches,
// ^ and $ as plain characters, \i and \c name characters, Unicode digits, class subtraction.
import { xsdPattern, XsdPatternError } from '../../../src/core/ids/xsd-pattern';

const matches = (pattern: string, value: string) => xsdPattern(pattern).test(value);

describe('xs:pattern in an IDS', () => {
  it('matches the whole value, never a part of it', () => {
    expect(matches('Foo', 'Foo')).toBe(true);
    expect(matches('Foo', 'FooBar')).toBe(false);
    expect(matches('Foo|Bar', 'Bar')).toBe(true);
    expect(matches('Foo|Bar', 'FooBar')).toBe(false);
  });

  it('treats ^ and $ as the characters themselves', () => {
    expect(matches('^Foo$', '^Foo$')).toBe(true);
    expect(matches('^Foo$', 'Foo')).toBe(false);
    expect(matches('[^a]b', 'xb')).toBe(true);
  });

  it('knows XSD escapes: \\d for any decimal digit, \\i and \\c for XML name characters, \\- as a hyphen', () => {
    expect(matches('\\d{3}', '١٢٣')).toBe(true);
    expect(matches('\\i\\c*', 'room_1.a')).toBe(true);
    expect(matches('\\i\\c*', '1room')).toBe(false);
    expect(matches('A\\-\\d', 'A-1')).toBe(true);
  });

  it('subtracts character classes: [a-z-[aeiou]] is a consonant', () => {
    expect(matches('[a-z-[aeiou]]+', 'bcd')).toBe(true);
    expect(matches('[a-z-[aeiou]]+', 'bad')).toBe(false);
  });

  it('refuses what it cannot run, with the reason, instead of matching wrongly', () => {
    expect(() => xsdPattern('\\p{IsBasicLatin}+')).toThrow(XsdPatternError);
    expect(() => xsdPattern('(unclosed')).toThrow(XsdPatternError);
  });
});

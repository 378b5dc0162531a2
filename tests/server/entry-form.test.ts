/**
 * The desk's canon-entry form as values: what it accepts, every problem it
 * names at once, and the forms a nomination and an entry start from.
 */
import { describe, expect, it } from 'vitest';
import {
  formFromNomination,
  parseEntryForm,
  slugFor,
  withoutSeriesSuffix,
  type EntryForm,
} from '../../server/moderation/entry-form';

const FORM: EntryForm = {
  title: 'We-Think',
  subtitle: 'Mass innovation, not mass production',
  authors: 'Charles Leadbeater\n',
  publisher: 'Profile Books',
  published: '2009-07',
  description: 'One.\r\n\r\nTwo.',
  isbns: '1861978375\n978-1-86197-837-0',
  chapters: 'You are what you share\n\nThe Innovation Race',
  slug: 'we-think',
};

describe('the canon-entry form', () => {
  it('reads a good form: lines, one ISBN-13 per edition with its ISBN-10, the date as precise as typed', () => {
    const parsed = parseEntryForm(FORM);
    expect(parsed).toEqual({
      ok: true,
      value: {
        slug: 'we-think',
        title: 'We-Think',
        subtitle: 'Mass innovation, not mass production',
        authors: ['Charles Leadbeater'],
        publisher: 'Profile Books',
        published: '2009-07',
        description: 'One.\n\nTwo.',
        isbn13: ['9781861978370'],
        isbn10: ['1861978375'],
        chapters: ['You are what you share', 'The Innovation Race'],
      },
    });
    expect(parseEntryForm({ ...FORM, published: '2009', subtitle: '', publisher: '  ' })).toMatchObject({
      ok: true,
      value: { published: '2009', subtitle: null, publisher: null },
    });
  });

  it('names every problem at once', () => {
    const parsed = parseEntryForm({
      ...FORM,
      title: 'The Colour of Magic (Discworld, #1)',
      published: '2009-13',
      isbns: '1861978375\n9781861978371',
      slug: 'we-think-',
      subtitle: 'two\nlines',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.problems).sort()).toEqual(['isbns', 'published', 'slug', 'subtitle', 'title']);
    expect(parsed.problems.title).toContain('“The Colour of Magic”');
    expect(parsed.problems.isbns).toContain('9781861978371');
  });

  it.each(['', '-we-think', 'we--think', 'We-Think', 'we_think', 'a'.repeat(81)])('refuses the slug %j', (slug) => {
    expect(parseEntryForm({ ...FORM, slug }).ok).toBe(false);
  });

  it.each(['', '   '])('requires a title (%j)', (title) => {
    expect(parseEntryForm({ ...FORM, title }).ok).toBe(false);
  });

  it('drops series suffixes as shops print them, and only those', () => {
    expect(withoutSeriesSuffix('The Name of the Wind (The Kingkiller Chronicle, #1)')).toBe('The Name of the Wind');
    expect(withoutSeriesSuffix('Mort (Discworld Book 4)')).toBe('Mort');
    expect(withoutSeriesSuffix('Good Services (2nd edition)')).toBe('Good Services (2nd edition)');
    expect(withoutSeriesSuffix('This Is Service Design Doing')).toBe('This Is Service Design Doing');
  });

  it('makes slugs with no hyphen at either end, even when cut short', () => {
    expect(slugFor('Éléments de design: un guide')).toBe('elements-de-design-un-guide');
    const long = slugFor(`${'word '.repeat(15)}end`); // cut at 60, just after a hyphen
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slugFor('???')).toBe('book');
  });

  it('starts a nomination’s form without its series, the subtitle split off', () => {
    expect(
      formFromNomination({
        title: 'Service Blueprints: Mapping What Matters (Design Essentials, #2)',
        authors: ['Ada Example', 'Bo Example'],
        isbn13: '9781861978370',
      }),
    ).toMatchObject({
      title: 'Service Blueprints',
      subtitle: 'Mapping What Matters',
      authors: 'Ada Example\nBo Example',
      isbns: '9781861978370',
      slug: 'service-blueprints',
    });
  });
});

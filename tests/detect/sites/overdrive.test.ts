// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCHEMA_READERS } from '../../../lib/detect/signals/schema-readers';
import { overdrive } from '../../../lib/detect/sites/overdrive';
import { blankDocument, syntheticPage } from './synthetic-page';

describe('OverDrive and Libby adapter', () => {
  it('claims overdrive.com and libbyapp.com hosts', () => {
    const doc = blankDocument();
    expect(overdrive.test(new URL('https://lapl.overdrive.com/media/5906733'), doc)).toBe(true);
    expect(overdrive.test(new URL('https://share.libbyapp.com/title/5906733'), doc)).toBe(true);
    expect(overdrive.test(new URL('https://overdrive.com.example.org/media/1'), doc)).toBe(false);
  });

  it('reads the labelled per-format ISBNs of an ebook media page', () => {
    const { doc, url } = syntheticPage(
      'overdrive/media-project-hail-mary-ebook.html',
      'https://lapl.overdrive.com/media/5906733',
    );
    const ref = overdrive.detect(doc, url, SCHEMA_READERS);
    expect(ref).toMatchObject({
      isbn13: ['9780593135211'],
      title: 'Project Hail Mary',
      authors: ['Andy Weir'],
      format: 'ebook',
      site: 'overdrive',
    });
    expect(ref?.recordLink).toBeUndefined();
  });

  it('gives a Libby page the Thunder record link, since Libby shows no ISBN', () => {
    const { doc, url } = syntheticPage(
      'overdrive/libby-share-project-hail-mary.html',
      'https://share.libbyapp.com/title/5906733',
    );
    expect(overdrive.detect(doc, url, SCHEMA_READERS)).toMatchObject({
      isbn13: [],
      title: 'Project Hail Mary',
      authors: ['Andy Weir'],
      recordLink: 'https://thunder.api.overdrive.com/v2/media/bulk?titleIds=5906733',
    });
    const inApp = overdrive.detect(doc, new URL('https://libbyapp.com/library/lapl/everything/page-1/5906733'));
    expect(inApp?.recordLink).toBe('https://thunder.api.overdrive.com/v2/media/bulk?titleIds=5906733');
  });

  it('returns null for magazines, search results and Libby search', () => {
    const magazine = syntheticPage(
      'overdrive/media-the-new-yorker-magazine.html',
      'https://lapl.overdrive.com/media/2316488',
    );
    expect(overdrive.detect(magazine.doc, magazine.url)).toBeNull();
    const search = syntheticPage(
      'overdrive/search-andy-weir.html',
      'https://lapl.overdrive.com/search?query=andy%20weir',
    );
    expect(overdrive.detect(search.doc, search.url)).toBeNull();
    expect(
      overdrive.detect(search.doc, new URL('https://libbyapp.com/search/lapl/search/query-andy%20weir/page-1')),
    ).toBeNull();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readUnapi } from '../../../lib/detect/signals/unapi';
import { htmlPage, realPage } from './pages';

const SERVER = '<link rel="unapi-server" type="application/xml" href="/cgi-bin/koha/unapi">';
const BASE = new URL('https://opac.example/cgi-bin/koha/opac-detail.pl?biblionumber=42');

describe('unAPI', () => {
  it('gives one record id a record link on the unAPI server, and no ISBN', () => {
    const reading = readUnapi(htmlPage('<abbr class="unapi-id" title="koha:biblionumber:42"></abbr>', SERVER), BASE);
    expect(reading).toMatchObject({
      signal: 'unapi',
      isbns: [],
      isList: false,
      recordLink: 'https://opac.example/cgi-bin/koha/unapi?id=koha%3Abiblionumber%3A42',
    });
  });

  it('calls several record ids a list', () => {
    const ids =
      '<abbr class="unapi-id" title="koha:biblionumber:1"></abbr><abbr class="unapi-id" title="koha:biblionumber:2"></abbr>';
    expect(readUnapi(htmlPage(ids, SERVER), BASE)).toMatchObject({ isList: true });
    expect(readUnapi(htmlPage(ids, SERVER), BASE).recordLink).toBeUndefined();
  });

  it('gives nothing without a server link or without an id', () => {
    expect(readUnapi(htmlPage('<abbr class="unapi-id" title="x:1"></abbr>'), BASE).recordLink).toBeUndefined();
    expect(readUnapi(htmlPage('', SERVER), BASE).recordLink).toBeUndefined();
  });

  it('gives the real Koha account page (a server link, no record) no record link', () => {
    const { doc, url } = realPage('library-koha/negative-account-heilbronn.html');
    expect(readUnapi(doc, url)).toMatchObject({ isList: false, isbns: [] });
    expect(readUnapi(doc, url).recordLink).toBeUndefined();
  });
});

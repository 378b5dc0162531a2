import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { metaContent } from '../base/page';
import { textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** Album details: `<li><label>EAN/ISBN : </label>2-84055-742-8</li>` */
  infoLabels: 'li label', // `.infos li label`, `ul.infos-albums li label` and older lists alike
  /** Credits: `<a title="Voir la fiche de …">Corbeyran, Éric</a> <span class="metier">(Scénario)</span>` */
  roles: 'span.metier',
};

/** Writers and artists; colourists, letterers and preface writers are not the book's authors. */
const AUTHOR_ROLES = /^\((?:scénario|dessin|auteur|story|art|scénario et dessin)\)$/i;
/** Album pages: `/BD-<series>-Tome-<n>-<title>-<id>.html`. */
const ALBUM_PATH = /^\/BD-.+-\d+\.html$/;

function detect(doc: Document): BookRef | null {
  const label = [...doc.querySelectorAll(SELECTORS.infoLabels)].find((el) => /EAN\s*\/\s*ISBN|ISBN/i.test(textOf(el)));
  const isbnText = textOf(label?.parentElement).replace(textOf(label), '');
  const authors = [...doc.querySelectorAll(SELECTORS.roles)]
    .filter((role) => AUTHOR_ROLES.test(textOf(role)))
    .map((role) => textOf(role.previousElementSibling));
  return buildBookRef({
    site: 'bedetheque',
    signals: ['site:bedetheque'],
    isbns: findIsbnCandidates(isbnText).map((candidate) => candidate.isbn13),
    // og:title is the album's full name ("Le fond du monde -6- La grande terre"); h1 is only the series.
    title: metaContent(doc, 'og:title'),
    authors,
  });
}

export const bedetheque: SiteAdapter = {
  id: 'bedetheque',
  name: 'Bedetheque',
  matches: ['*://*.bedetheque.com/*'],
  test: (url) => /(^|\.)bedetheque\.com$/.test(url.hostname) && ALBUM_PATH.test(url.pathname),
  detect,
};

// Tested on:
// https://www.bedetheque.com/BD-Fond-du-monde-Tome-6-La-grande-terre-19401.html
// Checked against real pages: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/
//   bedetheque_db_fond_du_monde_tome_6_la_grande_terre_19401.html,
//   bedetheque_auteur_96_bd_leloup_roger.html and bedetheque_liste_auteurs_bd_l.html (author lists: null) (2024)

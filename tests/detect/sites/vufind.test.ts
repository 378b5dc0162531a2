// @vitest-environment happy-dom
import { describe } from 'vitest';
import { vufind } from '../../../lib/detect/sites/vufind';
import { itDetectsFixtures } from './adapter-cases';

describe('VuFind adapter', () => {
  itDetectsFixtures(vufind, [
    {
      name: 'a record whose library stripped the generator tag: recognised by VuFind’s COinS span',
      file: 'vufind/record-book-no-generator.html',
      url: 'https://opac.stadtbuecherei.example/opac/Record/0912345',
      expected: { isbn13: ['9783871346477'], title: 'Tschick : Roman', authors: ['Wolfgang Herrndorf'] },
    },
    {
      name: 'a periodical record: its format says Zeitschrift',
      file: 'vufind/record-periodical-no-generator.html',
      url: 'https://opac.stadtbuecherei.example/opac/Record/0900944',
      expected: null,
    },
  ]);
});

/** @jsxImportSource hono/jsx */
/**
 * The canon-entry form, for accepting a nomination and for editing an entry.
 * A refused form comes back with what was typed and a note at each field.
 */
import type { CanonEntry } from '../../../lib/shared/api';
import { ENTRY_LIMITS, type EntryField, type EntryForm, type EntryProblems } from '../../moderation/entry-form';

type FieldSpec = { label: string; hint?: string; rows?: number; max: number };

const FIELDS: Record<EntryField, FieldSpec> = {
  title: { label: 'Title', hint: 'Without the series (“(Discworld, #3)”).', max: ENTRY_LIMITS.title },
  subtitle: { label: 'Subtitle', max: ENTRY_LIMITS.subtitle },
  authors: { label: 'Authors', hint: 'One a line, in credit order.', rows: 3, max: 6_200 },
  publisher: { label: 'Publisher', max: ENTRY_LIMITS.publisher },
  published: { label: 'Published', hint: 'Year (2009), month (2009-07) or date (2009-07-14).', max: 10 },
  description: {
    label: 'Description',
    hint: 'Paragraphs separated by a blank line.',
    rows: 8,
    max: ENTRY_LIMITS.description,
  },
  isbns: { label: 'ISBNs', hint: 'ISBN-10 or ISBN-13, one a line; check digits are verified.', rows: 3, max: 800 },
  chapters: { label: 'Chapters', hint: 'One a line.', rows: 10, max: 24_400 },
  slug: {
    label: 'Address (slug)',
    hint: 'Lower-case words joined by hyphens; the book’s page is /books/<slug>.',
    max: ENTRY_LIMITS.slug,
  },
};

function Field(props: { name: EntryField; form: EntryForm; problems: EntryProblems; readonly?: boolean }) {
  const spec = FIELDS[props.name];
  const id = `e-${props.name}`;
  const problem = props.problems[props.name];
  const describedBy = [spec.hint === undefined ? null : `${id}-hint`, problem === undefined ? null : `${id}-problem`]
    .filter((x) => x !== null)
    .join(' ');
  const common = {
    id,
    name: props.name,
    maxlength: spec.max,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    'aria-invalid': problem === undefined ? undefined : 'true',
  };
  return (
    <p class={problem === undefined ? 'field' : 'field invalid'}>
      <label for={id}>{spec.label}</label>
      {spec.hint === undefined ? null : (
        <span class="muted hint" id={`${id}-hint`}>
          {spec.hint}
        </span>
      )}
      {problem === undefined ? null : (
        <span class="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      )}
      {spec.rows === undefined ? (
        <input {...common} value={props.form[props.name]} readonly={props.readonly} required={props.name === 'title'} />
      ) : (
        <textarea {...common} rows={spec.rows}>
          {props.form[props.name]}
        </textarea>
      )}
    </p>
  );
}

export function EntryFormPage(props: {
  action: string;
  submitLabel: string;
  form: EntryForm;
  problems: EntryProblems;
  /** A refusal that is about no single field (an ISBN or address another entry has). */
  refusal: string | null;
  csrf: string;
  /** Editing keeps the entry's address: links to it must keep working. */
  slugFixed: boolean;
}) {
  const fields = Object.keys(FIELDS) as EntryField[];
  const problemCount = Object.keys(props.problems).length;
  return (
    <>
      {problemCount === 0 ? null : (
        <p class="problem" role="alert">
          {problemCount === 1 ? 'One field needs' : `${problemCount} fields need`} a change; nothing was saved yet.
        </p>
      )}
      {props.refusal === null ? null : (
        <p class="problem" role="alert">
          {props.refusal}
        </p>
      )}
      <form method="post" action={props.action} class="entry">
        <input type="hidden" name="csrf" value={props.csrf} />
        {fields.map((name) => (
          <Field
            name={name}
            form={props.form}
            problems={props.problems}
            readonly={name === 'slug' && props.slugFixed}
          />
        ))}
        <p>
          <button type="submit">{props.submitLabel}</button>
        </p>
      </form>
    </>
  );
}

/** Below the form when editing: what readers added that a moderator may hide. */
export function ReaderAdditions(props: { entry: CanonEntry; csrf: string }) {
  const { entry } = props;
  const base = `/admin/books/${encodeURIComponent(entry.id)}`;
  return (
    <>
      <h2>Tags</h2>
      {entry.tags.length === 0 ? (
        <p>No tags.</p>
      ) : (
        <ul class="plain additions">
          {entry.tags.map((t) => (
            <li>
              <form method="post" action={`${base}/tags/hide`}>
                <input type="hidden" name="csrf" value={props.csrf} />
                <input type="hidden" name="tag" value={t.tag} />
                <span class="tag">{t.tag}</span> <span class="muted">({t.count + t.provisionalCount})</span>{' '}
                <button class="quiet small">Hide tag</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Review links</h2>
      {entry.links.length === 0 ? (
        <p>No review links.</p>
      ) : (
        <ul class="plain additions">
          {entry.links.map((l) => (
            <li>
              <form method="post" action={`${base}/links/${l.id}/hide`}>
                <input type="hidden" name="csrf" value={props.csrf} />
                <a href={l.url} rel="nofollow noopener noreferrer">
                  {l.title}
                </a>{' '}
                <span class="muted">({l.source === 'canon' ? 'with the canon data' : 'a reader'})</span>{' '}
                <button class="quiet small">Hide link</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** @jsxImportSource hono/jsx */
/** Every canon entry, each leading to its edit form. */
export function EntriesPage(props: { entries: { id: string; title: string; subtitle: string | null }[] }) {
  return (
    <ul class="books">
      {props.entries.map((e) => (
        <li>
          <a class="title" href={`/admin/books/${encodeURIComponent(e.id)}`}>
            {e.title}
          </a>
          {e.subtitle === null ? null : <span>: {e.subtitle}</span>} <span class="muted">/books/{e.id}</span>
        </li>
      ))}
    </ul>
  );
}

/** @jsxImportSource hono/jsx */
/** Open nominations with every reason given and every second, to accept (through the entry form) or decline. */
import { formatCommentTime } from '../format';
import type { DeskNomination } from './data';

export function NominationsPage(props: { nominations: DeskNomination[]; csrf: string }) {
  if (props.nominations.length === 0) return <p>No nomination is open.</p>;
  return (
    <ol class="queue">
      {props.nominations.map((n) => (
        <li id={`nomination-${n.id}`}>
          <h2 class="item">{n.title}</h2>
          <p class="meta">
            {n.authors.length === 0 ? null : <>{n.authors.join(', ')} · </>}
            {n.isbn13 === null ? 'no ISBN' : `ISBN ${n.isbn13}`}
            <br />
            Nominated by <span class="who">{n.nominator}</span>
            {n.confirmed ? null : <span class="muted"> (address not confirmed yet)</span>} ·{' '}
            <time datetime={new Date(n.createdAt).toISOString()}>{formatCommentTime(n.createdAt, 'en')}</time>
          </p>
          <p class="text">{n.reason}</p>
          <p>{n.seconds.length === 1 ? 'One second:' : `${n.seconds.length} seconds${n.seconds.length ? ':' : '.'}`}</p>
          {n.seconds.length === 0 ? null : (
            <ul>
              {n.seconds.map((s) => (
                <li>
                  <span class="who">{s.name}</span>
                  {s.confirmed ? null : <span class="muted"> (not confirmed)</span>}
                  {s.reason === null || s.reason === '' ? null : <>: {s.reason}</>}
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/admin/nominations/${n.id}/decline`} class="decide">
            <input type="hidden" name="csrf" value={props.csrf} />
            <a class="button" href={`/admin/nominations/${n.id}/accept`}>
              Accept…
            </a>{' '}
            <button class="quiet">Decline</button>
          </form>
        </li>
      ))}
    </ol>
  );
}

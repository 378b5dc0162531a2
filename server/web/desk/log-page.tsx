/** @jsxImportSource hono/jsx */
/** The moderation log: every decision, newest first, with who made it and when. */
import type { LoggedDecision } from '../../moderation/log';
import { formatCommentTime } from '../format';

export function LogPage(props: { entries: LoggedDecision[] }) {
  if (props.entries.length === 0) return <p>No decisions yet.</p>;
  return (
    <div class="table-scroll">
      <table class="log">
        <caption class="muted">The latest {props.entries.length} decisions, newest first (times in UTC).</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Decision</th>
            <th scope="col">On</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>
                <time datetime={new Date(e.at).toISOString()}>{formatCommentTime(e.at, 'en')}</time>
              </td>
              <td>{e.moderator}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

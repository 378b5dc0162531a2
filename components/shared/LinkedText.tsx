import { EXTERNAL_LINK_REL, safeHref, splitLinks } from '../../lib/pages/text-links';

/**
 * Server text as text nodes, with http(s) addresses made clickable. Never
 * HTML: a `<script>` in a comment is shown as the characters it is.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} rel={EXTERNAL_LINK_REL} target="_blank">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** A link the server gave: clickable when it is http(s), otherwise its address shown as text. */
export function ExternalLink({ url, label }: { url: string; label: string }) {
  const href = safeHref(url);
  if (href === null) return <span class="unsafe-link">{label === url ? url : `${label} (${url})`}</span>;
  return (
    <a href={href} rel={EXTERNAL_LINK_REL} target="_blank">
      {label}
    </a>
  );
}

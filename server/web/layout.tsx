/** @jsxImportSource hono/jsx */
/** The frame of every public page: language, stylesheet, feed discovery, the canon's name. */
import type { Child } from 'hono/jsx';
import { WORDS, type Locale } from './i18n';
import { STYLESHEET_PATH } from './stylesheet';

export type Feed = { title: string; href: string };

export function Layout(props: {
  locale: Locale;
  title: string;
  canonName: string;
  feeds: Feed[];
  description?: string;
  children: Child;
}) {
  const words = WORDS[props.locale];
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {props.feeds.map((feed) => (
          <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
        ))}
      </head>
      <body>
        <a class="skip" href="#content">
          {words.skip}
        </a>
        <header class="site">
          <a href="/">{props.canonName}</a>
          <nav aria-label={words.siteNav}>
            <a href="/nominations">{words.nominations}</a>
          </nav>
        </header>
        <main id="content">{props.children}</main>
        <footer class="site">
          <p class="muted">
            {props.feeds.map((feed) => (
              <>
                <a href={feed.href}>{feed.title}</a>{' '}
              </>
            ))}
          </p>
        </footer>
      </body>
    </html>
  );
}

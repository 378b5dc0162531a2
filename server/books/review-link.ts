/**
 * Review links readers add: parsed with the WHATWG URL parser (what browsers
 * use), stored in its normalised form so case and spelling variants of one
 * address are one link, and refused when they could only be a trap or a
 * probe: other schemes, credentials in the address, control characters or
 * spaces, and hosts that are not on the public internet (loopback, private,
 * link-local and other special-purpose ranges, `localhost`, single-label
 * and local-only names). Host names are not resolved: a public name that
 * points inward is the reader's browser's business, not the server's, which
 * never fetches these links.
 */
import { BlockList, isIP } from 'node:net';
import { ApiError } from '../security/errors';

/** IANA special-purpose ranges (RFC 6890 and successors) that never name a public web server. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Names that only mean something on the reader's own machine or network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|lan|home\.arpa|localdomain)$/i;

const refuse = (why: string) => new ApiError(400, 'validation_failed', `url: ${why}`);

/** The link's normalised address, or a 400 saying why it is refused. */
export function normalizeReviewLink(raw: string): string {
  // The parser would silently drop tabs and newlines; a link that carries them was not meant honestly.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(raw)) throw refuse('spaces and control characters are not allowed.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('only http and https links are accepted.');
  if (url.username !== '' || url.password !== '') throw refuse('links must not carry a user name or password.');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(host);
  if (family !== 0) {
    if (NOT_PUBLIC.check(host, family === 4 ? 'ipv4' : 'ipv6')) throw refuse('the host is not a public address.');
  } else if (!host.includes('.') || LOCAL_NAME.test(host.replace(/\.$/, ''))) {
    throw refuse('the host is not a public name.');
  }
  return url.href;
}

/**
 * Which browser origins may call the API. Extension pages of any id are let
 * in: unpacked and self-hosted builds each get their own id, and CORS is not
 * what protects writes — the identity secret in the Authorization header is.
 * Web pages get no CORS access unless their origin is configured.
 */
const EXTENSION_ORIGIN =
  /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function isAllowedOrigin(origin: string, configured: readonly string[]): boolean {
  return EXTENSION_ORIGIN.test(origin) || configured.includes(origin);
}

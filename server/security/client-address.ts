/**
 * The address a request is counted against. X-Forwarded-For is believed only
 * for as many hops as there are configured proxies in front of us: anyone can
 * send the header, and trusting it blindly lets a client pick a fresh address
 * for every request.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, trustedHops: number): string {
  if (trustedHops === 0 || forwardedFor === undefined) return socketAddress;
  const chain = [
    ...forwardedFor
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    socketAddress,
  ];
  // Each trusted proxy appended the address it saw; the entry `hops` from the
  // right is what the outermost trusted proxy saw.
  return chain[chain.length - 1 - trustedHops] ?? chain[0] ?? socketAddress;
}

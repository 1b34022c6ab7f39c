import { createHash } from 'node:crypto';

/** OpenSSH's fingerprint format: `SHA256:` + base64 of the SHA-256 of the key blob, without padding. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type is the first length-prefixed string of the SSH wire-format key blob. */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  if (len <= 0 || len > 64 || 4 + len > keyBlob.length) return 'unknown';
  return keyBlob.subarray(4, 4 + len).toString('ascii');
}

const hostKeyAlgorithms: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

const defaultOrder = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/**
 * Prefer the algorithms of the keys we already know (the trusted one first, then known_hosts'),
 * as OpenSSH does, so a server with several host keys is always checked against one we have. A
 * server that dropped those key types then shows another key, which is not trusted.
 */
export function hostKeyPreference(knownKeyTypes: string | string[] | undefined): string[] {
  const types = knownKeyTypes === undefined ? [] : Array.isArray(knownKeyTypes) ? knownKeyTypes : [knownKeyTypes];
  const first = [...new Set(types.flatMap((t) => hostKeyAlgorithms[t] ?? []))];
  return [...first, ...defaultOrder.filter((a) => !first.includes(a))];
}

/**
 * Which setting names hold a secret: `db_password`, `ROOT_PASS`, `X-Auth-Token`, `api_key`,
 * `adminPassword`; and which do not although they mention one: `password_hash_algorithm`,
 * `token_expiration`, `secretName`, `rbd_secret_uuid`, `tokens`, `key_type`.
 * Redaction asks this for every `name = value`, `name: value`, `"name": value` and `--name value`.
 */

export type SecretKind =
  /** Its value is a secret whatever it looks like. */
  | 'secret'
  /** `Authorization`: keep the scheme (Bearer, Basic) and hide the credential. */
  | 'authorization'
  /** `*_key`: a secret unless the value is a path, a number or a short word (ovs `in_key=flow`). */
  | 'key'
  /** `key` alone: a secret only when the value looks like key material (a ceph keyring's `key = AQ…==`). */
  | 'bare-key';

/** A name ending in one of these names a secret (the end of the last part: `csrftoken`, `rootpassword`). */
const secretEnding = /(?:password|passwd|passphrase|secret|token|cookie|apikey|bearer)$/;
/** These name a secret only as a whole part after another one: `ROOT_PASS`, `MYSQL_PWD` (not `PWD`, `bypass`, `pass=10`). */
const secretPart = new Set(['pass', 'pwd', 'psk']);
/** Kinds of `*_key` that are not secrets. */
const notSecretKeys = new Set(['public', 'pub', 'primary', 'foreign', 'routing', 'sort', 'partition', 'in', 'out', 'host', 'cache', 'object', 'idempotency', 'dedup', 'unique', 'lookup', 'index', 'shard', 'row', 'group', 'label', 'map', 'dict', 'hash']);
/**
 * A last part that says something about a secret rather than being it: `password_hash_algorithm`,
 * `token_ttl`, `rbd_secret_uuid`, `secretKeyRef`, `OS_PASSWORD_FILE`.
 */
const about = new Set(
  ('file files path dir directory ttl expiration expiry expires expire at days length min max size policy type algorithm ' +
    'hash rounds regex pattern prompt required enabled enable id uuid name names ref url uri count backend provider format mode method ' +
    'header store manager source version age lifetime history strategy time timeout interval lock attempts retries rotation changed ' +
    'reset set plugin driver class label description help field fields env var location endpoint scope audience issuer mount volume ' +
    'namespace selector template generator chars complexity validity period minutes seconds hours warn warning keys')
    .split(' '),
);
const strongWord = /(?:password|passwd|passphrase|secret|token)$/;

/** `adminPassword` → admin, password; `X-Auth-Token` → x, auth, token; `FERNET_KEY_0` → fernet, key. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.\-\s]+/)
    .map((p) => p.replace(/(?<=[a-z])\d+$/, '')) // password2 → password
    .filter((p) => p.length > 0 && !/^\d+$/.test(p)); // FERNET_KEY_0 → fernet, key
}

/** Cheap first look: a name without any of these cannot name a secret (most names in a log line). */
const mayBeSecret = /pass|pwd|psk|secret|token|cookie|key|authorization|bearer/i;

export function secretKind(name: string): SecretKind | null {
  if (!mayBeSecret.test(name)) return null;
  const parts = nameParts(name);
  const last = parts.at(-1);
  if (!last) return null;
  if (last === 'authorization') return 'authorization';
  if (secretEnding.test(last)) return 'secret';
  if (secretPart.has(last)) return parts.length > 1 ? 'secret' : null;
  if (last === 'key') {
    if (parts.length === 1) return 'bare-key';
    // an S3 access key is the id that goes with the secret one (aws_access_key_id, radosgw's access_key)
    if (parts.at(-2) === 'access' && !parts.includes('secret')) return null;
    return notSecretKeys.has(parts.at(-2) ?? '') ? null : 'key';
  }
  // secret_key_base, db_password_plain: a secret word inside, and the name does not end in what it says about it.
  return parts.slice(0, -1).some((p) => strongWord.test(p)) && !about.has(last) ? 'secret' : null;
}

/**
 * Values kept although their name says secret: they say whether one is set, or where it is, not what
 * it is. `(using password: YES)`, `null`, kubectl describe's `21 bytes` and `<set to the key …>`.
 */
export function keepValue(kind: SecretKind, value: string): boolean {
  const v = value.trim();
  if (v === '' || /^["']?\[REDACTED/.test(v)) return true;
  if (/^(?:YES|NO)\)/.test(v) || /^(?:null|none|nil|~|true|false)$/i.test(v)) return true;
  if (/^\d+ bytes$/.test(v) || v.startsWith('<set to the key ') || v === '<none>') return true;
  if (kind === 'key') return /^\d+$/.test(v) || v.length < 8 || /^\/(?:etc|var|usr|opt|srv|home|root|run|tmp|mnt)\/\S*$/.test(v);
  if (kind === 'bare-key') return !(/^[A-Za-z0-9+/=_-]{16,}$/.test(v) && /\d/.test(v)) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v);
  return false;
}

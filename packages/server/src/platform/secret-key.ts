import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { type Config, ConfigError, parseSecretKey } from './config.ts';
import { readOrCreateKeyFile } from './key-file.ts';

/**
 * Secrets at rest (second-factor secrets, recovery codes) are protected with a key that is not in
 * the database: LOTSE_SECRET_KEY, or a key file in the data directory created on first start with
 * mode 0600. A copy of the database alone reveals no secret. Losing the key means every user must
 * set up the second factor again, so it belongs in the backup, kept apart from the database dump.
 */
const keys = new WeakMap<Config, Buffer>();

export function secretKey(config: Config): Buffer {
  let key = keys.get(config);
  if (!key) {
    key = config.secretKey.value ?? keyFromFile(config.secretKey.file);
    keys.set(config, key);
  }
  return key;
}

function keyFromFile(file: string): Buffer {
  const key = parseSecretKey(readOrCreateKeyFile(file, () => `${randomBytes(32).toString('base64')}\n`));
  if (!key) throw new ConfigError(`${file}: not a 32-byte key (base64 or 64 hex digits)`);
  return key;
}

/** A short fingerprint of the key, stored with each ciphertext so a wrong key is named, not guessed. */
export const keyId = (key: Buffer) =>
  createHash('sha256').update('lotse-secret-key-id').update(key).digest('hex').slice(0, 8);

const b64 = (b: Buffer) => b.toString('base64url');

/** AES-256-GCM; `purpose` is authenticated data, so a ciphertext cannot be moved to another field. */
export function seal(config: Config, purpose: string, plaintext: string): string {
  const key = secretKey(config);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', keyId(key), b64(iv), b64(cipher.getAuthTag()), b64(ct)].join('.');
}

export const isSealed = (stored: string) => stored.startsWith('v1.');

export class SecretKeyMismatchError extends Error {}

export function open(config: Config, purpose: string, stored: string): string {
  const [version, id, iv, tag, ct] = stored.split('.');
  if (version !== 'v1' || !id || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
  const key = secretKey(config);
  if (id !== keyId(key))
    throw new SecretKeyMismatchError(
      `a secret was encrypted with key ${id}, but the configured key is ${keyId(key)}: set LOTSE_SECRET_KEY (or the key file) to the original key`,
    );
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** A salted hash keyed with the secret key: `h1.<salt>.<HMAC-SHA-256(key, salt || value)>`. */
export function keyedHash(config: Config, value: string, salt = randomBytes(16)): string {
  const mac = createHmac('sha256', secretKey(config)).update(salt).update(value).digest();
  return ['h1', b64(salt), b64(mac)].join('.');
}

export function keyedHashMatches(config: Config, value: string, stored: string): boolean {
  const [version, salt, mac] = stored.split('.');
  if (version !== 'h1' || !salt || !mac) return false;
  const expected = Buffer.from(mac, 'base64url');
  const actual = Buffer.from(
    keyedHash(config, value, Buffer.from(salt, 'base64url')).split('.')[2] ?? '',
    'base64url',
  );
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

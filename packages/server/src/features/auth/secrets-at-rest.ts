import { ConfigError } from '../../platform/config.ts';
import { type AppContext, withSystem } from '../../platform/context.ts';
import { isSealed, keyId, open, seal, secretKey } from '../../platform/secret-key.ts';
import {
  legacyRecoveryCodes,
  replaceMfaSecret,
  replaceRecoveryCodeHash,
  storedMfaSecrets,
} from './auth.repo.ts';
import { storedRecoveryHash } from './recovery-codes.ts';

export const TOTP_PURPOSE = 'users.mfa_secret';

export const sealTotpSecret = (ctx: AppContext, secret: string) => seal(ctx.config, TOTP_PURPOSE, secret);
/** The TOTP secret in clear; a secret stored before encryption existed is read as it is. */
export const openTotpSecret = (ctx: AppContext, stored: string) =>
  isSealed(stored) ? open(ctx.config, TOTP_PURPOSE, stored) : stored;

/**
 * Runs at every start: encrypts second-factor secrets still stored in clear, converts recovery codes
 * stored as bare SHA-256 into keyed salted hashes, and refuses to start when secrets were encrypted
 * with a different key (a second server with its own key file would otherwise lock users out).
 */
export async function protectSecretsAtRest(ctx: AppContext) {
  const currentKey = keyId(secretKey(ctx.config));
  return withSystem(ctx, async (tx) => {
    const secrets = await storedMfaSecrets(tx);
    let totpSecrets = 0;
    for (const row of secrets) {
      if (isSealed(row.mfa_secret)) {
        const id = row.mfa_secret.split('.')[1];
        if (id !== currentKey)
          throw new ConfigError(
            `Second-factor secrets were encrypted with key ${id}, but the configured key is ${currentKey}. ` +
              'Set LOTSE_SECRET_KEY (or restore the key file secret.key in the data directory) to the original key.',
          );
        continue;
      }
      await replaceMfaSecret(tx, row.id, sealTotpSecret(ctx, row.mfa_secret));
      totpSecrets++;
    }
    const legacy = await legacyRecoveryCodes(tx);
    for (const row of legacy)
      await replaceRecoveryCodeHash(tx, row.id, storedRecoveryHash(ctx.config, row.code_hash));
    return { totpSecrets, recoveryCodes: legacy.length };
  });
}

import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** TOTP after RFC 6238 (SHA-1, 6 digits, 30 s), as every authenticator app expects. */
const PERIOD = 30;

export const newTotpSecret = () => generateSecret();

export async function totpEnrollment(secret: string, account: string) {
  const otpauthUrl = generateURI({ issuer: 'Lotse', label: account, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrSvg };
}

/**
 * Checks a code with one step of clock drift either way. Returns the matched time step so that the
 * caller can refuse the same code twice (replay), or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: PERIOD,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return null;
  return Math.floor(epoch / PERIOD) + ('delta' in result ? result.delta : 0);
}

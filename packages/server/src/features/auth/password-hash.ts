import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). */
const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown accounts and accounts without a password still pay for one verification, so that the
  // response time does not tell whether an account exists.
  const target = stored ?? (await dummyHash());
  const ok = await verify(target, password).catch(() => false);
  return stored !== null && ok;
}

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hash('lotse-timing-equaliser-not-a-password', options);
  return dummy;
};

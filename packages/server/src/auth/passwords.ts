import argon2 from "argon2";

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended shape. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * Checks a password against a stored hash. Unknown users are checked against a fixed hash,
 * so that a wrong e-mail takes as long as a wrong password and reveals nothing.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await dummyHash()), password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("shihyo: no such user");
  return dummy;
}

/**
 * What a new password must be beyond its length (issue 16): not one of the common passwords, not
 * built on the username, and strong enough by zxcvbn's estimate. @zxcvbn-ts is the maintained
 * TypeScript port of Dropbox's zxcvbn: 40,000 common passwords, names, keyboard walks, dates,
 * repetitions and l33t speak, scored 0-4 by the guesses an attacker needs.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PASSWORD_MIN_LENGTH } from './secrets.ts';

/**
 * zxcvbn score a new password needs: 3 = "safely unguessable: moderate protection from an
 * offline slow-hash scenario" (~10^8 guesses), the level zxcvbn's authors advise for sign-up.
 * Assumption (2026-12-03): the seeds set no password rule; this follows OWASP ASVS 2.1.7-2.1.8.
 */
export const PASSWORD_MIN_SCORE = 3;

/** A username shorter than this is too short to recognise inside a password. */
const USERNAME_MIN_MATCH = 3;

let factory: Promise<ZxcvbnFactory> | undefined;
function strength(): Promise<ZxcvbnFactory> {
  // The dictionaries are a few megabytes: loaded on the first password change, not at start-up.
  factory ??= import('@zxcvbn-ts/language-common').then(
    (common) => new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return factory;
}

/** Null when the password is acceptable, otherwise the reason in Dutch (for the field error). */
export async function passwordProblem(
  password: string,
  context: { username?: string | undefined; displayName?: string | undefined } = {},
): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `een wachtwoord telt minstens ${PASSWORD_MIN_LENGTH} tekens`;
  const lower = password.toLowerCase();
  const username = context.username?.toLowerCase();
  if (username && username.length >= USERNAME_MIN_MATCH && lower.includes(username))
    return 'het wachtwoord mag uw gebruikersnaam niet bevatten';
  const words = [username, ...(context.displayName?.toLowerCase().split(/\s+/) ?? [])].filter(
    (w): w is string => !!w && w.length >= USERNAME_MIN_MATCH,
  );
  const result = await (await strength()).check(password, words);
  if (result.score < PASSWORD_MIN_SCORE) {
    const common = result.sequence.some(
      (m) =>
        m.pattern === 'dictionary' &&
        'dictionaryName' in m &&
        String(m.dictionaryName).startsWith('passwords'),
    );
    return common
      ? 'dit wachtwoord staat op de lijsten van veelgebruikte wachtwoorden; kies een ander'
      : 'dit wachtwoord is te makkelijk te raden; gebruik bv. vier losse woorden of een langere zin';
  }
  return null;
}

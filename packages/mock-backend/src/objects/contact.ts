import { EMAIL } from './object-input.ts';

export interface Contact {
  name: string;
  email: string;
  phone: string;
  company: string;
  role: string;
}

const FALLBACK: Contact = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  company: 'Analytical Engines Ltd',
  role: 'Head of Research',
};

const WEBMAIL = new Set(['gmail', 'googlemail', 'outlook', 'hotmail', 'yahoo', 'icloud', 'proton', 'protonmail', 'example']);
const PHONE = /\+?\d[\d\s().-]{5,}\d/;
const NAME_WORDS = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

const COMPANY_SUFFIX = /\b(?:Ltd|Limited|Inc|LLC|GmbH|Corp|Corporation|Co|Company|Labs|Group|AG|plc)\.?$/i;
const ROLE_WORD = /\b(?:engineer|developer|designer|manager|director|head|lead|founder|officer|president|analyst|consultant|ceo|cto|cfo|coo|vp)\b/i;

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The pieces of a one-line signature: "Ada Lovelace, Analytical Engines Ltd, lead engineer — ada@…". */
const segments = (text: string) => text.split(/[,\n|—–]|\s-\s/).map((segment) => segment.trim()).filter((segment) => segment !== '' && !segment.includes('@'));

/** The value after a label such as "Name:" or "Company -", up to the end of its line. */
function labelled(text: string, labels: string): string | undefined {
  return new RegExp(`^\\s*(?:${labels})\\s*[:\\-–]\\s*(.+?)\\s*$`, 'imu').exec(text)?.[1];
}

function nameIn(text: string, email: string | undefined): string | undefined {
  const named = labelled(text, 'name|full name');
  if (named) return named;
  // A signature: a line that is just two to four capitalized words, or "Jane Doe, CTO at …".
  for (const line of text.split('\n')) {
    const candidate = line.split(/[,|]/)[0]!.trim();
    if (NAME_WORDS.test(candidate)) return candidate;
  }
  const local = email?.split('@')[0]!.split(/[._-]/).filter((word) => /^\p{L}+$/u.test(word));
  return local && local.length >= 2 ? local.map(title).join(' ') : undefined;
}

function companyIn(text: string, email: string | undefined): string | undefined {
  const named =
    labelled(text, 'company|organi[sz]ation|employer') ??
    /\bat\s+(\p{Lu}[\w&'’.-]*(?:\s+\p{Lu}[\w&'’.-]*)*)/u.exec(text)?.[1] ??
    segments(text).find((segment) => COMPANY_SUFFIX.test(segment));
  if (named) return named.replace(/[.,]$/, '');
  const domain = email?.split('@')[1]?.split('.')[0];
  return domain && !WEBMAIL.has(domain.toLowerCase()) ? title(domain) : undefined;
}

function roleIn(text: string): string | undefined {
  return (
    labelled(text, 'role|title|position|job title') ??
    /,\s*([^,\n]+?)\s+at\s+\p{Lu}/u.exec(text)?.[1] ??
    segments(text).find((segment) => ROLE_WORD.test(segment) && !COMPANY_SUFFIX.test(segment))
  );
}

/**
 * The contact in pasted text, found with simple patterns: labelled lines ("Email: …"), an email address,
 * a phone number, a signature line with a name, "Role at Company", comma-separated pieces that look
 * like a company ("… Ltd") or a job ("lead engineer"). A field it cannot find takes a
 * fixed value, so the result is always complete and always the same for the same text.
 */
export function mockContact(text = ''): Contact {
  const email = EMAIL.exec(text)?.[0];
  return {
    name: nameIn(text, email) ?? FALLBACK.name,
    email: email ?? FALLBACK.email,
    phone: PHONE.exec(text)?.[0].trim() ?? FALLBACK.phone,
    company: companyIn(text, email) ?? FALLBACK.company,
    role: roleIn(text) ?? FALLBACK.role,
  };
}

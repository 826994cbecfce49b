/**
 * The fake-secret corpus for the redaction tests. Every value has the shape of a real credential
 * but comes from a seeded generator, so no real secret is ever committed and the corpus can be
 * rebuilt byte for byte (`writeSecretCorpus`). Each file is a list of pieces: plain text, or a
 * secret with the kind its redaction must carry.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A piece of a corpus file: text kept as it is, or a secret value and its redaction kind. */
export type CorpusPiece = string | { secret: string; kind: string };

/** One corpus file. */
export interface CorpusFile {
  name: string;
  pieces: CorpusPiece[];
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = '0123456789abcdef';
export const URLSAFE = `${ALNUM}_-`;
export const BASE64 = `${ALNUM}+/`;

/** mulberry32: a tiny seeded generator; the same seed always gives the same corpus. */
export function generator(seed: number): (alphabet: string, length: number) => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

function pemBody(r: ReturnType<typeof generator>, lines: number, newline: string): string {
  return newline + Array.from({ length: lines }, () => r(BASE64, 64)).join(newline) + newline;
}

/** The corpus: every kind of secret Tome redacts, in the places such secrets usually sit. */
export function secretCorpus(): CorpusFile[] {
  const r = generator(20240611);
  const s = (secret: string, kind: string): CorpusPiece => ({ secret, kind });
  const pem = (label: string): CorpusPiece[] => [
    `-----BEGIN ${label}-----`,
    s(pemBody(r, 4, '\n'), 'private-key'),
    `-----END ${label}-----\n`,
  ];
  return [
    {
      name: 'cloud.ts',
      pieces: [
        "export const awsConfig = {\n  accessKeyId: '", s(`AKIA${r('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, 'aws-access-key-id'),
        "',\n  region: 'eu-west-1',\n};\n// aws_secret_access_key = ", s(r(BASE64, 40), 'aws-secret-access-key'),
        "\nconst maps = 'https://maps.googleapis.com/api/js?key=", s(`AIza${r(URLSAFE, 35)}`, 'google-api-key'),
        "';\nconst storage = 'DefaultEndpointsProtocol=https;AccountName=tomefixture;AccountKey=", s(`${r(BASE64, 86)}==`, 'azure-storage-key'),
        ";EndpointSuffix=core.windows.net';\n",
      ],
    },
    {
      name: 'tokens.py',
      pieces: [
        'GITHUB_CLASSIC = "', s(`ghp_${r(ALNUM, 36)}`, 'github-token'), '"\n',
        'GITHUB_FINE = "', s(`github_pat_${r(ALNUM, 22)}_${r(ALNUM, 59)}`, 'github-token'), '"\n',
        'OAUTH = "', s(`gho_${r(ALNUM, 36)}`, 'github-token'), '"  # user: ', s(`ghu_${r(ALNUM, 36)}`, 'github-token'), '\n',
        'APP = ["', s(`ghs_${r(ALNUM, 36)}`, 'github-token'), '", "', s(`ghr_${r(ALNUM, 36)}`, 'github-token'), '"]\n',
        'GITLAB = "', s(`glpat-${r(URLSAFE, 20)}`, 'gitlab-token'), '"\n',
        'SLACK_BOT = "', s(`xoxb-${r(DIGITS, 11)}-${r(DIGITS, 13)}-${r(ALNUM, 24)}`, 'slack-token'), '"\n',
        'SLACK_USER = "', s(`xoxp-${r(DIGITS, 11)}-${r(DIGITS, 13)}-${r(ALNUM, 24)}`, 'slack-token'), '"\n',
        'HOOK = "https://hooks.slack.com/', s(`services/T${r(UPPER + DIGITS, 8)}/B${r(UPPER + DIGITS, 8)}/${r(ALNUM, 24)}`, 'slack-webhook-url'), '"\n',
        'NPM = "', s(`npm_${r(ALNUM, 36)}`, 'npm-token'), '"\n',
        'PYPI = "', s(`pypi-AgEIcHlwaS5vcmc${r(URLSAFE, 60)}`, 'pypi-token'), '"\n',
      ],
    },
    {
      name: 'payments.rb',
      pieces: [
        "Stripe.api_key = '", s(`sk_live_${r(ALNUM, 24)}`, 'stripe-key'), "'\n",
        "RESTRICTED = '", s(`rk_live_${r(ALNUM, 24)}`, 'stripe-key'), "'\n",
        "SENDGRID = '", s(`SG.${r(URLSAFE, 22)}.${r(URLSAFE, 43)}`, 'sendgrid-api-key'), "'\n",
        "TWILIO_API_KEY = '", s(`SK${r(HEX, 32)}`, 'twilio-api-key'), "'\n",
        `TWILIO_ACCOUNT_SID = 'AC${r(HEX, 32)}'\n`,
        "TWILIO_AUTH_TOKEN = '", s(r(HEX, 32), 'twilio-auth-token'), "'\n",
      ],
    },
    {
      name: 'llm.env.txt',
      pieces: [
        'OPENAI_API_KEY=', s(`sk-${r(ALNUM, 20)}T3BlbkFJ${r(ALNUM, 20)}`, 'openai-api-key'), '\n',
        'OPENAI_PROJECT_KEY=', s(`sk-proj-${r(URLSAFE, 100)}`, 'openai-api-key'), '\n',
        'ANTHROPIC_API_KEY=', s(`sk-ant-api03-${r(URLSAFE, 93)}AA`, 'anthropic-api-key'), '\n',
      ],
    },
    {
      name: 'service-account.txt',
      pieces: [
        `{\n  "type": "service_account",\n  "project_id": "tome-fixture",\n  "private_key_id": "${r(HEX, 40)}",\n`,
        '  "private_key": "-----BEGIN PRIVATE KEY-----', s(pemBody(r, 3, '\\n'), 'private-key'), '-----END PRIVATE KEY-----\\n",\n',
        '  "client_email": "packer@tome-fixture.iam.gserviceaccount.com"\n}\n',
      ],
    },
    {
      name: 'keys.txt',
      pieces: [
        'Key material kept next to the code by mistake.\n',
        ...pem('RSA PRIVATE KEY'), ...pem('EC PRIVATE KEY'), ...pem('DSA PRIVATE KEY'), ...pem('OPENSSH PRIVATE KEY'),
        ...pem('ENCRYPTED PRIVATE KEY'), ...pem('PRIVATE KEY'), ...pem('PGP PRIVATE KEY BLOCK'),
        '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n',
      ],
    },
    {
      name: 'web.go',
      pieces: [
        'const session = "', s(`${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url('{"sub":"42","name":"fixture"}')}.${r(URLSAFE, 43)}`, 'jwt'), '"\n',
        'const dsn = "postgres://app_user:', s(r(ALNUM, 18), 'url-password'), '@db.internal:5432/app?sslmode=require"\n',
        'const mongo = "mongodb+srv://reader:', s(`${r(ALNUM, 12)}%21${r(ALNUM, 4)}`, 'url-password'), '@cluster0.tome.mongodb.net/db"\n',
        'const cache = "redis://:', s(r(ALNUM, 24), 'url-password'), '@cache.internal:6379/0"\n',
      ],
    },
    {
      name: 'settings.yaml',
      pieces: [
        'database:\n  host: db.internal\n  password: ', s(`${r(ALNUM, 10)}#${r(ALNUM, 6)}`, 'password'), '\n',
        'service:\n  api_key: "', s(r(ALNUM, 32), 'api-key'), '"\n',
        '  client_secret: ', s(r(URLSAFE, 40), 'secret'), '\n',
        '  refresh_token: \'', s(r(ALNUM, 48), 'token'), "'\n",
        'retries: 3\n',
      ],
    },
  ];
}

/** The text of a corpus file as committed. */
export function corpusText(file: CorpusFile): string {
  return file.pieces.map((p) => (typeof p === 'string' ? p : p.secret)).join('');
}

/** The text redaction must produce: each secret replaced by `[REDACTED:<kind>]`. */
export function corpusRedacted(file: CorpusFile): string {
  return file.pieces.map((p) => (typeof p === 'string' ? p : `[REDACTED:${p.kind}]`)).join('');
}

/** Writes the corpus into `dir` (how test/fixtures/redact-secrets was made). */
export async function writeSecretCorpus(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of secretCorpus()) await writeFile(join(dir, file.name), corpusText(file));
}

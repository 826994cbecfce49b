/**
 * The generic rule: a random value assigned to a secret-sounding name (`password`, `client_secret`,
 * `API_KEY`, `authToken`…), in the assignment syntaxes of most languages and config formats (see
 * {@link SEPARATOR}) and .NET `key=… value=…` settings. The value must read as random (see
 * looksRandom): names, words, references and placeholders are left alone.
 */
import type { MatchContext, SecretRule } from '../rule';
import { looksRandom } from '../entropy';

/** `password`, `api-key`, `token` or `secret`, after the variable a generic value was assigned to. */
function kindOfSecretName(name: string): string {
  if (/pass|pwd/i.test(name)) return 'password';
  if (/api[_-]?key|apikey/i.test(name)) return 'api-key';
  if (/token/i.test(name)) return 'token';
  return 'secret';
}

/**
 * Names that announce a secret value. The match starts at the keyword (a prefix such as `db_`
 * changes nothing): patterns that open with a literal run several times faster than ones that
 * open with a character class.
 */
const SECRET_NAME = String.raw`(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?)[A-Za-z0-9_-]*`;

/** The keywords of {@link SECRET_NAME}, lower-case. */
const SECRET_NAME_KEYWORDS = [
  'password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'api_key', 'api-key', 'apikey',
  'access_key', 'access-key', 'accesskey', 'private_key', 'private-key', 'privatekey', 'auth_key', 'auth-key', 'authkey', 'credential',
];

/** Names about a secret rather than holding one: `secret_name`, `token_url`, `password_file`. */
const NOT_A_SECRET_NAME = /[_.-]?(?:name|id|ids|file|path|dir|url|uri|endpoint|type|length|len|count|header|field|prefix|suffix|label|env|var)$/i;

/**
 * Source files in programming languages: there a bare (unquoted) value after `token =` is an
 * expression, never a literal secret; in config files (.env, YAML, properties) bare values are the norm.
 */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|kts|scala|cs|fs|rb|php|swift|m|mm|c|cc|cpp|cxx|h|hh|hpp|dart|lua|ex|exs|erl|hs|ml|clj|groovy|ps1|r|vue|svelte)$/i;

/** Badge images carry a public graphing token in their URL (`badge.svg?token=…`), there to be shown. */
const BADGE_QUERY = /(?:\.svg|badge|graph)\?(?:[^\s?]*&)?$/i;

/** A secret value in a quoted or bare form, without the characters that end one in code. */
const VALUE = String.raw`(?<secret>[^\s"'\`,;()[\]{}<>]{8,512})`;

/** An XML element's name: the text before the keyword opens a tag (`<db_password>`). */
const OPENS_TAG = /<[A-Za-z0-9_.:-]*$/;

function acceptGeneric(value: string, { name, quote, separator, path, before }: MatchContext): boolean {
  return (
    !NOT_A_SECRET_NAME.test(name ?? '') &&
    !(quote === '' && path !== undefined && CODE_FILE.test(path)) &&
    !BADGE_QUERY.test(before) &&
    (separator !== '>' || OPENS_TAG.test(before)) &&
    looksRandom(value)
  );
}

const generic = (pattern: string): SecretRule => ({
  kind: 'secret',
  keywords: SECRET_NAME_KEYWORDS,
  kindOfName: kindOfSecretName,
  pattern: new RegExp(pattern, 'gi'),
  accept: acceptGeneric,
});

/**
 * What may stand between a secret name and its value: an assignment (`=`, `:=`, `:`, `=>`, `+=`,
 * `<-`, after an optional closing quote or `]`), the comma of a `("name", "value")` pair
 * (setenv, headers.set, tuples), the space of a Clojure or EDN keyword (`:api-key "value"`), or
 * the end of an XML start tag (`<password>value</password>`).
 */
const SEPARATOR = String.raw`(?<sep>["']?\]?\s*(?:=|:=|:|=>|\+=|<-)\s*|["']\s*,\s*|\s+(?=")|>)`;

/** One scan for every separator: each pattern costs a pass over the text. */
export const GENERIC_RULES: readonly SecretRule[] = [
  generic(String.raw`(?<name>${SECRET_NAME})${SEPARATOR}(?<quote>["'\`]?)${VALUE}\k<quote>`),
  // <add key="ApiKey" value="value" />
  generic(String.raw`key\s*=\s*"(?<name>[A-Za-z0-9_.:-]*?${SECRET_NAME})"\s+value\s*=\s*(?<quote>")${VALUE}"`),
];

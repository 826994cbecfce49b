import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact';
import { KeywordScanner } from '../../src/core/redact/keywordScan';
import { ALNUM, generator } from '../support/fixtureSecrets';

const r = generator(7);
const value = r(ALNUM, 24);
const R = '[REDACTED:password]';

describe('the generic rule in each language syntax', () => {
  it.each([
    ['Go', 'main.go', `password := "${value}"\n`, `password := "${R}"\n`],
    ['Python keyword argument', 'db.py', `connect(host="db", password="${value}")\n`, `connect(host="db", password="${R}")\n`],
    ['Python dict item', 'db.py', `settings["DB_PASSWORD"] = "${value}"\n`, `settings["DB_PASSWORD"] = "${R}"\n`],
    ['Ruby hash', 'db.rb', `{ password: '${value}' }\n`, `{ password: '${R}' }\n`],
    ['PHP array', 'db.php', `'password' => '${value}',\n`, `'password' => '${R}',\n`],
    ['R', 'db.r', `password <- "${value}"\n`, `password <- "${R}"\n`],
    ['C setenv pair', 'main.c', `setenv("DB_PASSWORD", "${value}", 1);\n`, `setenv("DB_PASSWORD", "${R}", 1);\n`],
    ['Clojure keyword', 'db.edn', `{:password "${value}"}\n`, `{:password "${R}"}\n`],
    ['XML element', 'web.xml', `<password>${value}</password>\n`, `<password>${R}</password>\n`],
    ['.NET appSettings', 'App.config', `<add key="DbPassword" value="${value}" />\n`, `<add key="DbPassword" value="${R}" />\n`],
    ['TOML', 'config.toml', `password = "${value}"\n`, `password = "${R}"\n`],
    ['shell export', 'env.sh', `export DB_PASSWORD=${value}\n`, `export DB_PASSWORD=${R}\n`],
    ['JSON', 'config.json', `{ "password": "${value}" }\n`, `{ "password": "${R}" }\n`],
  ])('finds a password in %s', async (_syntax, path, text, expected) => {
    expect((await redactText(text, path)).text).toBe(expected);
  });

  it.each([
    ['a word', 'config.yaml', 'password: correcthorsebattery\n'],
    ['a reference in code', 'db.go', 'password := cfg.Database.Password\n'],
    ['a bare expression in code', 'db.py', `password = get_secret(${JSON.stringify(value)})\n`],
    ['an XML element holding a type', 'Token.cs', 'List<Token>Tokens12345678 x;\n'],
    ['a badge token in a README', 'README.md', '[![codecov](https://codecov.io/gh/tome/tome/graph/badge.svg?token=lWZ9OBQ7GM)](https://codecov.io)\n'],
  ])('leaves %s alone', async (_what, path, text) => {
    expect(await redactText(text, path)).toEqual({ text, redactions: 0, kinds: {} });
  });
});

describe('precision on the false positives once found in node_modules', () => {
  it.each([
    ['a constant naming a result type', 'const FLOW_SIGN_UP_PASSWORD_REQUIRED_V2 = "FlowSignUpPasswordRequiredResultV2";\n'],
    ['a message id with a one-letter word', '"Unexpected_token_A_constructor_method_accessor_or_property_was_expected_1068": "x"\n'],
    ['an armour line in a doc comment', ' * (string should contain -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY----- )\n'],
    ['a string escape where a URL password would be', "parse('uri://us\\xA0er:pa\\uD7FFss@example.com:123/')\n"],
    ['the anonymous FTP user', 'url.parse("https://anonymous:flabada@developer.mozilla.org/");\n'],
    ["Oracle's sample account", 'create_engine("oracle://scott:tiger@localhost/xe")\n'],
    ["jwt.io's example token", '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"\n'],
    ['a Shopify-like token that is not hex', 'shpat_r8TRc9ZXAvcVvcrmtr7qoVw69WeeY1ex\n'],
  ])('leaves %s alone', async (_what, text) => {
    expect(await redactText(text, 'file.ts')).toEqual({ text, redactions: 0, kinds: {} });
  });
});

describe('KeywordScanner', () => {
  const scanner = new KeywordScanner(['sk-', 'sk-ant-', 'hvs.', 'password', 'k-a']);

  it('finds keywords in any case, each once', () => {
    expect([...scanner.scan('PASSWORD=x; Password=y; a HVS.token')].sort()).toEqual([2, 3]);
  });

  it('reports keywords inside and overlapping others', () => {
    expect([...scanner.scan('key=sk-ant-abc')].sort()).toEqual([0, 1, 4]);
  });

  it('finds nothing in text without keywords, non-ASCII included', () => {
    expect(scanner.scan('비밀번호 sk pass word hvs').size).toBe(0);
  });

  it('refuses keywords it cannot fold', () => {
    expect(() => new KeywordScanner(['Token'])).toThrow(/lower-case ASCII/);
  });
});

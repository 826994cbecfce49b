/**
 * One entry per token format the redact stage knows: a seeded fake value in a line of the kind
 * such values sit in, and a near miss in the same line (right prefix or name, wrong length or
 * alphabet). Every value comes from the seeded generator: no real secret is ever committed.
 */
import { ALNUM, BASE64, DIGITS, HEX, LOWER, UPPER, URLSAFE, generator } from './fixtureSecrets';

/** One format: `line(value)` holds the value; redaction must turn it into `line('[REDACTED:kind]')`. */
export interface SecretFormat {
  kind: string;
  /** What the format is, for the test's name. */
  what: string;
  line: (value: string) => string;
  value: string;
  nearMiss: string;
  /**
   * The near miss is still a secret by another rule (a random value after `API_KEY=` is caught by
   * the generic rule; `sk-` plus 31 hex digits by the OpenAI rule): it must only not be taken for this kind.
   */
  nearMissIsOtherSecret?: boolean;
  /** File name the line is in; `app.txt` when not given. */
  path?: string;
}

const r = generator(16_2026);
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const discordId = r(DIGITS, 18);
const telegramId = r(DIGITS, 10);
const twilioSid = `AC${r(HEX, 32)}`;
const quoted = (v: string): string => `const value = "${v}";\n`;
const env = (name: string) => (v: string) => `${name}=${v}\n`;
const LOWER_DIGITS = LOWER + DIGITS;

export const SECRET_FORMATS: SecretFormat[] = [
  // cloud
  { kind: 'aws-access-key-id', what: 'AWS access key id', line: quoted, value: `AKIA${r(UPPER + DIGITS, 16)}`, nearMiss: `AKIA${r(UPPER + DIGITS, 15)}` },
  { kind: 'aws-secret-access-key', what: 'AWS secret key', line: (v) => `aws_secret_access_key = ${v}\n`, value: r(BASE64, 40), nearMiss: r(BASE64, 39), nearMissIsOtherSecret: true },
  { kind: 'google-api-key', what: 'Google Cloud / Gemini API key', line: env('GEMINI_MODEL_KEYREF'), value: `AIza${r(URLSAFE, 35)}`, nearMiss: `AIza${r(URLSAFE, 30)}` },
  { kind: 'azure-storage-key', what: 'Azure storage connection string', line: (v) => `DefaultEndpointsProtocol=https;AccountName=tome;AccountKey=${v};\n`, value: `${r(BASE64, 86)}==`, nearMiss: r(BASE64, 12) },
  { kind: 'azure-sas-signature', what: 'Azure SAS URL', line: (v) => `https://tome.blob.core.windows.net/c/x?sv=2022-11-02&sig=${v}\n`, value: `${r(ALNUM, 43)}%3D`, nearMiss: r(ALNUM, 10) },
  { kind: 'azure-client-secret', what: 'Entra ID client secret', line: quoted, value: `${r(ALNUM, 3)}8Q~${r(`${URLSAFE}.~`, 31)}`, nearMiss: `${r(ALNUM, 3)}8Q~${r(URLSAFE, 20)}` },
  { kind: 'alibaba-access-key-id', what: 'Alibaba Cloud AccessKey id', line: quoted, value: `LTAI${r(ALNUM, 20)}`, nearMiss: `LTAI${r(ALNUM, 12)}` },
  { kind: 'alibaba-secret-key', what: 'Alibaba Cloud AccessKey secret', line: env('ALIBABA_CLOUD_ACCESS_KEY_SECRET'), value: r(ALNUM, 30), nearMiss: r(ALNUM, 29), nearMissIsOtherSecret: true },
  { kind: 'digitalocean-token', what: 'DigitalOcean token', line: quoted, value: `dop_v1_${r(HEX, 64)}`, nearMiss: `dop_v1_${r(HEX, 60)}` },
  { kind: 'heroku-api-key', what: 'Heroku API key', line: quoted, value: `HRKU-AA${r(URLSAFE, 58)}`, nearMiss: `HRKU-AA${r(URLSAFE, 40)}` },
  { kind: 'heroku-api-key', what: 'Heroku legacy API key', line: env('HEROKU_API_KEY'), value: `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`, nearMiss: `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`, nearMissIsOtherSecret: true },
  { kind: 'cloudflare-api-token', what: 'Cloudflare API token', line: env('CLOUDFLARE_API_TOKEN'), value: r(URLSAFE, 40), nearMiss: r(URLSAFE, 39), nearMissIsOtherSecret: true },
  { kind: 'cloudflare-origin-ca-key', what: 'Cloudflare Origin CA key', line: quoted, value: `v1.0-${r(HEX, 24)}-${r(HEX, 146)}`, nearMiss: `v1.0-${r(HEX, 24)}-${r(HEX, 100)}` },
  { kind: 'fly-token', what: 'Fly.io token', line: quoted, value: `fo1_${r(URLSAFE, 43)}`, nearMiss: `fo1_${r(URLSAFE, 30)}` },
  { kind: 'fly-token', what: 'Fly.io macaroon', line: (v) => `FLY_API_TOKEN="FlyV1 ${v}"\n`, value: `fm2_${r(BASE64, 120)}`, nearMiss: `fm2_${r(BASE64, 60)}` },
  { kind: 'vercel-token', what: 'Vercel token', line: quoted, value: `vcp_${r(ALNUM, 56)}`, nearMiss: `vcp_${r(ALNUM, 10)}` },
  { kind: 'netlify-token', what: 'Netlify token', line: quoted, value: `nfp_${r(ALNUM, 36)}`, nearMiss: `nfp_${r(ALNUM, 30)}` },
  // source hosting and CI
  { kind: 'github-token', what: 'GitHub classic token', line: quoted, value: `ghp_${r(ALNUM, 36)}`, nearMiss: `ghp_${r(ALNUM, 30)}` },
  { kind: 'github-token', what: 'GitHub fine-grained token', line: quoted, value: `github_pat_${r(ALNUM, 22)}_${r(ALNUM, 59)}`, nearMiss: `github_pat_${r(ALNUM, 12)}` },
  { kind: 'gitlab-token', what: 'GitLab token', line: quoted, value: `glpat-${r(URLSAFE, 20)}`, nearMiss: `glpat-${r(URLSAFE, 10)}` },
  { kind: 'gitlab-token', what: 'GitLab runner token', line: quoted, value: `glrt-${r(URLSAFE, 27)}`, nearMiss: `glrt-${r(URLSAFE, 12)}` },
  { kind: 'bitbucket-app-password', what: 'Bitbucket app password', line: quoted, value: `ATBB${r(ALNUM, 32)}`, nearMiss: `ATBB${r(ALNUM, 10)}` },
  { kind: 'atlassian-api-token', what: 'Atlassian API token', line: quoted, value: `ATATT3${r(URLSAFE, 186)}`, nearMiss: `ATATT3${r(URLSAFE, 50)}` },
  { kind: 'circleci-token', what: 'CircleCI personal token', line: quoted, value: `CCIPAT_${r(ALNUM, 22)}_${r(HEX, 40)}`, nearMiss: `CCIPAT_${r(ALNUM, 22)}_${r(HEX, 30)}` },
  { kind: 'circleci-token', what: 'CircleCI legacy token', line: env('CIRCLECI_TOKEN'), value: r(HEX, 40), nearMiss: r(HEX, 39), nearMissIsOtherSecret: true },
  { kind: 'travis-token', what: 'Travis CI token', line: env('TRAVIS_TOKEN'), value: `${r(ALNUM, 10)}7${r(ALNUM, 11)}`, nearMiss: `${r(ALNUM, 10)}7${r(ALNUM, 10)}`, nearMissIsOtherSecret: true },
  { kind: 'buildkite-token', what: 'Buildkite API token', line: quoted, value: `bkua_MTA.${r(HEX, 40)}`, nearMiss: `bkua_${r(HEX, 30)}` },
  // package registries
  { kind: 'npm-token', what: 'npm token', line: quoted, value: `npm_${r(ALNUM, 36)}`, nearMiss: `npm_${r(ALNUM, 30)}` },
  { kind: 'pypi-token', what: 'PyPI token', line: quoted, value: `pypi-AgEIcHlwaS5vcmc${r(URLSAFE, 60)}`, nearMiss: `pypi-AgE${r(URLSAFE, 20)}` },
  { kind: 'rubygems-api-key', what: 'RubyGems API key', line: quoted, value: `rubygems_${r(HEX, 48)}`, nearMiss: `rubygems_${r(HEX, 40)}` },
  { kind: 'nuget-api-key', what: 'NuGet API key', line: quoted, value: `oy2${r(LOWER_DIGITS, 43)}`, nearMiss: `oy2${r(LOWER_DIGITS, 40)}` },
  { kind: 'docker-hub-token', what: 'Docker Hub access token', line: quoted, value: `dckr_pat_${r(URLSAFE, 27)}`, nearMiss: `dckr_pat_${r(URLSAFE, 20)}` },
  { kind: 'crates-io-token', what: 'crates.io token', line: (v) => `# cargo publish\nCARGO_LOGIN="${v}"\n`, value: `cio${r(ALNUM, 32)}`, nearMiss: `cio${r(ALNUM, 31)}` },
  // AI providers
  { kind: 'openai-api-key', what: 'OpenAI project key', line: quoted, value: `sk-proj-${r(URLSAFE, 100)}`, nearMiss: `sk-proj-${r(ALNUM, 8)}` },
  { kind: 'anthropic-api-key', what: 'Anthropic key', line: quoted, value: `sk-ant-api03-${r(URLSAFE, 93)}AA`, nearMiss: `sk-ant-${r(ALNUM, 10)}` },
  { kind: 'openrouter-api-key', what: 'OpenRouter key', line: quoted, value: `sk-or-v1-${r(HEX, 64)}`, nearMiss: `sk-or-v1-${r(HEX, 60)}`, nearMissIsOtherSecret: true },
  { kind: 'deepseek-api-key', what: 'DeepSeek key', line: quoted, value: `sk-${r(HEX, 32)}`, nearMiss: `sk-${r(HEX, 31)}`, nearMissIsOtherSecret: true },
  { kind: 'huggingface-token', what: 'Hugging Face token', line: env('HF_MODEL_REF'), value: `hf_${r(UPPER + LOWER, 34)}`, nearMiss: `hf_${r(UPPER + LOWER, 20)}` },
  { kind: 'replicate-api-token', what: 'Replicate token', line: quoted, value: `r8_${r(ALNUM, 37)}`, nearMiss: `r8_${r(ALNUM, 30)}` },
  { kind: 'cohere-api-key', what: 'Cohere key', line: env('COHERE_API_KEY'), value: r(ALNUM, 40), nearMiss: r(ALNUM, 39), nearMissIsOtherSecret: true },
  { kind: 'groq-api-key', what: 'Groq key', line: quoted, value: `gsk_${r(ALNUM, 52)}`, nearMiss: `gsk_${r(ALNUM, 40)}` },
  { kind: 'mistral-api-key', what: 'Mistral key', line: env('MISTRAL_API_KEY'), value: r(ALNUM, 32), nearMiss: r(ALNUM, 31), nearMissIsOtherSecret: true },
  { kind: 'xai-api-key', what: 'xAI key', line: quoted, value: `xai-${r(ALNUM, 80)}`, nearMiss: `xai-${r(ALNUM, 70)}` },
  { kind: 'perplexity-api-key', what: 'Perplexity key', line: quoted, value: `pplx-${r(ALNUM, 48)}`, nearMiss: `pplx-${r(ALNUM, 40)}` },
  // communications
  { kind: 'slack-token', what: 'Slack bot token', line: quoted, value: `xoxb-${r(DIGITS, 11)}-${r(DIGITS, 13)}-${r(ALNUM, 24)}`, nearMiss: `xoxb-${r(DIGITS, 5)}` },
  { kind: 'slack-webhook-url', what: 'Slack webhook', line: (v) => `curl -X POST https://hooks.slack.com/${v}\n`, value: `services/T${r(UPPER, 8)}/B${r(UPPER, 8)}/${r(ALNUM, 24)}`, nearMiss: `services/T${r(UPPER, 8)}` },
  { kind: 'discord-bot-token', what: 'Discord bot token', line: (v) => `client.login("${v}");\n`, value: `${b64(r(DIGITS, 18)).replace(/=+$/, '')}.${r(URLSAFE, 6)}.${r(URLSAFE, 38)}`, nearMiss: `M${r(UPPER + LOWER, 23)}.${r(URLSAFE, 6)}.${r(URLSAFE, 38)}` },
  { kind: 'discord-webhook-url', what: 'Discord webhook', line: (v) => `https://discord.com/api/webhooks/${discordId}/${v}\n`, value: r(URLSAFE, 68), nearMiss: r(URLSAFE, 30) },
  { kind: 'telegram-bot-token', what: 'Telegram bot token', line: (v) => `const bot = new Bot("${telegramId}:${v}");\n`, value: `AA${r(URLSAFE, 33)}`, nearMiss: `AA${r(URLSAFE, 20)}` },
  { kind: 'twilio-api-key', what: 'Twilio API key', line: (v) => `const twilioKeySid = "${v}";\n`, value: `SK${r(HEX, 32)}`, nearMiss: `SK${r(HEX, 30)}` },
  { kind: 'twilio-auth-token', what: 'Twilio account credentials', line: (v) => `https://${twilioSid}:${v}@api.twilio.com\n`, value: r(HEX, 32), nearMiss: 'abc', path: 'twilio.txt' },
  { kind: 'sendgrid-api-key', what: 'SendGrid key', line: quoted, value: `SG.${r(URLSAFE, 22)}.${r(URLSAFE, 43)}`, nearMiss: `SG.${r(URLSAFE, 22)}.${r(URLSAFE, 30)}` },
  { kind: 'mailgun-api-key', what: 'Mailgun key', line: quoted, value: `key-${r(HEX, 32)}`, nearMiss: `key-${r(HEX, 30)}` },
  { kind: 'mailchimp-api-key', what: 'Mailchimp key', line: quoted, value: `${r(HEX, 32)}-us6`, nearMiss: `${r(HEX, 31)}-us6` },
  { kind: 'postmark-token', what: 'Postmark server token', line: (v) => `X-Postmark-Server-Token: ${v}\n`, value: `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`, nearMiss: `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 12)}`, nearMissIsOtherSecret: true },
  // payments
  { kind: 'stripe-key', what: 'Stripe secret key', line: quoted, value: `sk_live_${r(ALNUM, 24)}`, nearMiss: `sk_live_${r(ALNUM, 10)}` },
  { kind: 'stripe-webhook-secret', what: 'Stripe webhook secret', line: quoted, value: `whsec_${r(ALNUM, 32)}`, nearMiss: `whsec_${r(ALNUM, 20)}` },
  { kind: 'square-token', what: 'Square access token', line: quoted, value: `EAAA${r(URLSAFE, 60)}`, nearMiss: `EAAA${r(URLSAFE, 40)}` },
  { kind: 'square-token', what: 'Square OAuth secret', line: quoted, value: `sq0csp-${r(URLSAFE, 43)}`, nearMiss: `sq0csp-${r(URLSAFE, 12)}` },
  { kind: 'braintree-access-token', what: 'PayPal Braintree access token', line: quoted, value: `access_token$production$${r(LOWER_DIGITS, 16)}$${r(HEX, 32)}`, nearMiss: `access_token$production$${r(LOWER_DIGITS, 16)}$${r(HEX, 30)}` },
  { kind: 'braintree-private-key', what: 'Braintree private key', line: env('BRAINTREE_PRIVATE_KEY'), value: r(HEX, 32), nearMiss: r(HEX, 31), nearMissIsOtherSecret: true },
  { kind: 'paypal-client-secret', what: 'PayPal client secret', line: env('PAYPAL_CLIENT_SECRET'), value: r(URLSAFE, 80), nearMiss: r(URLSAFE, 40), nearMissIsOtherSecret: true },
  { kind: 'shopify-token', what: 'Shopify access token', line: quoted, value: `shpat_${r(HEX, 32)}`, nearMiss: `shpat_${r(UPPER + LOWER, 32)}` },
  // observability
  { kind: 'datadog-api-key', what: 'Datadog API key', line: env('DD_API_KEY'), value: r(HEX, 32), nearMiss: r(HEX, 31), nearMissIsOtherSecret: true },
  { kind: 'new-relic-key', what: 'New Relic user key', line: quoted, value: `NRAK-${r(UPPER + DIGITS, 27)}`, nearMiss: `NRAK-${r(UPPER + DIGITS, 20)}` },
  { kind: 'new-relic-key', what: 'New Relic license key', line: quoted, value: `${r(HEX, 36)}NRAL`, nearMiss: `${r(HEX, 30)}NRAL` },
  { kind: 'sentry-token', what: 'Sentry user token', line: quoted, value: `sntryu_${r(HEX, 64)}`, nearMiss: `sntryu_${r(HEX, 60)}` },
  { kind: 'grafana-token', what: 'Grafana service account token', line: quoted, value: `glsa_${r(ALNUM, 32)}_${r(HEX, 8)}`, nearMiss: `glsa_${r(ALNUM, 32)}_${r(HEX, 6)}` },
  { kind: 'grafana-token', what: 'Grafana Cloud token', line: quoted, value: `glc_${r(BASE64, 60)}`, nearMiss: `glc_${r(BASE64, 20)}` },
  { kind: 'honeycomb-api-key', what: 'Honeycomb ingest key', line: (v) => `X-Honeycomb-Team: ${v}\n`, value: `hcxik_${r(LOWER_DIGITS, 58)}`, nearMiss: `hcxik_${r(LOWER_DIGITS, 50)}` },
  // identity and secret stores
  { kind: 'okta-api-token', what: 'Okta API token', line: (v) => `Authorization: SSWS ${v}\n`, value: `00${r(URLSAFE, 40)}`, nearMiss: `00${r(URLSAFE, 30)}` },
  { kind: 'auth0-client-secret', what: 'Auth0 client secret', line: env('AUTH0_CLIENT_SECRET'), value: r(URLSAFE, 64), nearMiss: r(URLSAFE, 40), nearMissIsOtherSecret: true },
  { kind: 'vault-token', what: 'Vault service token', line: env('VAULT_ADDR_REF'), value: `hvs.${r(URLSAFE, 95)}`, nearMiss: `hvs.${r(URLSAFE, 40)}` },
  { kind: 'vault-token', what: 'Vault legacy token', line: env('VAULT_TOKEN'), value: `s.${r(ALNUM, 24)}`, nearMiss: `s.${r(ALNUM, 20)}` },
  { kind: 'doppler-token', what: 'Doppler token', line: quoted, value: `dp.pt.${r(ALNUM, 43)}`, nearMiss: `dp.pt.${r(ALNUM, 30)}` },
  { kind: '1password-token', what: '1Password service account token', line: quoted, value: `ops_eyJ${r(BASE64, 300)}`, nearMiss: `ops_eyJ${r(BASE64, 100)}` },
  { kind: '1password-secret-key', what: '1Password secret key', line: quoted, value: `A3-${r(UPPER + DIGITS, 6)}-${r(UPPER + DIGITS, 6)}-${r(UPPER + DIGITS, 5)}-${r(UPPER + DIGITS, 5)}-${r(UPPER + DIGITS, 5)}-${r(UPPER + DIGITS, 5)}`, nearMiss: `A3-${r(UPPER + DIGITS, 6)}-${r(UPPER + DIGITS, 4)}-${r(UPPER + DIGITS, 5)}` },
  { kind: 'pulumi-token', what: 'Pulumi token', line: quoted, value: `pul-${r(HEX, 40)}`, nearMiss: `pul-${r(HEX, 36)}` },
  { kind: 'terraform-cloud-token', what: 'Terraform Cloud token', line: quoted, value: `${r(ALNUM, 14)}.atlasv1.${r(URLSAFE, 67)}`, nearMiss: `${r(ALNUM, 14)}.atlasv1.${r(URLSAFE, 40)}` },
  // databases and backends
  { kind: 'url-password', what: 'Postgres URL', line: (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/app\n`, value: r(ALNUM, 18), nearMiss: '${PGPASSWORD}' },
  { kind: 'url-password', what: 'MySQL URL', line: (v) => `url = "mysql://app:${v}@mysql.internal/app"\n`, value: r(ALNUM, 16), nearMiss: '****' },
  { kind: 'url-password', what: 'MongoDB URL', line: (v) => `mongodb+srv://reader:${v}@cluster0.tome.mongodb.net/db\n`, value: r(ALNUM, 20), nearMiss: '<password>' },
  { kind: 'url-password', what: 'Redis URL', line: (v) => `REDIS_URL=rediss://default:${v}@cache.internal:6380\n`, value: r(ALNUM, 24), nearMiss: 'abc' },
  { kind: 'supabase-key', what: 'Supabase access token', line: quoted, value: `sbp_${r(HEX, 40)}`, nearMiss: `sbp_${r(HEX, 30)}` },
  { kind: 'supabase-key', what: 'Supabase secret key', line: quoted, value: `sb_secret_${r(URLSAFE, 31)}`, nearMiss: `sb_secret_${r(URLSAFE, 12)}` },
  { kind: 'planetscale-token', what: 'PlanetScale password', line: quoted, value: `pscale_pw_${r(URLSAFE, 43)}`, nearMiss: `pscale_pw_${r(URLSAFE, 20)}` },
  { kind: 'firebase-server-key', what: 'Firebase Cloud Messaging server key', line: quoted, value: `AAAA${r(URLSAFE, 7)}:${r(URLSAFE, 140)}`, nearMiss: `AAAA${r(URLSAFE, 7)}:${r(URLSAFE, 100)}` },
  { kind: 'algolia-api-key', what: 'Algolia admin key', line: env('ALGOLIA_ADMIN_KEY'), value: r(HEX, 32), nearMiss: r(HEX, 31) },
  // HTTP headers
  { kind: 'basic-auth', what: 'HTTP Basic header in a shell script', line: (v) => `curl -H "Authorization: Basic ${v}" https://api.internal/\n`, value: b64(`deploy:${r(ALNUM, 20)}`), nearMiss: b64(r(ALNUM, 21)), path: 'deploy.sh' },
  { kind: 'bearer-token', what: 'HTTP Bearer header', line: (v) => `headers: { Authorization: 'Bearer ${v}' },\n`, value: r(URLSAFE, 40), nearMiss: r(LOWER, 40), path: 'client.js' },
  // config-file formats
  { kind: 'npmrc-auth', what: '.npmrc _authToken', line: (v) => `RUN echo "//registry.npmjs.org/:_authToken=${v}" > .npmrc\n`, value: `${r(HEX, 8)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 4)}-${r(HEX, 12)}`, nearMiss: '${NPM_TOKEN}', path: 'Dockerfile' },
  { kind: 'netrc-password', what: '.netrc entry', line: (v) => `machine api.heroku.com login deploy@tome.dev password ${v}\n`, value: r(ALNUM, 24), nearMiss: '$NETRC_PASSWORD' },
  { kind: 'pgpass-password', what: '.pgpass line', line: (v) => `echo "db.internal:5432:app:app_user:${v}" >> ~/.pgpass\n`, value: r(ALNUM, 20), nearMiss: '$PGPASS' },
  { kind: 'docker-config-auth', what: 'Docker config.json auths', line: (v) => `{ "auths": { "ghcr.io": { "auth": "${v}" } } }\n`, value: b64(`octocat:${r(ALNUM, 24)}`), nearMiss: b64(r(ALNUM, 24)), path: 'config.json' },
  { kind: 'kubeconfig-client-key', what: 'kubeconfig client key', line: (v) => `users:\n- name: admin\n  user:\n    client-key-data: ${v}\n`, value: r(BASE64, 120), nearMiss: r(BASE64, 10), path: 'kubeconfig.yaml' },
  { kind: 'token', what: 'kubeconfig token', line: (v) => `users:\n- name: ci\n  user:\n    token: ${v}\n`, value: r(ALNUM, 40), nearMiss: r(LOWER, 40), path: 'kubeconfig.yaml' },
  { kind: 'pypi-token', what: '.pypirc token', line: (v) => `[pypi]\nusername = __token__\npassword = ${v}\n`, value: `pypi-AgEIcHlwaS5vcmc${r(URLSAFE, 60)}`, nearMiss: 'pypi-AgEx', path: 'pypirc.ini' },
  { kind: 'password', what: '*.auto.tfvars password', line: (v) => `db_password = "${v}"\n`, value: r(ALNUM, 20), nearMiss: 'correct-horse-battery', path: 'prod.auto.tfvars.txt' },
  { kind: 'private-key', what: 'PKCS#8 private key', line: (v) => `-----BEGIN PRIVATE KEY-----${v}-----END PRIVATE KEY-----\n`, value: `\n${r(BASE64, 64)}\n${r(BASE64, 20)}==\n`, nearMiss: ' ... ' },
  { kind: 'private-key', what: 'PKCS#1 RSA private key', line: (v) => `-----BEGIN RSA PRIVATE KEY-----${v}-----END RSA PRIVATE KEY-----\n`, value: `\n${r(BASE64, 64)}\n`, nearMiss: '\n(key here)\n' },
  { kind: 'private-key', what: 'OpenSSH private key', line: (v) => `-----BEGIN OPENSSH PRIVATE KEY-----${v}-----END OPENSSH PRIVATE KEY-----\n`, value: `\nb3BlbnNzaC1rZXktdjEAAAAA${r(BASE64, 40)}\n`, nearMiss: '\n' },
  { kind: 'private-key', what: 'PGP private key block', line: (v) => `-----BEGIN PGP PRIVATE KEY BLOCK-----${v}-----END PGP PRIVATE KEY BLOCK-----\n`, value: `\n\nlQOYBF${r(BASE64, 60)}\n=${r(BASE64, 4)}\n`, nearMiss: '\n...\n' },
];


import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact';
import { SECRET_FORMATS } from '../support/secretFormats';

describe('redactText on every known token format', () => {
  for (const format of SECRET_FORMATS) {
    const path = format.path ?? 'app.txt';

    it(`redacts a ${format.what} as ${format.kind} and keeps the line around it`, async () => {
      const result = await redactText(format.line(format.value), path);
      expect(result.text).toBe(format.line(`[REDACTED:${format.kind}]`));
      expect(result.kinds).toEqual({ [format.kind]: 1 });
    });

    it(`does not take a near miss of a ${format.what} for ${format.kind}`, async () => {
      const text = format.line(format.nearMiss);
      const result = await redactText(text, path);
      expect(result.kinds[format.kind]).toBeUndefined();
      if (format.nearMissIsOtherSecret) expect(result.redactions).toBe(1);
      else expect(result).toEqual({ text, redactions: 0, kinds: {} });
    });
  }

  it('covers every provider family the rules name', () => {
    const kinds = new Set(SECRET_FORMATS.map((f) => f.kind));
    for (const prefix of [
      'aws', 'google', 'azure', 'alibaba', 'digitalocean', 'heroku', 'cloudflare', 'fly', 'vercel', 'netlify',
      'github', 'gitlab', 'bitbucket', 'circleci', 'travis', 'buildkite',
      'npm', 'pypi', 'rubygems', 'nuget', 'docker-hub', 'crates-io',
      'openai', 'anthropic', 'huggingface', 'replicate', 'cohere', 'groq', 'mistral', 'deepseek', 'xai', 'perplexity', 'openrouter',
      'slack', 'discord', 'telegram', 'twilio', 'sendgrid', 'mailgun', 'mailchimp', 'postmark',
      'stripe', 'square', 'braintree', 'paypal', 'shopify',
      'datadog', 'new-relic', 'sentry', 'grafana', 'honeycomb',
      'okta', 'auth0', 'vault', 'doppler', '1password', 'pulumi', 'terraform-cloud',
      'url-password', 'supabase', 'planetscale', 'firebase', 'algolia',
      'basic-auth', 'bearer-token', 'npmrc', 'netrc', 'pgpass', 'docker-config', 'kubeconfig', 'private-key',
    ]) {
      expect([...kinds].some((k) => k.startsWith(prefix)), prefix).toBe(true);
    }
  });
});

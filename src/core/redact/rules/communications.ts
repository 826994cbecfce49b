/** Communications: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, Mailchimp, Postmark. */
import type { SecretRule } from '../rule';
import { assignedTo } from './checks';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A Discord bot token opens with the bot's numeric id in base64: it must decode to digits. */
function opensWithBase64Id(token: string): boolean {
  const id = token.slice(0, token.indexOf('.'));
  return /^\d{17,20}$/.test(Buffer.from(id, 'base64').toString('latin1'));
}

export const COMMUNICATION_RULES: readonly SecretRule[] = [
  {
    kind: 'slack-webhook-url',
    keywords: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?<secret>(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,})/g,
  },
  { kind: 'slack-token', keywords: ['xox', 'xapp-'], pattern: /\b(?<secret>xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{20,})/g },
  {
    kind: 'discord-bot-token',
    keywords: ['discord', 'bot_token', 'bot-token', 'bottoken', '.login('],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z0-9]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g,
    accept: opensWithBase64Id,
  },
  {
    kind: 'discord-webhook-url',
    keywords: ['discord'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,80})/g,
  },
  { kind: 'telegram-bot-token', keywords: [':aa'], pattern: /\b\d{8,10}:(?<secret>AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g },
  { kind: 'twilio-api-key', keywords: ['twilio'], pattern: /\b(?<secret>SK[0-9a-fA-F]{32})\b/g },
  { kind: 'twilio-auth-token', keywords: ['twilio'], pattern: /\bAC[0-9a-f]{32}:(?<secret>[0-9a-f]{32})\b/g },
  {
    kind: 'twilio-auth-token',
    keywords: ['twilio'],
    pattern: /twilio[A-Za-z0-9_]*?(?:auth)?_?token["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[0-9a-f]{32})\b/gi,
  },
  { kind: 'sendgrid-api-key', keywords: ['sg.'], pattern: /\b(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
  { kind: 'mailgun-api-key', keywords: ['key-'], pattern: /\b(?<secret>key-[a-f0-9]{32})\b/g },
  {
    kind: 'mailgun-api-key',
    keywords: ['mailgun'],
    pattern: new RegExp(String.raw`${assignedTo('mailgun')}(?<secret>[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})\b`, 'gi'),
  },
  {
    // Found by its `-us` tail, with the 32 hex digits before it as the lead.
    kind: 'mailchimp-api-key',
    keywords: ['-us'],
    pattern: /-us\d{1,2}\b/g,
    lead: /(?<![A-Za-z0-9])[a-f0-9]{32}$/,
  },
  {
    kind: 'postmark-token',
    keywords: ['postmark'],
    pattern: new RegExp(String.raw`${assignedTo('postmark')}(?<secret>${UUID})\b`, 'gi'),
  },
];

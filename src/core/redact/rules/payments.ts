/** Payments: Stripe, Square, PayPal and Braintree, Shopify. */
import type { SecretRule } from '../rule';
import { assignedTo, randomValue } from './checks';

export const PAYMENT_RULES: readonly SecretRule[] = [
  {
    kind: 'stripe-key',
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    pattern: /\b(?<secret>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,})\b/g,
  },
  { kind: 'stripe-webhook-secret', keywords: ['whsec_'], pattern: /\b(?<secret>whsec_[A-Za-z0-9+/]{32,})(?![A-Za-z0-9+/=])/g },
  {
    kind: 'square-token',
    keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
    pattern: /\b(?<secret>EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'braintree-access-token',
    keywords: ['access_token$'],
    pattern: /\b(?<secret>access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})\b/g,
  },
  {
    kind: 'braintree-private-key',
    keywords: ['braintree'],
    pattern: new RegExp(String.raw`${assignedTo('braintree[A-Za-z0-9_.-]{0,20}private')}(?<secret>[a-f0-9]{32})\b`, 'gi'),
  },
  {
    kind: 'paypal-client-secret',
    keywords: ['paypal'],
    pattern: new RegExp(String.raw`${assignedTo('paypal[A-Za-z0-9_.-]{0,20}secret')}(?<secret>[A-Za-z0-9_-]{60,90})(?![A-Za-z0-9_-])`, 'gi'),
    accept: randomValue(60),
  },
  { kind: 'shopify-token', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], pattern: /\b(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g },
];

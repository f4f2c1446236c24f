import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpConnectionFields } from '../contract/http-connection-fields';
import { DEFAULT_BRIDGE_PORT } from './modembridge-wire';

const shared = httpConnectionFields({ urlExample: `https://192.168.1.20:${DEFAULT_BRIDGE_PORT}`, usernameRequired: false, passwordRequired: true, accountHint: 'the bridge' });
const field = (name: string): FieldDescriptor => shared.find((candidate) => candidate.name === name)!;

/**
 * The connection to a modem bridge: its URL, its bearer token (the password-like secret, so hosts
 * keep it where they keep passwords), TLS and timeout like every HTTP gateway, and the secret its
 * pushes are signed with. No username: the bridge has one token.
 */
export const MODEMBRIDGE_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  { ...field('url'), description: `Base URL of the bridge (smsbridge modem serve), e.g. https://192.168.1.20:${DEFAULT_BRIDGE_PORT}.` },
  {
    ...field('password'),
    displayName: 'Bridge Token',
    description: 'The bearer token the bridge was started with (--token, --token-file or SMSBRIDGE_BRIDGE_TOKEN).',
  },
  field('allowUnauthorizedCerts'),
  { ...field('ca'), description: 'PEM of the bridge\'s certificate (self-signed) or of the CA that signed it, instead of ignoring errors.' },
  { ...field('timeoutMs'), default: 60_000, description: 'How long to wait to connect and for each answer; a modem send can take 30 s or more.' },
  {
    name: 'pushSecret',
    displayName: 'Push Secret',
    type: 'string',
    secret: true,
    description: 'The bridge\'s --push-secret: pushes whose signature does not match it are refused (401).',
  },
  {
    name: 'defaultModem',
    displayName: 'Default Modem',
    type: 'string',
    placeholder: '1',
    description: 'Which of the bridge\'s modems sends and answers USSD when a call names none: its number (1 for the first --port) or its --port value.',
  },
];

import { InvalidRequestError } from '../../errors';
import { SPANGW_PUSH_NAME_FIELDS, type SpangwPushParameterNames } from './spangw-push-config';

/**
 * The `pushParameterNames` setting (`{"url_from_num": "src", …}`, under the document's own names)
 * as the receiver's names. Unknown keys and values that are no text are refused by name.
 */
export function spangwPushNamesFrom(setting: unknown): Partial<SpangwPushParameterNames> {
  if (setting === undefined || setting === null) return {};
  const accepted = SPANGW_PUSH_NAME_FIELDS.map(([, wire]) => wire);
  if (typeof setting !== 'object' || Array.isArray(setting)) {
    throw new InvalidRequestError(`The span gateway setting "pushParameterNames" takes a JSON object with the keys ${accepted.join(', ')}.`, {
      details: { gateway: 'spangw', option: 'pushParameterNames' },
    });
  }
  const names: Partial<SpangwPushParameterNames> = {};
  for (const [key, value] of Object.entries(setting as Record<string, unknown>)) {
    const field = SPANGW_PUSH_NAME_FIELDS.find(([, wire]) => wire === key);
    if (!field || typeof value !== 'string') {
      throw new InvalidRequestError(`The span gateway setting "pushParameterNames" takes the keys ${accepted.join(', ')}, each with a parameter name as text; "${key.slice(0, 40)}" is not one of them or has no text.`, {
        details: { gateway: 'spangw', option: 'pushParameterNames', key: key.slice(0, 40) },
      });
    }
    if (value.trim() !== '') names[field[0]] = value.trim();
  }
  return names;
}

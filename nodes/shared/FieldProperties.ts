import type { FieldDescriptor } from '@smsbridge/core';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * One n8n parameter for one core field descriptor. The values n8n gives back go through the
 * core's `readFields`, which converts form text ("1,2", "true", "5"), treats "" as not set and
 * names the field in its errors, so the form stays close to the descriptor: lists are text with
 * their separator, booleans without a default offer "gateway default" instead of a silent false.
 * A field that is not required starts unset even when it has a default (the default is shown as
 * the placeholder): n8n stores every default with a credential, and a stored default is a value
 * the user never chose (a Jasmin report level without a report URL is refused, rightly).
 */
export function fieldProperty(field: FieldDescriptor, extra: Partial<INodeProperties> = {}): INodeProperties {
  const shownDefault = field.default === undefined ? undefined : Array.isArray(field.default) ? field.default.join(field.separator ?? ',') : typeof field.default === 'object' ? JSON.stringify(field.default) : String(field.default);
  const placeholder = field.placeholder ?? shownDefault;
  const base = {
    displayName: field.displayName,
    name: field.name,
    description: field.description,
    ...(field.required ? { required: true } : {}),
    ...(placeholder !== undefined ? { placeholder } : {}),
  };
  /** What the form starts with: the default only where the user must fill the field anyway. */
  const start = (value: string | number): string | number => (field.required && value !== '' ? value : '');
  const property = ((): INodeProperties => {
    switch (field.type) {
      case 'boolean':
        if (typeof field.default === 'boolean') return { ...base, type: 'boolean', default: field.default };
        return { ...base, type: 'options', default: '', options: [unsetOption(), { name: 'Yes', value: 'true' }, { name: 'No', value: 'false' }] };
      case 'choice': {
        const options: INodePropertyOptions[] = (field.choices ?? []).map((choice) => ({
          name: choice.name,
          value: choice.value,
          ...(choice.description !== undefined ? { description: choice.description } : {}),
        }));
        if (!field.required) {
          const byDefault = options.find((option) => option.value === field.default);
          options.unshift(byDefault ? { name: `Gateway Default (${byDefault.name})`, value: '' } : unsetOption());
          return { ...base, type: 'options', default: '', options };
        }
        return { ...base, type: 'options', default: typeof field.default === 'string' ? field.default : (options[0]?.value ?? ''), options };
      }
      case 'number':
        return {
          ...base,
          type: 'number',
          default: start(typeof field.default === 'number' ? field.default : '') as number,
          typeOptions: { ...(field.min !== undefined ? { minValue: field.min } : {}), ...(field.max !== undefined ? { maxValue: field.max } : {}), ...(field.integer === false ? {} : { numberPrecision: 0 }) },
        };
      case 'dateTime':
        return { ...base, type: 'dateTime', default: '' };
      case 'json':
        return { ...base, type: 'json', default: start(shownDefault ?? '') as string };
      case 'list':
        return {
          ...base,
          type: 'string',
          default: start(shownDefault ?? '') as string,
          ...(placeholder === undefined ? { placeholder: field.itemType === 'number' ? `1${field.separator ?? ','}2` : `a${field.separator ?? ','}b` } : {}),
        };
      case 'url':
      case 'string':
        return {
          ...base,
          type: 'string',
          default: start(shownDefault ?? '') as string,
          ...(field.secret ? { typeOptions: { password: true } } : {}),
          // A PEM certificate is several lines (the shared HTTP connection field `ca`).
          ...(field.name === 'ca' ? { typeOptions: { rows: 4 } } : {}),
        };
    }
  })();
  return { ...property, ...extra };
}

function unsetOption(): INodePropertyOptions {
  return { name: 'Gateway Default', value: '' };
}

/** The fields as a collection's options (a collection's own options are never required in n8n). */
export function collectionOptions(fields: readonly FieldDescriptor[]): INodeProperties[] {
  return fields.map((field) => {
    const property = fieldProperty(field);
    delete property.required;
    return property;
  }).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

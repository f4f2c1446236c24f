import type { FieldDescriptor } from '@smsbridge/core';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * One n8n parameter for one core field descriptor. The values n8n gives back go through the
 * core's `readFields`, which converts form text ("1,2", "true", "5"), treats "" as not set and
 * names the field in its errors, so the form stays close to the descriptor: lists are text with
 * their separator, booleans without a default offer "gateway default" instead of a silent false.
 */
export function fieldProperty(field: FieldDescriptor, extra: Partial<INodeProperties> = {}): INodeProperties {
  const base = {
    displayName: field.displayName,
    name: field.name,
    description: field.description,
    ...(field.required ? { required: true } : {}),
    ...(field.placeholder !== undefined ? { placeholder: field.placeholder } : {}),
  };
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
        if (field.default === undefined && !field.required) options.unshift(unsetOption());
        return { ...base, type: 'options', default: typeof field.default === 'string' ? field.default : field.required ? (options[0]?.value ?? '') : '', options };
      }
      case 'number':
        return {
          ...base,
          type: 'number',
          default: typeof field.default === 'number' ? field.default : ('' as unknown as number),
          typeOptions: { ...(field.min !== undefined ? { minValue: field.min } : {}), ...(field.max !== undefined ? { maxValue: field.max } : {}), ...(field.integer === false ? {} : { numberPrecision: 0 }) },
        };
      case 'dateTime':
        return { ...base, type: 'dateTime', default: '' };
      case 'json':
        return { ...base, type: 'json', default: field.default === undefined ? '' : JSON.stringify(field.default) };
      case 'list':
        return {
          ...base,
          type: 'string',
          default: Array.isArray(field.default) ? field.default.join(field.separator ?? ',') : '',
          ...(field.placeholder === undefined ? { placeholder: field.itemType === 'number' ? `1${field.separator ?? ','}2` : `a${field.separator ?? ','}b` } : {}),
        };
      case 'url':
      case 'string':
        return {
          ...base,
          type: 'string',
          default: typeof field.default === 'string' || typeof field.default === 'number' ? String(field.default) : '',
          ...(field.secret ? { typeOptions: { password: true } } : {}),
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

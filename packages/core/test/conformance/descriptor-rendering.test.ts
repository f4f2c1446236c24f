// Renders every vendor's connection fields, send options and admin commands from the descriptors
// alone, as a host builds its forms, then reads back what such a form returns (always text).
import type { FieldDescriptor } from '../../src/vendors/contract';
import { readFields } from '../../src/vendors/contract';
import { createVendorRegistry } from '../../src/vendors/registry';

const registry = createVendorRegistry();

/** One form control, as a host would draw it: only descriptor data goes in. */
function renderControl(field: FieldDescriptor): string {
  const required = field.required ? ' required' : '';
  const label = `<label for="${field.name}">${field.displayName}</label>`;
  switch (field.type) {
    case 'boolean':
      return `${label}<input type="checkbox" id="${field.name}"${field.default === true ? ' checked' : ''}>`;
    case 'choice':
      return `${label}<select id="${field.name}"${required}>${(field.choices ?? []).map((choice) => `<option value="${choice.value}">${choice.name}</option>`).join('')}</select>`;
    case 'number':
      return `${label}<input type="number" id="${field.name}"${field.min === undefined ? '' : ` min="${field.min}"`}${field.max === undefined ? '' : ` max="${field.max}"`}${required}>`;
    default:
      return `${label}<input type="${field.secret ? 'password' : 'text'}" id="${field.name}"${required}>`;
  }
}

/** A value a user could type into the control, as the form hands it back (text). */
function sampleFormValue(field: FieldDescriptor): string {
  if (field.default !== undefined && field.type !== 'json') return String(field.default);
  switch (field.type) {
    case 'boolean':
      return 'true';
    case 'choice':
      return field.choices![0]!.value;
    case 'number':
      return String(field.min ?? field.max ?? 1);
    case 'list':
      return field.itemType === 'number' ? `${field.min ?? 1}${field.separator ?? ','}${field.max ?? 2}` : `a${field.separator ?? ','}b`;
    case 'dateTime':
      return '2026-12-24T18:00:00+01:00';
    case 'url':
      return 'https://gateway.example:8443/';
    case 'json':
      return JSON.stringify(field.default ?? {});
    case 'string':
      return field.placeholder ?? 'text';
  }
}

function checkDescriptor(field: FieldDescriptor): void {
  expect(field.name).toMatch(/^[A-Za-z][\w.-]*$/);
  expect(field.displayName.length).toBeGreaterThan(1);
  expect(field.description.length).toBeGreaterThan(10);
  if (field.type === 'choice') expect(field.choices?.length).toBeGreaterThan(0);
  if (field.secret) expect(field.type).toBe('string');
  // A form shows the user what a patterned value looks like.
  if (field.pattern !== undefined) expect(field.placeholder).toBeDefined();
  if (field.min !== undefined && field.max !== undefined) expect(field.min).toBeLessThanOrEqual(field.max);
}

describe.each(registry.keys())('%s renders from its descriptors', (key) => {
  const entry = registry.get(key);

  it('describes itself', () => {
    expect(entry.describe.displayName.length).toBeGreaterThan(3);
    expect(entry.describe.document.length).toBeGreaterThan(10);
    expect(entry.describe.document).not.toMatch(/\.txt\b|seed/i);
    expect(entry.capabilities.operations).toContain('send');
    if (entry.adminCommands.length > 0) expect(entry.capabilities.operations).toContain('admin');
  });

  it('connection fields: a form, and its text values read back typed', () => {
    const html = entry.connection.map(renderControl).join('\n');
    for (const field of entry.connection) {
      checkDescriptor(field);
      expect(html).toContain(`id="${field.name}"`);
      if (field.secret) expect(html).toContain(`type="password" id="${field.name}"`);
    }
    const form = Object.fromEntries(entry.connection.filter((field) => field.type !== 'json' || field.default !== undefined).map((field) => [field.name, sampleFormValue(field)]));
    // A form offers either "ignore certificate errors" or a CA, never both at once.
    delete form['ca'];
    const read = readFields({ gateway: key, label: 'setting' }, entry.connection, form);
    for (const field of entry.connection) {
      if (read[field.name] === undefined) continue;
      if (field.type === 'number') expect(typeof read[field.name]).toBe('number');
      if (field.type === 'boolean') expect(typeof read[field.name]).toBe('boolean');
      if (field.type === 'list') expect(Array.isArray(read[field.name])).toBe(true);
    }
    expect(() => readFields({ gateway: key, label: 'setting' }, entry.connection, { ...form, noSuchSetting: 'x' })).toThrow(/noSuchSetting/);
  });

  it('send options: every one renders and reads back', () => {
    for (const field of entry.sendOptions) {
      checkDescriptor(field);
      expect(renderControl(field)).toContain(field.displayName);
      const read = readFields({ gateway: key, label: 'send option' }, entry.sendOptions, { [field.name]: sampleFormValue(field) });
      expect(read[field.name]).toBeDefined();
    }
  });

  it('admin commands: a dropdown of commands, each with its argument form', () => {
    const names = entry.adminCommands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of entry.adminCommands) {
      expect(command.displayName.length).toBeGreaterThan(2);
      expect(command.description.length).toBeGreaterThan(10);
      expect(typeof command.changesState).toBe('boolean');
      for (const arg of command.args) {
        checkDescriptor(arg);
        expect(renderControl(arg)).toContain(`id="${arg.name}"`);
      }
    }
  });

  it('push: says what it carries and how to set it up', () => {
    if (!entry.push) return;
    expect(entry.push.carries.length).toBeGreaterThan(0);
    expect(entry.push.setup.instructions('https://host.example/hook/abc')).toContain('https://host.example/hook/abc');
    if (entry.push.setup.how === 'per-send') expect(entry.sendOptions.map((field) => field.name)).toContain(entry.push.setup.sendOption);
    if (entry.push.setup.how === 'api') expect(entry.push.setup.configure).toBeDefined();
    // An unreadable call is answered, not thrown.
    const receipt = entry.push.receive({ method: 'POST', body: '{not json', contentType: 'application/json' });
    expect(receipt.answer.status).toBeGreaterThanOrEqual(200);
  });
});

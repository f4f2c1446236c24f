/**
 * Every node names one documentation address, in its description and in its codex file, so it is
 * changed in one place (nodes/shared/NodeDefaults.ts) once the package has a public home; see
 * nodes/README.md for why it is the npm page (nothing of ours is public before publishing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DOCUMENTATION_URL } from '../../nodes/shared/NodeDefaults';

const NODES = join(__dirname, '../../nodes');

it.each(readdirSync(NODES).filter((name) => name !== 'shared' && !name.includes('.')))('%s names the package documentation in its description and codex', async (name) => {
  const module = (await import(join(NODES, name, `${name}.node`))) as Record<string, new () => { description: { documentationUrl?: string } }>;
  expect(new module[name]!().description.documentationUrl).toBe(PACKAGE_DOCUMENTATION_URL);
  const codex = JSON.parse(readFileSync(join(NODES, name, `${name}.node.json`), 'utf8')) as { resources: { primaryDocumentation: { url: string }[] } };
  expect(codex.resources.primaryDocumentation.map((entry) => entry.url)).toEqual([PACKAGE_DOCUMENTATION_URL]);
});

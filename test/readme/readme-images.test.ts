/**
 * The README shows the screenshots the browser tests make (test/node-red-browser writes
 * docs/screenshots/, test/demo writes demo/screenshots/): every image it names exists there, and
 * every screenshot there is shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCREENSHOT_FOLDERS = ['docs/screenshots', 'demo/screenshots'];

describe('README images', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);

  it('names only screenshots the tests make, and they exist', () => {
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect({ image, fromTests: SCREENSHOT_FOLDERS.some((folder) => image.startsWith(`${folder}/`)), exists: existsSync(join(ROOT, image)) }).toEqual({
        image,
        fromTests: true,
        exists: true,
      });
    }
  });

  it('shows every screenshot the tests make', () => {
    const made = SCREENSHOT_FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).filter((file) => file.endsWith('.png')).map((file) => `${folder}/${file}`));
    expect(made.filter((file) => !images.includes(file))).toEqual([]);
  });
});

// Draws media/icon.png (the Marketplace icon, 128×128): an open book on a rounded tile.
// Run: node media/drawIcon.mjs. Plain zlib + CRC, no image library needed for shapes this simple.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const BG = [0x1f, 0x3a, 0x5f];
const PAGE = [0xf4, 0xf1, 0xe8];
const INK = [0x5b, 0x8d, 0xd6];
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function put(x, y, [r, g, b], a = 255) {
  const i = (y * SIZE + x) * 4;
  pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; pixels[i + 3] = a;
}
function insideRounded(x, y, r) {
  const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
  const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (insideRounded(x, y, 22)) put(x, y, BG);
// Two pages, gently raised toward the spine.
for (let x = 18; x < 110; x++) {
  const fromSpine = Math.abs(x - 64);
  const top = 30 + Math.round(fromSpine / 8);
  const bottom = 98 + Math.round(fromSpine / 16);
  if (fromSpine < 3) continue;
  for (let y = top; y < bottom; y++) put(x, y, PAGE);
  // Lines of text on each page.
  if (fromSpine > 8 && fromSpine < 40) for (let line = 0; line < 6; line++) put(x, top + 10 + line * 9, INK);
}
function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(fileURLToPath(new URL('icon.png', import.meta.url)), png);

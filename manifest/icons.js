'use strict';
/**
 * Draws the add-in's icons: a table grid (grey header row, light cells) with a green check mark over its
 * lower right corner, as RGBA PNGs of 16, 32, 64 and 80 px in assets/. No dependency: shapes are sampled
 * 8 × 8 times per pixel for smooth edges, and the PNG is encoded here with zlib.
 *
 *   node manifest/icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80];
const SAMPLES = 8;

const GREEN = [16, 124, 65]; // Excel green #107C41
const HEADER = [96, 94, 92]; // Fluent neutral #605E5C
const LINE = [161, 159, 157]; // #A19F9D
const CELL = [255, 255, 255];
const HALO = [255, 255, 255];

// ---------------------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `rgba` holds width × height × 4 bytes, row by row. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Drawing: each layer is a colour and a test "is this point (in 0..1 units) inside the shape?"

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function layers(size) {
  // Small icons get fewer grid lines, so each line stays a visible pixel wide.
  const rows = size <= 16 ? 3 : 4;
  const cols = size <= 16 ? 2 : 3;
  const line = Math.max(1 / size, 0.035);
  const grid = { x0: 0.06, y0: 0.1, x1: 0.82, y1: 0.84 };
  const rowHeight = (grid.y1 - grid.y0) / rows;
  const colWidth = (grid.x1 - grid.x0) / cols;
  const inGrid = (x, y) => x >= grid.x0 && x <= grid.x1 && y >= grid.y0 && y <= grid.y1;
  const onGridLine = (x, y) => {
    if (!inGrid(x, y)) return false;
    const fx = (x - grid.x0) / colWidth;
    const fy = (y - grid.y0) / rowHeight;
    const nearX = Math.abs(fx - Math.round(fx)) * colWidth < line / 2;
    const nearY = Math.abs(fy - Math.round(fy)) * rowHeight < line / 2;
    return nearX || nearY;
  };
  const check = [
    [0.44, 0.66],
    [0.6, 0.82],
    [0.94, 0.4],
  ];
  const stroke = size <= 16 ? 0.15 : 0.13;
  const onCheck = (x, y, width) =>
    segmentDistance(x, y, ...check[0], ...check[1]) < width / 2 || segmentDistance(x, y, ...check[1], ...check[2]) < width / 2;
  return [
    { color: CELL, inside: inGrid },
    { color: HEADER, inside: (x, y) => inGrid(x, y) && y <= grid.y0 + rowHeight },
    { color: LINE, inside: (x, y) => onGridLine(x, y) && y > grid.y0 + rowHeight },
    {
      color: HEADER,
      inside: (x, y) => inGrid(x, y) && (x - grid.x0 < line || grid.x1 - x < line || y - grid.y0 < line || grid.y1 - y < line),
    },
    { color: HALO, inside: (x, y) => onCheck(x, y, stroke + 0.12) },
    { color: GREEN, inside: (x, y) => onCheck(x, y, stroke) },
  ];
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const drawn = layers(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Composite the layers at each sub-sample ("over"), then average.
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour = null;
          for (const layer of drawn) if (layer.inside(x, y)) colour = layer.color;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES };

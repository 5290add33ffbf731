#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-<size>.png): a shield with an envelope on it, in pure
 * Node — shapes are sampled 4×4 per pixel for smooth edges and written as RGBA PNGs with zlib.
 * Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/**
 * Every size the manifests name: button 16/32/80, IconUrl 64, HighResolutionIconUrl 128, and
 * the unified manifest's colour icon, 192 (its outline icon is icon-outline-32.png).
 */
const SIZES = [16, 32, 64, 80, 128, 192];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

const SHIELD = [0x1f, 0x5f, 0x8f]; // deep blue
const SHIELD_EDGE = [0x13, 0x3f, 0x61];
const PAPER = [0xff, 0xff, 0xff];
const FOLD = [0x1f, 0x5f, 0x8f];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG.
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba - width × height × 4 bytes
 * @returns {Buffer}
 */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Shield outline in unit coordinates (0…1): flat top with rounded shoulders, pointed base. */
function inShield(x, y, inset) {
  const top = 0.06 + inset;
  const bottom = 0.96 - inset * 1.6;
  if (y < top || y > bottom) return false;
  const half = 0.42 - inset;
  const mid = 0.5;
  // Straight sides down to 55% of the height, then curving in to the point.
  const bend = 0.55;
  let w;
  if (y <= bend) w = half;
  else {
    const t = (y - bend) / (bottom - bend);
    w = half * Math.sqrt(Math.max(0, 1 - t * t));
  }
  // Rounded top corners.
  const r = 0.1;
  if (y < top + r && Math.abs(x - mid) > half - r) {
    const cx = mid + Math.sign(x - mid) * (half - r);
    const cy = top + r;
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  }
  return Math.abs(x - mid) <= w;
}

function inEnvelope(x, y) {
  return x >= 0.26 && x <= 0.74 && y >= 0.32 && y <= 0.64;
}

/** The envelope's flap: two lines from the top corners meeting in the middle. */
function onFlap(x, y, stroke) {
  if (!inEnvelope(x, y)) return false;
  const apexY = 0.5;
  const left = Math.abs((y - 0.32) - ((x - 0.26) * (apexY - 0.32)) / 0.24) < stroke && x <= 0.5 + stroke;
  const right = Math.abs((y - 0.32) - ((0.74 - x) * (apexY - 0.32)) / 0.24) < stroke && x >= 0.5 - stroke;
  return left || right;
}

function colourAt(x, y, size) {
  const stroke = Math.max(0.018, 1.2 / size);
  if (!inShield(x, y, 0)) return null;
  if (!inShield(x, y, Math.max(0.025, 1 / size))) return SHIELD_EDGE;
  if (inEnvelope(x, y)) return onFlap(x, y, stroke) ? FOLD : PAPER;
  return SHIELD;
}

/** The unified manifest's outline icon: the shield's edge and the envelope in white, the rest transparent. */
function outlineAt(x, y, size) {
  const stroke = Math.max(0.03, 1.5 / size);
  if (!inShield(x, y, 0)) return null;
  if (!inShield(x, y, Math.max(0.06, 2 / size))) return WHITE;
  if (!inEnvelope(x, y)) return null;
  const edge = x < 0.26 + stroke || x > 0.74 - stroke || y < 0.32 + stroke || y > 0.64 - stroke;
  return edge || onFlap(x, y, stroke) ? WHITE : null;
}

/**
 * Draws the icon at one size.
 * @param {number} size - pixels
 * @param {(x: number, y: number, size: number) => number[] | null} [paint] - colour at a point
 * @returns {Buffer} the PNG
 */
function drawIcon(size, paint = colourAt) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) fs.writeFileSync(path.join(outDir, `icon-${size}.png`), drawIcon(size));
  fs.writeFileSync(path.join(outDir, "icon-outline-32.png"), drawIcon(32, outlineAt));
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES };

/**
 * launchevent.js's size by every gzip its budget ("96 KiB gzip") may be checked with.
 *
 * Deflate leaves each compressor free to choose its matches and where its blocks (each with its
 * own code tables) end, so one file has several gzip sizes. On 793c1f4's bundle: Node's zlib at
 * level 9 98,163 B, level 6 98,277 B (Node's default memLevel 8: a block every 16K symbols;
 * what gzip-size and express's compression use); GNU gzip 1.12 `gzip -9` 100,421 B and plain
 * `gzip` (-6) 100,476 B (blocks of 32K symbols; with the file name in the header, as
 * `gzip -c launchevent.js` writes it, 15 B more). The budget holds only when the largest holds.
 *
 * GNU gzip runs as a process (about 15 ms a call on this bundle); `gnuAvailable` says whether
 * there is one.
 */
"use strict";

const { execFileSync } = require("child_process");
const path = require("path");
const zlib = require("zlib");

/** The measures, in the order they are reported. */
const MEASURES = ["zlib9", "zlib6", "gzip9", "gzip6"];

/**
 * GNU gzip's output length for a text, or for a file (its name then in the header, as
 * `gzip -c file` writes it).
 * @param {Buffer | string} input - the bytes, or `{ file }`
 * @param {number} level - 1-9
 * @param {string} [file] - compress this file instead of `input`
 * @returns {number}
 */
function gnuGzipSize(input, level, file) {
  if (file) return execFileSync("gzip", [`-${level}`, "-c", path.resolve(file)], { maxBuffer: 64 * 1024 * 1024 }).length;
  return execFileSync("gzip", [`-${level}`, "-c"], { input, maxBuffer: 64 * 1024 * 1024 }).length;
}

/**
 * Whether GNU gzip can be run here.
 * @returns {boolean}
 */
function gnuAvailable() {
  try {
    return /gzip/.test(execFileSync("gzip", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString());
  } catch {
    return false;
  }
}

/**
 * One measure of a text.
 * @param {"zlib9" | "zlib6" | "gzip9" | "gzip6"} measure
 * @param {Buffer} buffer
 * @param {string} [file] - the file `buffer` was read from (GNU gzip then compresses the file)
 * @returns {number}
 */
function sizeBy(measure, buffer, file) {
  switch (measure) {
    case "zlib9":
      return zlib.gzipSync(buffer, { level: 9 }).length;
    case "zlib6":
      return zlib.gzipSync(buffer, { level: 6 }).length;
    case "gzip9":
      return gnuGzipSize(buffer, 9, file);
    case "gzip6":
      return gnuGzipSize(buffer, 6, file);
    default:
      throw new Error(`gzip-sizes: no measure ${measure}`);
  }
}

/**
 * Every measure of a text (the GNU ones only when `gnu` is not false).
 * @param {Buffer | string} text
 * @param {{ file?: string, gnu?: boolean }} [options] - file: the file the text was read from
 * @returns {{ zlib9: number, zlib6: number, gzip9?: number, gzip6?: number, largest: number }}
 */
function gzipSizes(text, { file, gnu = true } = {}) {
  const buffer = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const out = {};
  for (const measure of MEASURES) if (gnu || !measure.startsWith("gzip")) out[measure] = sizeBy(measure, buffer, file);
  out.largest = Math.max(...MEASURES.filter((m) => out[m] !== undefined).map((m) => out[m]));
  return out;
}

module.exports = { MEASURES, gzipSizes, gnuAvailable, gnuGzipSize, sizeBy };

if (require.main === module) {
  // node webpack/gzip-sizes.js dist/launchevent.js
  const fs = require("fs");
  for (const file of process.argv.slice(2)) {
    const sizes = gzipSizes(fs.readFileSync(file), { file, gnu: gnuAvailable() });
    process.stdout.write(`${file}: ${MEASURES.map((m) => `${m} ${sizes[m] ?? "-"}`).join(", ")}; largest ${sizes.largest}\n`);
  }
}

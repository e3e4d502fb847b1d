#!/usr/bin/env node
// Renders the app icon from assets/icon.svg into electron-builder's resources, in pure
// JavaScript (pngjs only, no native addons, no browser):
//   <out>/icons/{16,32,48,64,128,256,512,1024}.png   Linux icon set (size in the file name)
//   <out>/icon.png                                   512 px
//   <out>/icon.ico                                   PNG-embedded ICO: 16…256 px
//   <out>/icon.icns                                  PNG-embedded ICNS: ic07…ic10 (128…1024 px)
// Usage: node scripts/make-icons.mjs [outDir=build] [--source assets/icon.svg]
//
// The SVG subset understood (anything else is an error, so the source and the raster never
// silently differ): <svg viewBox="0 0 W H"> (square); <defs>; <linearGradient id x1 y1 x2 y2
// gradientUnits="userSpaceOnUse"> with <stop offset stop-color [stop-opacity]>; <rect x y width
// height [rx]>; <circle cx cy r>; <polygon points>; <polyline points stroke stroke-width
// fill="none"> drawn with round caps and joins; fill/stroke as #rrggbb or url(#id); opacity.
// Shapes are painted in document order with anti-aliasing from signed distances.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 32, 48, 64, 128, 256];
/** ICNS element types holding PNG data, by pixel size. */
export const ICNS_TYPES = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

// ---------------------------------------------------------------------------------------------
// 1. Parse the SVG subset into { size, shapes }.

const SHAPES = new Set(['rect', 'circle', 'polygon', 'polyline']);
const IGNORED = new Set(['svg', 'defs', 'linearGradient', 'stop']);

function attributes(text) {
  const result = {};
  for (const match of text.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) result[match[1]] = match[2];
  return result;
}

function number(attrs, name, fallback) {
  const raw = attrs[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`icon.svg: missing attribute ${name}`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`icon.svg: ${name}="${raw}" is not a number`);
  return value;
}

function hexColor(raw) {
  const match = /^#([0-9a-f]{6})$/i.exec(raw ?? '');
  if (!match) throw new Error(`icon.svg: colour "${raw}" is not #rrggbb`);
  const n = parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function points(raw) {
  const values = (raw ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (values.length < 4 || values.length % 2 !== 0 || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`icon.svg: bad points "${raw}"`);
  }
  const result = [];
  for (let i = 0; i < values.length; i += 2) result.push([values[i], values[i + 1]]);
  return result;
}

export function parseIconSvg(svg) {
  const body = svg.replace(/<!--[\s\S]*?-->/g, '');
  const gradients = new Map();
  const shapes = [];
  let size = null;
  let gradient = null;
  for (const match of body.matchAll(/<(\/?)([A-Za-z]+)([^>]*?)(\/?)>/g)) {
    const [, closing, tag, rest] = match;
    if (closing) {
      if (tag === 'linearGradient') gradient = null;
      continue;
    }
    const attrs = attributes(rest);
    if (tag === 'svg') {
      const box = (attrs.viewBox ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (box.length !== 4 || box[0] !== 0 || box[1] !== 0 || box[2] !== box[3] || !(box[2] > 0)) {
        throw new Error('icon.svg: viewBox must be "0 0 N N"');
      }
      size = box[2];
    } else if (tag === 'linearGradient') {
      if (attrs.gradientUnits !== 'userSpaceOnUse')
        throw new Error('icon.svg: gradients must use userSpaceOnUse');
      gradient = {
        x1: number(attrs, 'x1'),
        y1: number(attrs, 'y1'),
        x2: number(attrs, 'x2'),
        y2: number(attrs, 'y2'),
        stops: [],
      };
      gradients.set(attrs.id, gradient);
    } else if (tag === 'stop') {
      if (!gradient) throw new Error('icon.svg: <stop> outside a gradient');
      gradient.stops.push({
        offset: number(attrs, 'offset'),
        color: hexColor(attrs['stop-color']),
        alpha: number(attrs, 'stop-opacity', 1),
      });
    } else if (SHAPES.has(tag)) {
      shapes.push({ tag, attrs });
    } else if (!IGNORED.has(tag)) {
      throw new Error(`icon.svg: <${tag}> is outside the supported subset`);
    }
  }
  if (size === null) throw new Error('icon.svg: no <svg viewBox>');

  const paint = (raw) => {
    const ref = /^url\(#([\w-]+)\)$/.exec(raw ?? '');
    if (ref) {
      const found = gradients.get(ref[1]);
      if (!found || found.stops.length === 0)
        throw new Error(`icon.svg: unknown gradient ${ref[1]}`);
      return { kind: 'gradient', ...found };
    }
    return { kind: 'solid', color: hexColor(raw), alpha: 1 };
  };

  return {
    size,
    shapes: shapes.map(({ tag, attrs }) => {
      const opacity = number(attrs, 'opacity', 1);
      if (tag === 'rect') {
        const x = number(attrs, 'x', 0);
        const y = number(attrs, 'y', 0);
        const w = number(attrs, 'width');
        const h = number(attrs, 'height');
        const r = Math.min(number(attrs, 'rx', 0), w / 2, h / 2);
        return {
          sdf: roundRectSdf(x, y, w, h, r),
          bounds: [x, y, x + w, y + h],
          paint: paint(attrs.fill),
          opacity,
        };
      }
      if (tag === 'circle') {
        const cx = number(attrs, 'cx');
        const cy = number(attrs, 'cy');
        const r = number(attrs, 'r');
        return {
          sdf: (px, py) => Math.hypot(px - cx, py - cy) - r,
          bounds: [cx - r, cy - r, cx + r, cy + r],
          paint: paint(attrs.fill),
          opacity,
        };
      }
      const pts = points(attrs.points);
      if (tag === 'polygon')
        return {
          sdf: polygonSdf(pts),
          bounds: boundsOf(pts, 0),
          paint: paint(attrs.fill),
          opacity,
        };
      if (attrs.fill !== 'none') throw new Error('icon.svg: <polyline> must have fill="none"');
      if (attrs['stroke-linecap'] !== 'round' || attrs['stroke-linejoin'] !== 'round') {
        throw new Error('icon.svg: <polyline> must use round caps and joins');
      }
      const half = number(attrs, 'stroke-width') / 2;
      return {
        sdf: polylineSdf(pts, half),
        bounds: boundsOf(pts, half),
        paint: paint(attrs.stroke),
        opacity,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Signed distance functions (negative inside), in viewBox units.

function roundRectSdf(x, y, w, h, r) {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const bx = w / 2 - r;
  const by = h / 2 - r;
  return (px, py) => {
    const qx = Math.abs(px - cx) - bx;
    const qy = Math.abs(py - cy) - by;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function polygonSdf(pts) {
  return (px, py) => {
    let distance = Infinity;
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [ax, ay] = pts[j];
      const [bx, by] = pts[i];
      distance = Math.min(distance, segmentDistance(px, py, ax, ay, bx, by));
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -distance : distance;
  };
}

function polylineSdf(pts, half) {
  return (px, py) => {
    let distance = Infinity;
    for (let i = 1; i < pts.length; i++) {
      distance = Math.min(
        distance,
        segmentDistance(px, py, pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]),
      );
    }
    return distance - half;
  };
}

function boundsOf(pts, pad) {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. Rasterise: per pixel, an n×n grid of samples, each with distance-based coverage over one
//    sample's width; shapes composited "over" in premultiplied RGBA.

function colorAt(paint, x, y) {
  if (paint.kind === 'solid') return [...paint.color, paint.alpha];
  const dx = paint.x2 - paint.x1;
  const dy = paint.y2 - paint.y1;
  const t = Math.max(
    0,
    Math.min(1, ((x - paint.x1) * dx + (y - paint.y1) * dy) / (dx * dx + dy * dy || 1)),
  );
  const stops = paint.stops;
  if (t <= stops[0].offset) return [...stops[0].color, stops[0].alpha];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1];
    const b = stops[i];
    if (t <= b.offset) {
      const u = (t - a.offset) / (b.offset - a.offset || 1);
      return [0, 1, 2]
        .map((k) => a.color[k] + (b.color[k] - a.color[k]) * u)
        .concat(a.alpha + (b.alpha - a.alpha) * u);
    }
  }
  const last = stops[stops.length - 1];
  return [...last.color, last.alpha];
}

/** RGBA pixels (straight alpha, row-major) of the icon at `size`×`size`. */
export function renderIcon(icon, size) {
  const scale = icon.size / size; // viewBox units per pixel
  const grid = size <= 64 ? 4 : size <= 256 ? 2 : 1; // samples per pixel side
  const step = scale / grid; // viewBox units per sample
  const acc = new Float64Array(size * size * 4); // premultiplied, 0..1
  for (const shape of icon.shapes) {
    const [x0, y0, x1, y1] = shape.bounds;
    const pxMin = Math.max(0, Math.floor(x0 / scale) - 1);
    const pyMin = Math.max(0, Math.floor(y0 / scale) - 1);
    const pxMax = Math.min(size - 1, Math.ceil(x1 / scale) + 1);
    const pyMax = Math.min(size - 1, Math.ceil(y1 / scale) + 1);
    for (let py = pyMin; py <= pyMax; py++) {
      for (let px = pxMin; px <= pxMax; px++) {
        let coverage = 0;
        for (let sy = 0; sy < grid; sy++) {
          for (let sx = 0; sx < grid; sx++) {
            const d = shape.sdf((px + (sx + 0.5) / grid) * scale, (py + (sy + 0.5) / grid) * scale);
            coverage += Math.max(0, Math.min(1, 0.5 - d / step));
          }
        }
        coverage /= grid * grid;
        if (coverage === 0) continue;
        const [r, g, b, a] = colorAt(shape.paint, (px + 0.5) * scale, (py + 0.5) * scale);
        const alpha = a * coverage * shape.opacity;
        const i = (py * size + px) * 4;
        const keep = 1 - alpha;
        acc[i] = (r / 255) * alpha + acc[i] * keep;
        acc[i + 1] = (g / 255) * alpha + acc[i + 1] * keep;
        acc[i + 2] = (b / 255) * alpha + acc[i + 2] * keep;
        acc[i + 3] = alpha + acc[i + 3] * keep;
      }
    }
  }
  const out = Buffer.alloc(size * size * 4);
  for (let i = 0; i < out.length; i += 4) {
    const a = acc[i + 3];
    if (a > 0) {
      out[i] = Math.round(Math.min(1, acc[i] / a) * 255);
      out[i + 1] = Math.round(Math.min(1, acc[i + 1] / a) * 255);
      out[i + 2] = Math.round(Math.min(1, acc[i + 2] / a) * 255);
    }
    out[i + 3] = Math.round(Math.min(1, a) * 255);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Containers.

export function encodePng(rgba, size) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** ICO with PNG-compressed entries (Windows Vista and later). `images`: [{ size, png }]. */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, n) => {
    const entry = 6 + 16 * n;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width, 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // palette colours
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** ICNS with PNG elements. `elements`: [{ type: 'ic07', png }]. Lengths are big-endian. */
export function encodeIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const total = 8 + parts.reduce((sum, part) => sum + part.length, 0);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(total, 4);
  return Buffer.concat([head, ...parts]);
}

// ---------------------------------------------------------------------------------------------
// 5. Command line.

export function makeIcons(sourcePath, outDir) {
  const icon = parseIconSvg(readFileSync(sourcePath, 'utf8'));
  const pngs = new Map(PNG_SIZES.map((size) => [size, encodePng(renderIcon(icon, size), size)]));
  mkdirSync(path.join(outDir, 'icons'), { recursive: true });
  for (const [size, png] of pngs) writeFileSync(path.join(outDir, 'icons', `${size}.png`), png);
  writeFileSync(path.join(outDir, 'icon.png'), pngs.get(512));
  writeFileSync(
    path.join(outDir, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))),
  );
  writeFileSync(
    path.join(outDir, 'icon.icns'),
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const sourceFlag = args.indexOf('--source');
  const source =
    sourceFlag === -1
      ? path.join(root, 'assets', 'icon.svg')
      : path.resolve(args[sourceFlag + 1] ?? '');
  const positional =
    sourceFlag === -1 ? args : args.filter((_, i) => i !== sourceFlag && i !== sourceFlag + 1);
  const outDir = path.resolve(positional[0] ?? path.join(root, 'build'));
  const started = Date.now();
  makeIcons(source, outDir);
  console.log(`icons written to ${outDir} in ${Date.now() - started} ms`);
}

/**
 * Generated stand-ins for a signer's handwritten signature (blue) and an organisation's seal (red),
 * for demos and tests. They are shapes only: the text of a real seal is not drawn.
 */
import { createHash } from 'node:crypto';
import { encodePng } from './png';

type Colour = [number, number, number];

class Canvas {
  readonly pixels: Uint8Array;
  constructor(readonly width: number, readonly height: number) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints with coverage `alpha` (0..1), keeping the strongest coverage per pixel. */
  paint(x: number, y: number, colour: Colour, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * 4;
    const value = Math.round(Math.min(1, alpha) * 255);
    if (value <= this.pixels[at + 3]) return;
    this.pixels[at] = colour[0];
    this.pixels[at + 1] = colour[1];
    this.pixels[at + 2] = colour[2];
    this.pixels[at + 3] = value;
  }

  /** A filled disc with a one-pixel soft edge. */
  disc(cx: number, cy: number, radius: number, colour: Colour): void {
    for (let y = Math.floor(cy - radius - 1); y <= cy + radius + 1; y++) {
      for (let x = Math.floor(cx - radius - 1); x <= cx + radius + 1; x++) {
        const dx = x - cx;
        const dy = y - cy;
        this.paint(x, y, colour, radius + 0.5 - Math.sqrt(dx * dx + dy * dy));
      }
    }
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}

/** A few numbers derived from the text, so different names give different strokes. */
function seeds(text: string): number[] {
  return [...createHash('sha256').update(text).digest()].map((byte) => byte / 255);
}

export function demoSignatureImage(name: string): Buffer {
  const canvas = new Canvas(360, 150);
  const blue: Colour = [20, 50, 180];
  const s = seeds(name);
  // A looping flourish: a sum of sines along x, drawn as overlapping discs.
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 25 + t * 300 + 18 * Math.sin(t * 40 * (0.6 + s[0]));
    const y = 80 + 35 * Math.sin(t * 9 * (0.5 + s[1]) + s[2] * 6) * Math.cos(t * 3 + s[3]) + 12 * Math.cos(t * 40 * (0.6 + s[0]));
    canvas.disc(x, y, 2.2 + Math.sin(t * Math.PI), blue);
  }
  // The underline stroke.
  for (let t = 0; t <= 1; t += 0.001) canvas.disc(60 + t * 250, 125 - 10 * t + 4 * Math.sin(t * 6), 1.8, blue);
  return canvas.png();
}

export function demoSealImage(orgName: string): Buffer {
  const size = 300;
  const canvas = new Canvas(size, size);
  const red: Colour = [210, 20, 30];
  const centre = size / 2;
  // Two rings (outer band and inner line) and a five-pointed star, in one pass over the pixels.
  const star = starPolygon(60);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - centre;
      const dy = y + 0.5 - centre;
      const d = Math.sqrt(dx * dx + dy * dy);
      const ring = Math.max(Math.min(148 - d, d - 138), Math.min(100 - d, d - 94)) + 0.5;
      canvas.paint(x, y, red, d < 61 && inPolygon(star, dx, dy) ? 1 : ring);
    }
  }
  // Dots around the band where a real seal has its text.
  const count = 18 + Math.round(seeds(orgName)[0] * 10);
  for (let i = 0; i < count; i++) {
    const angle = (i / count) * 2 * Math.PI;
    canvas.disc(centre + 119 * Math.cos(angle), centre + 119 * Math.sin(angle), 6, red);
  }
  return canvas.png();
}

/** The ten vertices of a star pointing up. */
function starPolygon(radius: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return points;
}

/** Even-odd point-in-polygon test. */
function inPolygon(points: Array<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

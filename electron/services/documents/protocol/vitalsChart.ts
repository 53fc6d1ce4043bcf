/**
 * The vitals chart drawn with vector paths (no screenshot): heart rate, blood pressure and respiratory rate, SpO₂,
 * and beneath them the dose rate as a step line on the same time axis, with boluses, pauses and alarms marked.
 */
import { mlPerHToMgPerKgPerH } from '../../../../core/dose/rate';
import { formatTime } from '../format';
import { CONTENT_WIDTH, FONT, MARGIN, type Doc } from '../pdfWriter';
import type { ProtocolContext } from './context';

const AXIS_WIDTH = 34;
const PLOT_LEFT = MARGIN.left + AXIS_WIDTH;
const PLOT_WIDTH = CONTENT_WIDTH - AXIS_WIDTH - 8;
const PANELS = { main: 150, spo2: 55, rate: 65, gap: 8 };
const LEGEND_HEIGHT = 14;
const TIME_AXIS_HEIGHT = 14;
export const CHART_HEIGHT = LEGEND_HEIGHT + PANELS.main + PANELS.spo2 + PANELS.rate + 2 * PANELS.gap + TIME_AXIS_HEIGHT;

const COLOR = { hr: '#1b7f3b', nibpSys: '#c62828', nibpDia: '#8e1b1b', respRate: '#e07b00', spo2: '#1565c0', rate: '#6a1b9a', alarm: '#d00000', pause: '#dddddd', grid: '#e2e2e2' };

interface Panel {
  top: number;
  height: number;
  min: number;
  max: number;
}

type Series = { times: readonly number[]; values: readonly (number | null)[] };

/**
 * A bucket's lowest and highest value as two points at its time: the drawn line covers the band, so a short dip is
 * never averaged away (the review's buckets, core/trendBuckets.ts).
 */
function bandOf(times: readonly number[], s: { min: readonly (number | null)[]; max: readonly (number | null)[] }): Series {
  return { times: times.flatMap((t) => [t, t]), values: times.flatMap((_, i) => [s.min[i] ?? null, s.max[i] ?? null]) };
}

export function vitalsChart(ctx: ProtocolContext): void {
  const { w, T, lang, review } = ctx;
  const d = review.detail;
  w.ensureSpace(CHART_HEIGHT + 40); // heading and chart stay on one page
  w.heading(T.chart);
  const byParam = new Map(review.vitals.series.map((s) => [s.parameter, bandOf(review.vitals.times, s)]));
  const hasVitals = review.vitals.series.some((s) => s.max.some((v) => v !== null));
  const events = d.doseEvents;
  const from = Math.min(review.vitalsFrom, events[0]?.at ?? Infinity);
  const to = Math.max(review.vitalsTo, events.at(-1)?.at ?? -Infinity, from + 60_000);
  if (!hasVitals) w.paragraph(T.chartNoVitals, { color: '#555' });
  w.ensureSpace(CHART_HEIGHT + 6);
  const doc = w.doc;
  const top = doc.y + 2;
  const x = (t: number) => PLOT_LEFT + ((t - from) / (to - from)) * PLOT_WIDTH;

  legend(doc, top, T.chartLegend);
  const main: Panel = { top: top + LEGEND_HEIGHT, height: PANELS.main, min: 0, max: 200 };
  const spo2: Panel = { top: main.top + main.height + PANELS.gap, height: PANELS.spo2, min: 80, max: 100 };
  const rates = events.map((e) => e.rateMgPerKgPerH ?? 0);
  const rateMax = niceMax(Math.max(0.2, ...rates, d.prescription?.targetMgPerKgPerH ?? 0));
  const rate: Panel = { top: spo2.top + spo2.height + PANELS.gap, height: PANELS.rate, min: 0, max: rateMax };

  const ticks = timeTicks(from, to);
  for (const p of [main, spo2, rate]) frame(doc, p, ticks.map(x));
  axisLabels(doc, main, [0, 50, 100, 150, 200]);
  axisLabels(doc, spo2, [80, 90, 100]);
  axisLabels(doc, rate, [0, rateMax / 2, rateMax], lang);
  doc.font(FONT.condensed).fontSize(6.5).fillColor('#333');
  for (const t of ticks) doc.text(formatTime(t, lang), x(t) - 15, rate.top + rate.height + 3, { width: 30, align: 'center', lineBreak: false });

  pauses(doc, events, rate, x, to);
  for (const p of ['hr', 'respRate'] as const) line(doc, byParam.get(p), main, x, COLOR[p]);
  for (const p of ['nibpSys', 'nibpDia'] as const) line(doc, byParam.get(p), main, x, COLOR[p], p === 'nibpSys' ? 'down' : 'up');
  line(doc, byParam.get('spo2'), spo2, x, COLOR.spo2);
  rateLine(doc, ctx, rate, x, to);
  alarmMarks(doc, ctx, main, x, from, to);
  doc.y = rate.top + rate.height + TIME_AXIS_HEIGHT + 4;
  doc.x = MARGIN.left;
  doc.font(FONT.regular).fontSize(9).fillColor('#000');
}

function legend(doc: Doc, top: number, labels: Record<string, string>): void {
  let lx = PLOT_LEFT;
  doc.font(FONT.condensed).fontSize(7);
  for (const key of ['hr', 'nibpSys', 'nibpDia', 'respRate', 'spo2', 'rate', 'bolus', 'pause', 'alarm'] as const) {
    const color = key === 'bolus' ? COLOR.rate : key === 'pause' ? '#aaaaaa' : COLOR[key];
    if (key === 'pause') doc.rect(lx, top + 2, 10, 6).fillColor(COLOR.pause).fill();
    else if (key === 'bolus') triangle(doc, lx + 5, top + 8, color);
    else if (key === 'alarm') doc.moveTo(lx + 5, top + 1).lineTo(lx + 5, top + 9).lineWidth(1.5).strokeColor(color).stroke();
    else doc.moveTo(lx, top + 5).lineTo(lx + 10, top + 5).lineWidth(1.5).strokeColor(color).stroke();
    const label = labels[key] ?? key;
    doc.fillColor('#222').text(label, lx + 13, top + 1, { lineBreak: false });
    lx += 13 + doc.widthOfString(label) + 9;
  }
}

function frame(doc: Doc, p: Panel, tickXs: number[]): void {
  doc.lineWidth(0.3).strokeColor(COLOR.grid);
  for (const tx of tickXs) doc.moveTo(tx, p.top).lineTo(tx, p.top + p.height).stroke();
  for (let i = 1; i < 4; i++) {
    const y = p.top + (p.height * i) / 4;
    doc.moveTo(PLOT_LEFT, y).lineTo(PLOT_LEFT + PLOT_WIDTH, y).stroke();
  }
  doc.rect(PLOT_LEFT, p.top, PLOT_WIDTH, p.height).lineWidth(0.6).strokeColor('#777').stroke();
}

function axisLabels(doc: Doc, p: Panel, values: number[], lang?: string): void {
  doc.font(FONT.condensed).fontSize(6.5).fillColor('#333');
  for (const v of values) {
    const y = yOf(p, v);
    const text = lang ? new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(v) : String(v);
    doc.text(text, MARGIN.left, y - 3.5, { width: AXIS_WIDTH - 4, align: 'right', lineBreak: false });
  }
}

function yOf(p: Panel, v: number): number {
  const clamped = Math.min(p.max, Math.max(p.min, v));
  return p.top + p.height - ((clamped - p.min) / (p.max - p.min)) * p.height;
}

/** Longer than this without a sample is a gap (monitor off or disconnected), never bridged by a line. */
const MAX_BRIDGE_MS = 20 * 60_000;

/**
 * A series as a polyline; a missing value (null) or a long silence is a gap, never a line across it.
 * Blood pressure readings get the chart's classic marks: ∨ systolic, ∧ diastolic.
 */
function line(doc: Doc, s: Series | undefined, p: Panel, x: (t: number) => number, color: string, mark?: 'down' | 'up'): void {
  if (!s) return;
  doc.save();
  doc.rect(PLOT_LEFT, p.top, PLOT_WIDTH, p.height).clip();
  doc.lineWidth(0.9).strokeColor(color).lineJoin('round');
  let drawing = false;
  let points = 0;
  let lastT = -Infinity;
  s.times.forEach((t, i) => {
    const v = s.values[i];
    const silent = t - lastT > MAX_BRIDGE_MS;
    lastT = t;
    if (v === null || v === undefined || silent) {
      if (drawing && points > 0) doc.stroke();
      drawing = false;
      points = 0;
      if (v === null || v === undefined) return;
    }
    if (!drawing) {
      doc.moveTo(x(t), yOf(p, v));
      drawing = true;
    } else {
      doc.lineTo(x(t), yOf(p, v));
      points++;
    }
  });
  if (drawing && points > 0) doc.stroke();
  if (mark) {
    doc.lineWidth(0.9).strokeColor(color);
    s.times.forEach((t, i) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const [cx, cy] = [x(t), yOf(p, v)];
      const dy = mark === 'down' ? -4 : 4;
      doc.moveTo(cx - 2.5, cy + dy).lineTo(cx, cy).lineTo(cx + 2.5, cy + dy).stroke();
    });
  }
  doc.restore();
}

/** The documented dose rate as a step line (mg/kg/h), zero while paused or stopped; boluses as triangles. */
function rateLine(doc: Doc, ctx: ProtocolContext, p: Panel, x: (t: number) => number, to: number): void {
  const d = ctx.review.detail;
  const basis = d.prescription;
  if (!basis) return;
  let current = 0;
  let last = 0;
  let started = false;
  doc.lineWidth(1.3).strokeColor(COLOR.rate);
  for (const e of d.doseEvents) {
    if (e.kind === 'bolus') continue;
    const next =
      e.kind === 'start' || e.kind === 'rateChange'
        ? (e.rateMgPerKgPerH ?? mlPerHToMgPerKgPerH(e.rateMlPerH ?? 0, basis).mgPerKgPerH)
        : e.kind === 'resume'
          ? last
          : 0;
    if (e.kind === 'start' || e.kind === 'rateChange') last = next;
    if (!started) {
      doc.moveTo(x(e.at), yOf(p, 0));
      started = true;
    }
    doc.lineTo(x(e.at), yOf(p, current)).lineTo(x(e.at), yOf(p, next));
    current = next;
  }
  if (started) {
    doc.lineTo(x(to), yOf(p, current)).stroke();
  }
  for (const e of d.doseEvents) if (e.kind === 'bolus') triangle(doc, x(e.at), p.top + 9, COLOR.rate);
}

function pauses(doc: Doc, events: ProtocolContext['review']['detail']['doseEvents'], p: Panel, x: (t: number) => number, to: number): void {
  let pausedAt: number | null = null;
  const shade = (a: number, b: number) => doc.rect(x(a), p.top, Math.max(0.5, x(b) - x(a)), p.height).fillColor(COLOR.pause).fill();
  for (const e of events) {
    if (e.kind === 'pause') pausedAt = e.at;
    if ((e.kind === 'resume' || e.kind === 'stop') && pausedAt !== null) {
      shade(pausedAt, e.at);
      pausedAt = null;
    }
  }
  if (pausedAt !== null) shade(pausedAt, to);
}

function alarmMarks(doc: Doc, ctx: ProtocolContext, p: Panel, x: (t: number) => number, from: number, to: number): void {
  doc.lineWidth(1.2).strokeColor(COLOR.alarm);
  for (const a of ctx.review.alarms) {
    if (a.type !== 'raised' || a.at < from || a.at > to) continue;
    const width = a.priority === 'high' ? 1.8 : 1;
    doc.lineWidth(width).moveTo(x(a.at), p.top).lineTo(x(a.at), p.top + 10).stroke();
  }
}

function triangle(doc: Doc, cx: number, baseY: number, color: string): void {
  doc.polygon([cx - 3.5, baseY - 7], [cx + 3.5, baseY - 7], [cx, baseY]).fillColor(color).fill();
}

function niceMax(v: number): number {
  for (const step of [0.2, 0.25, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5]) if (v <= step) return step;
  return Math.ceil(v);
}

/** Ticks every 5, 10, 15, 30 or 60 min, whichever gives about 6–12 labels. */
export function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  const step = [5, 10, 15, 30, 60, 120].map((m) => m * 60_000).find((s) => span / s <= 12) ?? 240 * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

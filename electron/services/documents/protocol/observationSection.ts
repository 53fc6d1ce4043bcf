/** Observations with their scales in words (RASS, MOAA/S, dissociation, nausea), and adverse events with rescue drugs. */
import { DISSOCIATION_LEVELS, MOAAS_LEVELS, NAUSEA_LEVELS, RASS_LEVELS, type Level } from '../../../../core/session/scales';
import { formatNumber, formatTime } from '../format';
import { rescueText, type RecordedRescue } from '../rescue';
import { nameOf, say, type Detail, type ProtocolContext } from './context';

type ObservationRow = Detail['observations'][number];

function level(levels: readonly Level[], score: number, ctx: ProtocolContext): string {
  const l = levels.find((x) => x.score === score);
  return l ? `${formatNumber(score, ctx.lang)} – ${l[ctx.lang]}` : formatNumber(score, ctx.lang);
}

/** One observation's value in words. */
export function observationValue(o: ObservationRow['observation'], ctx: ProtocolContext): string {
  const { lang, T } = ctx;
  const n = (key: string) => (typeof o[key] === 'number' ? (o[key] as number) : undefined);
  switch (o.kind) {
    case 'pain':
      return `NRS ${formatNumber(n('nrs'), lang, 1)}`;
    case 'sedation':
      return o.scale === 'moaas' ? `MOAA/S ${level(MOAAS_LEVELS, n('score') ?? NaN, ctx)}` : `RASS ${level(RASS_LEVELS, n('score') ?? NaN, ctx)}`;
    case 'dissociation':
      return level(DISSOCIATION_LEVELS, n('score') ?? NaN, ctx);
    case 'nausea': {
      const vomiting = n('vomitingEpisodes');
      return [level(NAUSEA_LEVELS, n('score') ?? NaN, ctx), vomiting ? say(ctx, T.vomiting, { n: vomiting }) : ''].filter(Boolean).join(', ');
    }
    case 'bloodPressure': {
      const parts = [`${formatNumber(n('systolicMmHg'), lang, 0)}/${formatNumber(n('diastolicMmHg'), lang, 0)} mmHg`];
      if (n('heartRate') !== undefined) parts.push(`${lang === 'de' ? 'HF' : 'HR'} ${formatNumber(n('heartRate'), lang, 0)}/min`);
      if (n('spo2') !== undefined) parts.push(`SpO₂ ${formatNumber(n('spo2'), lang, 0)} %`);
      return parts.join(', ');
    }
    case 'note':
      return String(o.text ?? '');
    case 'adverseEvent':
      return `${T.severity[String(o.severity)] ?? String(o.severity)}: ${String(o.description ?? '')}`;
    default:
      return JSON.stringify(o);
  }
}

export function observationSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const rows = ctx.review.detail.observations.filter((o) => o.observation.kind !== 'adverseEvent');
  w.heading(T.observations);
  const cols = T.observationColumns;
  w.table(
    [
      { header: cols[0]!, width: 40 },
      { header: cols[1]!, width: 100 },
      { header: cols[2]!, width: 260 },
      { header: cols[3]!, width: 90 },
    ],
    rows.map((o) => [formatTime(o.observation.at, lang), T.observationKinds[o.observation.kind] ?? o.observation.kind, observationValue(o.observation, ctx), o.recorded.userName]),
  );
}

export function adverseEventSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const rows = ctx.review.detail.observations.filter((o) => o.observation.kind === 'adverseEvent');
  w.heading(T.adverseEvents);
  const cols = T.adverseColumns;
  w.table(
    [
      { header: cols[0]!, width: 40 },
      { header: cols[1]!, width: 50 },
      { header: cols[2]!, width: 190 },
      { header: cols[3]!, width: 130 },
      { header: cols[4]!, width: 80 },
    ],
    rows.map((o) => {
      const rescue = o.observation.rescueMedication as RecordedRescue | undefined;
      return [
        formatTime(o.observation.at, lang),
        T.severity[String(o.observation.severity)] ?? String(o.observation.severity),
        String(o.observation.description ?? ''),
        rescue ? rescueText(rescue, lang, (id) => nameOf(ctx, id)) : '—',
        o.recorded.userName,
      ];
    }),
    { emptyText: T.noAdverseEvents },
  );
}

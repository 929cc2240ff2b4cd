// Help → Diagnostics (non-modal): the live resource monitor report — active workers, timers and
// listeners, leaks and retained objects, the last verification, a memory/CPU chart of the
// snapshots, and the cleanup history — with Free memory now, Verify now, Copy and Save report.
import { disposableInterval, Emitter, Event } from '../../core/lifecycle';
import type { ResourceMonitor } from '../../core/monitor/resource-monitor';
import type { ResourceMonitorReport, VerificationResult } from '../../core/monitor/monitor-report';
import type { CleanupRecord } from '../../core/operations/cleanup-history';
import { QLabel, QPushButton, QSvgWidget, QTableView, QWidget } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';
import { memoryChartSvg } from './memory-chart-svg';
import { cleanupDetails, cleanupSentence } from './cleanup-wording';

const MB = 1048576;
const mb = (b: number) => `${(b / MB).toFixed(1)} MB`;

export function historyRows(history: readonly CleanupRecord[]): CleanupRecord[] {
  return [...history].reverse(); // newest first
}

/** One line of the findings list: a retained object, an undisposed root or an orphaned resource. */
export interface FindingRow {
  what: string;
  type: string;
  label: string;
  owners: string;
  ageS: number;
  stack?: string;
}

export function findingRows(v: VerificationResult | null): FindingRow[] {
  if (!v) return [];
  const objects = v.objects.map((o) => ({
    what: o.kind === 'retained' ? 'retained after dispose' : 'never disposed',
    type: o.type,
    label: o.label,
    owners: o.ownerChain.length ? o.ownerChain.join(' ← ') : '(nobody: a root)',
    ageS: Math.round(o.ageMs / 1000),
    stack: o.stack,
  }));
  const orphans = v.orphanList.map((o) => ({ what: `orphaned ${o.kind}`, type: o.kind, label: o.label, owners: o.reason, ageS: Math.round(o.ageMs / 1000) }));
  return [...objects, ...orphans];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLines(r: ResourceMonitorReport): { active: string; leaks: string; verification: string; trend: string } {
  const a = r.active;
  const l = r.leaks;
  const v = r.lastVerification;
  const found = v ? [v.retained && `${v.retained} retained`, v.undisposed && `${v.undisposed} never disposed`, v.orphans && `${v.orphans} orphaned`].filter(Boolean).join(', ') : '';
  const t = r.trend;
  const trend = t.samples < 3 ? `${plural(t.samples, 'settled sample')} so far (a trend needs 3 over a minute)` : `${t.growthMb >= 0 ? '+' : ''}${t.growthMb.toFixed(1)} MB over ${plural(t.samples, 'settled sample')} (${t.mbPerMin.toFixed(2)} MB/min)`;
  return {
    active: `Active now: ${plural(a.workers, 'worker')} · ${plural(a.operations, 'operation')} · ${plural(a.timers, 'timer')} · ${plural(a.listeners, 'listener')} · sampling every ${r.intervalMs.idle / 1000} s idle, ${r.intervalMs.busy / 1000} s while an operation runs`,
    leaks: `Leaks: ${l.leaksDetected} workers that could not be stopped · ${l.retained} retained after dispose · ${l.undisposed} never disposed · ${l.orphans} orphaned · ${l.collectedWithoutDispose} collected without dispose · busy workers ended at once (Cancel, Free memory): ${l.forcedTerminations}`,
    verification: v ? `Last verification ${new Date(v.at).toLocaleTimeString()}: ${v.outcome === 'clean' ? 'clean — nothing retained, no undisposed roots, no orphans' : `${found} (listed below)`}` : 'Not verified yet: press Verify now',
    trend: `Memory trend: ${trend}${t.warning ? ` — ⚠ ${t.warning}` : ''} · pressure: ${r.memoryPressure.level}`,
  };
}

export class DiagnosticsDialog extends AppDialog {
  private readonly activeLabel: QLabel;
  private readonly leaksLabel: QLabel;
  private readonly verifyLabel: QLabel;
  private readonly trendLabel: QLabel;
  private readonly chart = new QSvgWidget();
  private readonly history = new QTableView();
  private readonly historyModel: ArrayTableModel<CleanupRecord>;
  private readonly findings = new QTableView();
  private readonly findingsModel: ArrayTableModel<FindingRow>;
  private readonly detailLabel: QLabel;
  private readonly actions = this.register(new Emitter<'free' | 'verify' | 'copy' | 'save'>('DiagnosticsDialog.action'));
  readonly onDidRequest: Event<'free' | 'verify' | 'copy' | 'save'> = this.actions.event;
  lastReport: ResourceMonitorReport | undefined;

  constructor(parent: QWidget, private readonly monitor: ResourceMonitor) {
    super('DiagnosticsDialog', { parent, objectName: 'diagnosticsDialog', title: 'Diagnostics — resources and cleanup' });
    this.activeLabel = label('', { name: 'diagActive', wrap: true, selectable: true });
    this.leaksLabel = label('', { name: 'diagLeaks', wrap: true, selectable: true });
    this.verifyLabel = label('', { name: 'diagVerification', wrap: true, selectable: true });
    this.trendLabel = label('', { name: 'diagTrend', wrap: true, selectable: true });
    this.chart.setFixedSize(900, 230);
    this.findingsModel = new ArrayTableModel<FindingRow>([
      { title: 'Found', text: (f) => f.what },
      { title: 'Type', text: (f) => f.type },
      { title: 'Label', text: (f) => f.label, tooltip: (f) => f.stack },
      { title: 'Owned by', text: (f) => f.owners },
      { title: 'Age', text: (f) => `${f.ageS} s`, alignRight: true },
    ]);
    this.register(ownTableModel(this.findingsModel, 'verification-findings'));
    readOnlyTable(this.findings, { name: 'diagFindings', model: this.findingsModel, widths: [150, 150, 220, 0, 60], stretch: 3 });
    this.findings.setMaximumHeight(120);
    this.historyModel = new ArrayTableModel<CleanupRecord>([
      { title: 'Time', text: (r) => new Date(r.at).toLocaleTimeString() },
      { title: 'Operation', text: (r) => r.label, tooltip: (r) => `${r.kind} #${r.operationId ?? '—'}` },
      { title: 'What happened', text: (r) => cleanupSentence(r), tooltip: (r) => cleanupDetails(r) },
      { title: 'Took', text: (r) => `${Math.round(r.durationMs)} ms`, alignRight: true },
      { title: 'Memory before → after', text: (r) => `${mb(r.memoryBefore.rss)} → ${mb(r.memoryAfter.rss)}`, alignRight: true, tooltip: (r) => `heap ${mb(r.memoryBefore.heapUsed)} → ${mb(r.memoryAfter.heapUsed)}, external ${mb(r.memoryBefore.external)} → ${mb(r.memoryAfter.external)}` },
    ]);
    this.register(ownTableModel(this.historyModel, 'cleanup-history'));
    readOnlyTable(this.history, { name: 'diagHistory', model: this.historyModel, widths: [96, 230, 0, 70, 170], stretch: 2 });
    this.detailLabel = label('Select a row to see its details.', { name: 'diagDetails', wrap: true, selectable: true });
    this.detailLabel.setMinimumHeight(36);
    this.register(listen(this.history, 'clicked', () => this.showHistoryDetails(), 'diagHistory.clicked'));
    this.register(listen(this.findings, 'clicked', () => this.showFindingDetails(), 'diagFindings.clicked'));
    const button = (text: string, id: 'free' | 'verify' | 'copy' | 'save') => {
      const b = new QPushButton();
      b.setText(text);
      b.setObjectName(`diag-${id}`);
      this.register(listen(b, 'clicked', () => this.actions.fire(id), `diag.${id}`));
      return b;
    };
    const close = new QPushButton();
    close.setText('Close');
    this.register(listen(close, 'clicked', () => this.dialog.close(), 'diag.close'));
    const heading = label('Cleanup history (newest first): click a row for its technical steps', { name: 'diagHistoryTitle' });
    const findingsTitle = label('Found by the last verification: retained and undisposed objects, orphaned resources', { name: 'diagFindingsTitle' });
    fill(
      this.dialog,
      vbox(
        [
          this.activeLabel,
          this.leaksLabel,
          this.verifyLabel,
          this.trendLabel,
          hbox([this.chart, 'stretch']),
          findingsTitle,
          this.findings,
          heading,
          grow(this.history),
          this.detailLabel,
          hbox([button('Free memory now', 'free'), button('Verify now', 'verify'), 'stretch', button('Copy report', 'copy'), button('Save report…', 'save'), close], { spacing: 6 }),
        ],
        { margins: 10, spacing: 6 },
      ),
    );
    this.dialog.resize(1000, 860);
    // Live while open: the monitor's events, plus a 1 s refresh of the counts between samples.
    this.register(monitor.onDidSample(() => this.refresh()));
    this.register(disposableInterval(() => this.dialog.isVisible() && this.refresh(), 1000, 'diagnostics-refresh', { owner: this }));
    this.refresh();
  }

  override show(): void {
    this.refresh();
    super.show();
  }

  refresh(): void {
    const r = this.monitor.getResourceMonitorReport();
    this.lastReport = r;
    const s = summaryLines(r);
    this.activeLabel.setText(s.active);
    this.leaksLabel.setText(s.leaks);
    this.verifyLabel.setText(s.verification);
    this.trendLabel.setText(s.trend);
    const svg = memoryChartSvg(
      r.snapshots.map((x) => ({ at: x.atMs, rssMb: x.rss / MB, heapMb: x.heapUsed / MB, cpuPercent: x.cpuPercent ?? 0 })),
      r.operations,
    );
    this.chart.load(Buffer.from(svg, 'utf8'));
    // Rows are replaced only when they changed: a reset would drop the user's selection every second.
    const history = historyRows(r.history);
    const historyKey = `${r.historyTotals.clean + r.historyTotals.forced + r.historyTotals.leak + r.historyTotals.error}:${history.length}`;
    if (historyKey !== this.shownHistory) {
      this.shownHistory = historyKey;
      this.historyModel.setRows(history);
    }
    const verificationKey = r.lastVerification?.at ?? '';
    if (verificationKey !== this.shownVerification) {
      this.shownVerification = verificationKey;
      this.findingsModel.setRows(findingRows(r.lastVerification));
    }
  }

  private shownHistory: string | undefined;
  private shownVerification: string | undefined;

  private showHistoryDetails(): void {
    const r = this.historyModel.rowAt(this.history.currentIndex().row());
    if (r) this.detailLabel.setText(cleanupDetails(r));
  }

  private showFindingDetails(): void {
    const f = this.findingsModel.rowAt(this.findings.currentIndex().row());
    if (f) this.detailLabel.setText(`${f.what}: ${f.type} “${f.label}”, owned by ${f.owners}\n${f.stack ?? 'Where it was created is recorded while stack tracking is on (IFC_RS_LEAK_STACKS=1).'}`);
  }

  get findingCount(): number {
    return this.findingsModel.length;
  }

  findingRow(i: number): FindingRow | undefined {
    return this.findingsModel.rowAt(i);
  }

  get historyCount(): number {
    return this.historyModel.length;
  }

  historyRow(i: number): CleanupRecord | undefined {
    return this.historyModel.rowAt(i);
  }
}

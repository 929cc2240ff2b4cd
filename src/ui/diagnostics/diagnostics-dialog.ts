// Help → Diagnostics (non-modal): the live resource monitor report — active workers, timers and
// listeners, leaks and retained objects, the last verification, a memory/CPU chart of the
// snapshots, and the cleanup history — with Free memory now, Verify now, Copy and Save report.
import { disposableInterval, Emitter, Event } from '../../core/lifecycle';
import type { ResourceMonitor } from '../../core/monitor/resource-monitor';
import type { ResourceMonitorReport } from '../../core/monitor/monitor-report';
import type { CleanupRecord } from '../../core/operations/cleanup-history';
import { QLabel, QPushButton, QSvgWidget, QTableView, QWidget } from '../qt';
import { AppDialog } from '../dialogs/app-dialog';
import { fill, grow, hbox, label, vbox } from '../widgets/layout';
import { listen } from '../widgets/qt-lifecycle';
import { ArrayTableModel, ownTableModel } from '../widgets/table-model';
import { readOnlyTable } from '../widgets/table-view';
import { memoryChartSvg } from './memory-chart-svg';

const MB = 1048576;
const mb = (b: number) => `${(b / MB).toFixed(1)} MB`;

export function historyRows(history: readonly CleanupRecord[]): CleanupRecord[] {
  return [...history].reverse(); // newest first
}

export function summaryLines(r: ResourceMonitorReport): { active: string; leaks: string; verification: string; trend: string } {
  const a = r.active;
  const l = r.leaks;
  const v = r.lastVerification;
  return {
    active: `Active now: ${a.workers} worker${a.workers === 1 ? '' : 's'} · ${a.operations} operation${a.operations === 1 ? '' : 's'} · ${a.timers} timer${a.timers === 1 ? '' : 's'} · ${a.listeners} listeners · ${a.caches} cache${a.caches === 1 ? '' : 's'}`,
    leaks: `Leaks: ${l.leaksDetected} detected · ${l.retained} retained after dispose · ${l.undisposed} never disposed · ${l.orphans} orphaned · ${l.forcedTerminations} forced terminations · ${l.collectedWithoutDispose} collected without dispose`,
    verification: v ? `Last verification ${new Date(v.at).toLocaleTimeString()}: ${v.outcome === 'clean' ? 'clean — nothing retained, no orphans' : `${v.findings.length} finding(s)`}` : 'Not verified yet: press Verify now',
    trend: `Memory trend over ${r.trend.samples} snapshot${r.trend.samples === 1 ? '' : 's'}: ${r.trend.growthMb >= 0 ? '+' : ''}${r.trend.growthMb.toFixed(1)} MB (${r.trend.mbPerMin.toFixed(2)} MB/min)${r.trend.warning ? ` — ⚠ ${r.trend.warning}` : ''} · pressure: ${r.memoryPressure.level}`,
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
  private readonly actions = this.register(new Emitter<'free' | 'verify' | 'copy' | 'save'>('DiagnosticsDialog.action'));
  readonly onDidRequest: Event<'free' | 'verify' | 'copy' | 'save'> = this.actions.event;
  lastReport: ResourceMonitorReport | undefined;

  constructor(parent: QWidget, private readonly monitor: ResourceMonitor) {
    super('DiagnosticsDialog', { parent, objectName: 'diagnosticsDialog', title: 'Diagnostics — resources and cleanup' });
    this.activeLabel = label('', { name: 'diagActive', wrap: true, selectable: true });
    this.leaksLabel = label('', { name: 'diagLeaks', wrap: true, selectable: true });
    this.verifyLabel = label('', { name: 'diagVerification', wrap: true, selectable: true });
    this.trendLabel = label('', { name: 'diagTrend', wrap: true, selectable: true });
    this.chart.setFixedSize(560, 200);
    this.historyModel = new ArrayTableModel<CleanupRecord>([
      { title: 'Time', text: (r) => new Date(r.at).toLocaleTimeString() },
      { title: 'Operation', text: (r) => r.label, tooltip: (r) => `${r.kind} #${r.operationId ?? '—'}` },
      { title: 'Trigger', text: (r) => r.trigger },
      { title: 'Steps', text: (r) => r.steps.map((s) => `${s.name}: ${s.outcome}`).join(' → '), tooltip: (r) => r.steps.map((s) => `${s.name}: ${s.outcome} (${s.durationMs} ms)`).join('\n') },
      { title: 'Duration', text: (r) => `${Math.round(r.durationMs)} ms`, alignRight: true },
      { title: 'Outcome', text: (r) => r.outcome },
      { title: 'Memory before → after', text: (r) => `${mb(r.memoryBefore.rss)} → ${mb(r.memoryAfter.rss)}`, alignRight: true, tooltip: (r) => `heap ${mb(r.memoryBefore.heapUsed)} → ${mb(r.memoryAfter.heapUsed)}, external ${mb(r.memoryBefore.external)} → ${mb(r.memoryAfter.external)}` },
    ]);
    this.register(ownTableModel(this.historyModel, 'cleanup-history'));
    readOnlyTable(this.history, { name: 'diagHistory', model: this.historyModel, widths: [80, 200, 80, 260, 70, 60], stretch: 6 });
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
    const heading = label('Cleanup history (newest first)', { name: 'diagHistoryTitle' });
    fill(
      this.dialog,
      vbox(
        [
          this.activeLabel,
          this.leaksLabel,
          this.verifyLabel,
          this.trendLabel,
          hbox([this.chart, 'stretch']),
          heading,
          grow(this.history),
          hbox([button('Free memory now', 'free'), button('Verify now', 'verify'), 'stretch', button('Copy report', 'copy'), button('Save report…', 'save'), close], { spacing: 6 }),
        ],
        { margins: 10, spacing: 6 },
      ),
    );
    this.dialog.resize(980, 640);
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
    const svg = memoryChartSvg(r.snapshots.map((x) => ({ at: x.atMs, rssMb: x.rss / MB, heapMb: x.heapUsed / MB, cpuPercent: x.cpuPercent ?? 0 })));
    this.chart.load(Buffer.from(svg, 'utf8'));
    this.historyModel.setRows(historyRows(r.history));
  }

  get historyCount(): number {
    return this.historyModel.length;
  }

  historyRow(i: number): CleanupRecord | undefined {
    return this.historyModel.rowAt(i);
  }
}

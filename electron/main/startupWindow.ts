/**
 * A small window while the database is made ready before the main window can open: today the one-time encryption
 * of a database from before encryption at rest (minutes for a large file). It shows each step in its title and the
 * taskbar's progress, and loads no page at all, so it has nothing to attack. Literal webPreferences, as window.ts.
 */
import { BrowserWindow } from 'electron';

const TITLE = 'Infusionsüberwachung – Datenbank wird einmalig verschlüsselt';

export interface StartupProgress {
  /** One progress line of the database worker (e.g. "copying 40 %"). */
  step(line: string): void;
  close(): void;
}

export function startupProgress(): StartupProgress {
  let win: BrowserWindow | null = null;
  return {
    step(line) {
      win ??= new BrowserWindow({
        width: 760,
        height: 120,
        resizable: false,
        backgroundColor: '#0b0d10',
        title: TITLE,
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          spellcheck: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      win.setTitle(`${TITLE}: ${line}`);
      const percent = /(\d+)\s*%/.exec(line);
      win.setProgressBar(percent ? Number(percent[1]) / 100 : 2); // 2 = indeterminate
    },
    close() {
      win?.destroy();
      win = null;
    },
  };
}

// Where the app keeps its files, per the platform's conventions (XDG on Linux): logs, settings,
// annotations. IFC_RS_HOME moves all of them under one folder (tests and portable installs).
import envPaths from 'env-paths';
import * as path from 'path';

export interface AppPaths {
  log: string;
  config: string;
  data: string;
  cache: string;
  temp: string;
}

export function appPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  const home = env.IFC_RS_HOME;
  if (home) {
    return { log: path.join(home, 'log'), config: path.join(home, 'config'), data: path.join(home, 'data'), cache: path.join(home, 'cache'), temp: path.join(home, 'tmp') };
  }
  // No "-nodejs" suffix: the folders are named after the app, as users expect.
  const p = envPaths('ifc-room-schedule', { suffix: '' });
  return { log: p.log, config: p.config, data: p.data, cache: p.cache, temp: p.temp };
}

// Who wrote an export: the app's name and version, from package.json so they never drift. tsc
// copies the imported package.json into out/ and webpack inlines it, so both builds find it.
import packageJson from '../../package.json';

export const EXPORTER = { app: packageJson.name, version: packageJson.version } as const;

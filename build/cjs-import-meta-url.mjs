// Injected into the CommonJS bundles (build/bundle-electron.mjs), where `import.meta.url` is defined as
// this export: the bundle's own file URL (inside an app.asar, the asar path Electron resolves).
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;

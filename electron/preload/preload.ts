import { contextBridge, ipcRenderer } from 'electron';

import { createPolyseekApi } from './polyseek-api';

// Sandboxed preload: bundled to one CommonJS file that requires nothing but 'electron'. Exposes the two
// verbs and nothing else: never ipcRenderer, never process.
contextBridge.exposeInMainWorld('polyseek', createPolyseekApi(ipcRenderer));

export { writeFileAtomic } from './atomic-write';
export { MIGRATIONS, type Migration } from './migrations';
export { createSettingsHandlers, licenseStatus, type SettingsCommand } from './settings-handlers';
export { SettingsFile, type OpenSettingsOptions } from './settings-file';

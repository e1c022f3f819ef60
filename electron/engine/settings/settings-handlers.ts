import { LICENSE_ID, MODEL_ID, type LicenseStatus, type Settings } from '../../../shared';
import type { EventSink, Handlers } from '../handlers';
import type { SettingsFile } from './settings-file';

export type SettingsCommand = 'settings.get' | 'settings.set' | 'license.status' | 'license.accept';

export function licenseStatus(settings: Settings): LicenseStatus {
  return {
    accepted: settings.license !== null,
    licenseId: LICENSE_ID,
    modelId: MODEL_ID,
    acceptedAt: settings.license?.acceptedAt ?? null,
  };
}

/** Commands served by whichever process owns the settings file (Electron main, or the server/CLI). */
export function createSettingsHandlers(
  file: SettingsFile,
  emit: EventSink,
  now: () => Date = () => new Date(),
): Pick<Handlers, SettingsCommand> {
  return {
    'settings.get': () => Promise.resolve(file.view()),
    'settings.set': async (patch) => {
      const view = await file.update((s) => ({
        ...s,
        encoder: { ...s.encoder, ...stripUndefined(patch.encoder) },
        compute: { ...s.compute, ...stripUndefined(patch.compute) },
        model: { ...s.model, ...stripUndefined(patch.model) },
        search: { ...s.search, ...stripUndefined(patch.search) },
        answer: { ...s.answer, ...stripUndefined(patch.answer) },
      }));
      emit({ name: 'settings.changed', payload: view });
      return view;
    },
    'license.status': () => Promise.resolve(licenseStatus(file.settings)),
    'license.accept': async () => {
      const existing = file.settings.license;
      if (existing) return licenseStatus(file.settings);
      const view = await file.update((s) => ({
        ...s,
        license: { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true, acceptedAt: now().toISOString() },
      }));
      const status = licenseStatus(view.settings);
      emit({ name: 'settings.changed', payload: view });
      emit({ name: 'license.changed', payload: status });
      return status;
    },
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type { Language } from '../../shared/domain/settings.ts';

/** The few strings the main process shows itself (native dialogs); the UI has its own i18n. */
export interface MainStrings {
  readonly openExternalTitle: string;
  readonly openExternalMessage: string;
  readonly openExternalDetail: string;
  readonly open: string;
  readonly cancel: string;
  readonly menuFile: string;
  readonly menuEdit: string;
  readonly menuView: string;
  readonly menuWindow: string;
}

export const MAIN_STRINGS = {
  vi: {
    openExternalTitle: 'Mở liên kết bên ngoài',
    openExternalMessage: 'Mở liên kết này bên ngoài eCabinet?',
    openExternalDetail: 'Chỉ mở liên kết từ nguồn bạn tin cậy.',
    open: 'Mở',
    cancel: 'Hủy',
    menuFile: 'Tệp',
    menuEdit: 'Sửa',
    menuView: 'Xem',
    menuWindow: 'Cửa sổ',
  },
  en: {
    openExternalTitle: 'Open external link',
    openExternalMessage: 'Open this link outside eCabinet?',
    openExternalDetail: 'Only open links from sources you trust.',
    open: 'Open',
    cancel: 'Cancel',
    menuFile: 'File',
    menuEdit: 'Edit',
    menuView: 'View',
    menuWindow: 'Window',
  },
} as const satisfies Record<Language, MainStrings>;

/** Strings for `language`; Vietnamese for anything unknown. */
export function mainStrings(language: unknown): MainStrings {
  return language === 'en' ? MAIN_STRINGS.en : MAIN_STRINGS.vi;
}

import type { Dictionary } from './index.js';

/** Words every screen uses. */
export const common: Dictionary = {
  en: {
    'common.language': 'Language',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.loading': 'Loading…',
    'common.critical': 'critical',
    'common.warning': 'warning',
    'common.info': 'info',
    'common.ok': 'ok',
  },
  ko: {
    'common.language': '언어',
    'common.cancel': '취소',
    'common.close': '닫기',
    'common.loading': '불러오는 중…',
    'common.critical': '심각',
    'common.warning': '경고',
    'common.info': '정보',
    'common.ok': '정상',
  },
};

export { en, type MessageKey } from './en';
export {
  catalogs,
  formatDecimal,
  formatInteger,
  formatPlain,
  getCatalog,
  setLocale,
  t,
  type Catalog,
  type LocaleId,
  type MessageParams,
} from './locale.svelte';
